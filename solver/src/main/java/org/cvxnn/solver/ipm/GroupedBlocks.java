package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Matrix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The layout shared by the combo operators ({@link PathThreeLayerOperator}, {@link PathTreeOperator}):
 * a block of weights {@code u = (u_1..u_G) ∈ R^{G·d}} is G groups (neurons or leaves) of d weights,
 * read as the d × (G·cols) panel of its groups; its Gram matrix {@code K_bᵀ diag(w) K_b} is assembled
 * from the d×d blocks {@code Xᵀ diag(ω_jk) X} of the group pairs {@code j ≤ k}, which are rows of
 * the product of the Khatri–Rao matrix ({@link KhatriRao}) with a panel of the weights ω.
 */
final class GroupedBlocks {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private GroupedBlocks() { }

    /** Rejects combos of {@code combosN × combosD} data that are not the shape of X, or an empty set. */
    static void checkCombos(Matrix x, int combosN, int combosD, int size) {
        if (combosN != x.rows() || combosD != x.cols())
            throw new IllegalArgumentException("combos are for " + combosN + "×" + combosD + " data, X is "
                    + x.rows() + "×" + x.cols());
        if (size == 0) throw new IllegalArgumentException("the combo set is empty");
    }

    /** The d × (groups·cols) panel of groups of a (groups·d) × cols block matrix. */
    static Matrix groupPanel(Matrix u, int d, int groups) {
        int dim = groups * d;
        if (u.rows() != dim || u.ld() != dim)
            throw new IllegalArgumentException("block matrix is " + u.rows() + "×" + u.cols() + " with ld " + u.ld() + ", expected " + dim + " rows");
        return Matrix.wrap(u.segment(), d, groups * u.cols(), d);
    }

    /** The memory of {@code m} from element {@code offset} on (a strided n × cols view given its ld). */
    static MemorySegment slice(Matrix m, long offset) {
        return m.segment().asSlice(offset * Double.BYTES);
    }

    /** Rejects an orthant matrix that is not {@code rows × blocks} with ld {@code rows}. */
    static void requireOrthant(Matrix m, int rows, int blocks) {
        if (m.rows() != rows || m.ld() != rows || m.cols() != blocks)
            throw new IllegalArgumentException("orthant matrix is " + m.rows() + "×" + m.cols() + " with ld " + m.ld()
                    + ", expected " + rows + "×" + blocks);
    }

    /** Rejects a Gram output that is not {@code entries × blocks}. */
    static void requireGramOutput(Matrix out, int entries, int blocks) {
        if (out.rows() != entries || out.cols() != blocks)
            throw new IllegalArgumentException("Gram output is " + out.rows() + "×" + out.cols() + ", expected "
                    + entries + "×" + blocks);
    }

    /** {@code index[j][k]} for {@code j ≤ k < groups}: the number of the group pair (j, k), in the order (0,0), (0,1), …, (1,1), …. */
    static int[][] pairIndex(int groups) {
        int[][] index = new int[groups][groups];
        for (int j = 0, pair = 0; j < groups; j++) for (int k = j; k < groups; k++, pair++) index[j][k] = pair;
        return index;
    }

    /**
     * For each entry p of a block's packed Gram matrix (upper triangle, column by column, of dimension
     * groups·d): {@code {row, pair}} with {@code row[p]} its row among the d(d+1)/2 Khatri–Rao products
     * and {@code pair[p]} the number ({@link #pairIndex}) of its group pair.
     */
    static int[][] packedGram(int d, int[][] pairIndex) {
        int dim = pairIndex.length * d;
        int[] row = new int[dim * (dim + 1) / 2], pair = new int[row.length];
        for (int cc = 0, packed = 0; cc < dim; cc++) {
            int k = cc / d, bb = cc % d;
            for (int rr = 0; rr <= cc; rr++, packed++) {
                int j = rr / d, a = rr % d;
                int lo = Math.min(a, bb), hi = Math.max(a, bb);
                row[packed] = hi * (hi + 1) / 2 + lo;
                pair[packed] = pairIndex[j][k];
            }
        }
        return new int[][] {row, pair};
    }

    /**
     * Column {@code block} of {@code out} from the products {@code grams} (ld {@code gld}) whose group
     * pairs start at column {@code firstPair}: entry p is {@code grams(row[p], firstPair + pair[p])}.
     */
    static void gather(int[] row, int[] pair, MemorySegment grams, long gld, long firstPair, MemorySegment out, long outOffset) {
        for (int p = 0; p < row.length; p++)
            out.setAtIndex(D, outOffset + p, grams.getAtIndex(D, row[p] + (firstPair + pair[p]) * gld));
    }
}
