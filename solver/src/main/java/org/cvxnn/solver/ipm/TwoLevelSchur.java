package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Uplo;

import java.lang.foreign.Arena;

/**
 * The Schur-complement update {@code S += Σ_c A_c L_c L_cᵀ A_cᵀ} of the two-level loss operators
 * {@code A_c u = D_c Σ_j σ_cj E_cj X u_j} (one block of m neurons per combo c; first-level masks
 * {@code E_cj} and signs {@code σ_cj}, second-level mask {@code D_c}): the three-layer operators
 * (formulations (3.4), (4.2)) and the depth-L tree operator (§4.3, with the effective masks of the
 * leaves). {@code Z_c = A_c L_c} is built in chunks: the factors of a chunk, read as the
 * d × (count·dim·m) panel of their neurons (column {@code (c·dim + q)·m + j} is rows {@code j·d ..}
 * of column q of {@code L_c}), give all products {@code X L_c} in one gemm; the masked signed sum over
 * j is then a first-layer row sum with per-column copies of the masks; then {@code S += Z Zᵀ}.
 */
final class TwoLevelSchur {
    /** Upper bound on the doubles of one chunk Z = [A_c L_c] (8 MiB). */
    private static final long CHUNK_DOUBLES = 1L << 20;

    private final int n, d, m, combos, dim, wpm;
    private final Matrix x;
    private final MaskBits masks;   // (c·dim + q)·m + j: E_cj (one copy per factor column q)
    private final Matrix signs;     // (c·dim + q)·m + j: σ_cj
    private final Matrix chunk;     // n × chunkCombos·dim
    private final Matrix panel;     // n × chunkCombos·dim·m
    private final int chunkCombos;
    private final Kernels kernels = Kernels.get();

    /**
     * @param x      data, n×d (must outlive this object)
     * @param m      neurons per combo
     * @param words  first-level masks, {@code combos·m} masks of {@code wpm} words: mask {@code c·m + j} is {@code E_cj}
     * @param values first-level signs, {@code combos·m}: {@code σ_cj} at {@code c·m + j}
     */
    TwoLevelSchur(Arena arena, Matrix x, int combos, int m, long[] words, double[] values, int wpm) {
        this.n = x.rows();
        this.d = x.cols();
        this.m = m;
        this.combos = combos;
        this.dim = m * d;
        this.wpm = wpm;
        this.x = x;
        long[] sw = new long[combos * dim * m * wpm];
        double[] ss = new double[combos * dim * m];
        for (int c = 0; c < combos; c++)
            for (int q = 0; q < dim; q++)
                for (int j = 0; j < m; j++) {
                    int col = (c * dim + q) * m + j;
                    System.arraycopy(words, (c * m + j) * wpm, sw, col * wpm, wpm);
                    ss[col] = values[c * m + j];
                }
        this.masks = MaskBits.of(arena, n, sw);
        this.signs = Matrix.of(arena, ss.length, 1, ss);
        this.chunkCombos = (int) Math.max(1, Math.min(combos, CHUNK_DOUBLES / Math.max(1L, (long) n * dim * m)));
        this.chunk = Matrix.allocate(arena, n, chunkCombos * dim);
        this.panel = Matrix.allocate(arena, n, chunkCombos * dim * m);
    }

    /**
     * {@code S ← S + Σ_c A_c L_c L_cᵀ A_cᵀ} (upper triangle), the factors {@code L_c} consecutive
     * dim×dim blocks of {@code factors}; {@code second} holds the masks {@code D_c} from mask 0 on.
     */
    void accumulate(Matrix factors, MaskBits second, Matrix s) {
        if (factors.cols() != combos * dim)
            throw new IllegalArgumentException("factors have " + factors.cols() + " columns, expected " + combos * dim);
        for (int first = 0; first < combos; first += chunkCombos) {
            int count = Math.min(chunkCombos, combos - first);
            Matrix z = count == chunkCombos ? chunk : chunk.columns(0, count * dim);
            Matrix products = count == chunkCombos ? panel : panel.columns(0, count * dim * m);
            Matrix block = factors.columns(first * dim, count * dim);
            int threads = OpenBlas.threads();
            OpenBlas.setThreads(1); // inner dimension d: memory-bound, and worker wake-ups cost more than they save
            try {
                Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, Matrix.wrap(block.segment(), d, m * block.cols(), d), 0.0, products);
            } finally {
                OpenBlas.setThreads(threads);
            }
            kernels.twoLevelRowSum().preActivations(products.segment(), n, n, count * dim, m,
                    signs.segment().asSlice((long) first * dim * m * Double.BYTES), masks.segment(), (long) first * dim * m, wpm,
                    z.segment(), n);
            kernels.rowMasking().apply(z.segment(), n, n, count * dim, dim, second.segment(), first, wpm);
            Blas.dsyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0, z, 1.0, s);
        }
    }
}
