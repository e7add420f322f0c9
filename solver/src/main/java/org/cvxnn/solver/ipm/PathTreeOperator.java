package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Trans;
import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeShape;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import static org.cvxnn.solver.ipm.GroupedBlocks.slice;

/**
 * {@link BlockOperator} of the depth-L path-regularised program (formulations §4.3): per tree combo
 * c two blocks {@code u_c} (sign +1, blocks {@code 0..C−1}) and {@code u'_c} (sign −1, blocks
 * {@code C..2C−1}) holding the leaf weights {@code u = (u_1..u_N1) ∈ R^{N1·d}}, one group each, with
 * <pre>
 *   A_c u = z_root                                     (loss operator)
 *   K_c u = [(2D_q − I) h_q]_{q = every node}          (nodes·n rows, leaves first, root last)
 * </pre>
 * where {@code h_ℓ = X u_ℓ}, {@code h_q = Σ_{p ∈ children(q)} s_p D_p h_p}, {@code z_root = D_root h_root}.
 * Unrolled, {@code h_q = Σ_{ℓ under q} σ_ℓq E_ℓq X u_ℓ} with {@code E_ℓq} the product of the masks and
 * {@code σ_ℓq} the product of the signs of the nodes strictly between ℓ (included) and q (excluded). So
 * every level of the tree is the first-layer sum of the three-layer kernels with the effective masks
 * {@code E_ℓq} in place of the first-layer masks; at L = 3 the effective masks are the first-layer
 * masks and the products are those of {@link PathThreeLayerOperator}.
 *
 * <p>Gram blocks: {@code K_cᵀ diag(w) K_c} has the d×d block {@code Xᵀ diag(ω_ℓℓ') X} for leaves
 * {@code ℓ ≤ ℓ'}, {@code ω_ℓℓ' = [ℓ = ℓ'] w_ℓ + Σ_{q ⊇ ℓ, ℓ'} σ_ℓq σ_ℓ'q (E_ℓq ∘ E_ℓ'q ∘ w_q)}, all
 * from one product of the Khatri–Rao matrix with a weight panel, in chunks of blocks.
 */
final class PathTreeOperator implements BlockOperator {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    /** Upper bound on the doubles of one Gram chunk (8 MiB). */
    private static final long CHUNK_DOUBLES = 1L << 20;

    private final TreeShape shape;
    private final int n, d, leaves, depth, combos, blocks, dim, rows, pairs, wpm;
    private final Matrix x;
    private final Matrix khatriRao;
    private final MaskBits[] nodeMasks;       // [node], mask b: D_node of combo c(b)
    private final MaskBits[] effMasks;        // [level k ≥ 2], mask b·N1 + ℓ: E_ℓ,q_k(ℓ)
    private final long[][] effWords;          // the words of effMasks[k]
    private final Matrix[] effSigns;          // [level k ≥ 2], b·N1 + ℓ: σ_ℓ,q_k(ℓ)
    private final double[][] effSignValues;   // the values of effSigns[k]
    private final Matrix lossSigns;           // b·N1 + ℓ: ς_b σ_ℓ,root
    private final double[] directions;        // dim × B
    private final int[] pairLeft, pairRight, pairLevel; // pair p: leaves ℓ ≤ ℓ' and the level of their lowest common ancestor (1 if equal)
    private final int[] gramRow, gramPair;
    private final Kernels kernels = Kernels.get();

    private final Matrix panel;       // n × N1·B
    private final Matrix pre;         // n × B
    private final Matrix nodeBuffer;  // n × B·N_2
    private final Matrix weightPanel; // n × gramBlocks·pairs
    private final Matrix smallGrams;  // d(d+1)/2 × gramBlocks·pairs
    private final int gramChunk;
    private final TwoLevelSchur schur;

    /**
     * @param x      data, n×d (owned by the caller's arena, must outlive this operator)
     * @param combos the tree combos of {@code x} (their n and d must match)
     * @throws IllegalArgumentException if the shapes disagree, the set is empty or the block
     *     dimension {@code leaves·d} exceeds {@value PathTreeSolver#MAX_BLOCK_DIMENSION}
     */
    PathTreeOperator(Arena arena, Matrix x, TreeComboSet combos) {
        GroupedBlocks.checkCombos(x, combos.n(), combos.d(), combos.size());
        this.shape = combos.shape();
        this.n = x.rows();
        this.d = x.cols();
        this.leaves = shape.leaves();
        this.depth = shape.depth();
        this.combos = combos.size();
        this.blocks = 2 * this.combos;
        this.dim = leaves * d;
        if (dim > PathTreeSolver.MAX_BLOCK_DIMENSION)
            throw new IllegalArgumentException("the block dimension leaves*d = " + leaves + "*" + d + " = " + dim
                    + " exceeds the supported maximum " + PathTreeSolver.MAX_BLOCK_DIMENSION + "; use a smaller tree");
        int nodes = shape.nodes();
        this.rows = nodes * n;
        this.pairs = leaves * (leaves + 1) / 2;
        this.wpm = combos.wordsPerMask();
        this.x = x;
        this.khatriRao = KhatriRao.of(arena, x);

        long[][] nodeWords = new long[nodes][blocks * wpm];
        for (int b = 0; b < blocks; b++)
            for (int q = 0; q < nodes; q++) System.arraycopy(combos.maskWords(b % this.combos, q), 0, nodeWords[q], b * wpm, wpm);
        this.nodeMasks = new MaskBits[nodes];
        for (int q = 0; q < nodes; q++) nodeMasks[q] = MaskBits.of(arena, n, nodeWords[q]);

        // effective masks and signs, level by level: E_ℓ,k = E_ℓ,k−1 ∧ D_(ancestor of ℓ at level k−1)
        this.effMasks = new MaskBits[depth];
        this.effWords = new long[depth][];
        this.effSigns = new Matrix[depth];
        this.effSignValues = new double[depth][];
        long[] words = new long[blocks * leaves * wpm];
        double[] signs = new double[blocks * leaves];
        Arrays.fill(words, -1L);
        Arrays.fill(signs, 1.0);
        for (int k = 2; k < depth; k++) {
            int below = shape.group(k - 1);
            for (int b = 0; b < blocks; b++) {
                int c = b % this.combos;
                for (int l = 0; l < leaves; l++) {
                    int node = shape.node(k - 1, l / below), col = b * leaves + l;
                    for (int w = 0; w < wpm; w++) words[col * wpm + w] &= nodeWords[node][b * wpm + w];
                    signs[col] *= combos.sign(c, node);
                }
            }
            effWords[k] = words.clone();
            effSignValues[k] = signs.clone();
            effMasks[k] = MaskBits.of(arena, n, effWords[k]);
            effSigns[k] = Matrix.of(arena, signs.length, 1, effSignValues[k]);
        }
        double[] ls = new double[blocks * leaves];
        for (int col = 0; col < ls.length; col++) ls[col] = (col / leaves < this.combos ? 1.0 : -1.0) * signs[col];
        this.lossSigns = Matrix.of(arena, ls.length, 1, ls);
        this.schur = new TwoLevelSchur(arena, x, this.combos, leaves, Arrays.copyOf(words, this.combos * leaves * wpm),
                Arrays.copyOf(signs, this.combos * leaves), wpm);

        this.directions = new double[dim * blocks];
        for (int b = 0; b < blocks; b++) {
            int c = b % this.combos;
            double[] lw = combos.leafWeights(c), ew = combos.edgeWeights(c);
            for (int l = 0; l < leaves; l++) {
                double tau = 1;
                for (int k = 1; k < depth - 1; k++) tau *= Math.abs(ew[shape.node(k, l / shape.group(k))]);
                for (int f = 0; f < d; f++) directions[b * dim + l * d + f] = lw[l * d + f] * tau;
            }
        }

        this.pairLeft = new int[pairs];
        this.pairRight = new int[pairs];
        this.pairLevel = new int[pairs];
        int[][] pairIndex = GroupedBlocks.pairIndex(leaves);
        for (int l = 0; l < leaves; l++)
            for (int r = l; r < leaves; r++) {
                int p = pairIndex[l][r];
                pairLeft[p] = l;
                pairRight[p] = r;
                int k = 1;
                while (l / shape.group(k) != r / shape.group(k)) k++;
                pairLevel[p] = k;
            }
        int[][] packed = GroupedBlocks.packedGram(d, pairIndex);
        this.gramRow = packed[0];
        this.gramPair = packed[1];

        this.panel = Matrix.allocate(arena, n, leaves * blocks);
        this.pre = Matrix.allocate(arena, n, blocks);
        this.nodeBuffer = Matrix.allocate(arena, n, blocks * shape.levelSize(2));
        this.gramChunk = (int) Math.max(1, Math.min(blocks, CHUNK_DOUBLES / Math.max(1L, (long) n * pairs)));
        this.weightPanel = Matrix.allocate(arena, n, gramChunk * pairs);
        this.smallGrams = Matrix.allocate(arena, d * (d + 1) / 2, gramChunk * pairs);
    }

    @Override public int n() { return n; }
    @Override public int rows() { return rows; }
    @Override public int d() { return dim; }
    @Override public int blocks() { return blocks; }
    @Override public int masks() { return combos; }
    @Override public boolean constrained() { return true; }
    @Override public double sign(int block) { return block < combos ? 1.0 : -1.0; }
    @Override public int maskOf(int block) { return block % combos; }

    /** The d × (N1·cols) panel of leaves of a dim × cols block matrix. */
    private Matrix neurons(Matrix u) {
        return GroupedBlocks.groupPanel(u, d, leaves);
    }

    private void requireOrthant(Matrix m) {
        GroupedBlocks.requireOrthant(m, rows, blocks);
    }

    @Override
    public void apply(Matrix u, Matrix yhat) {
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, neurons(u), 0.0, panel);
        kernels.twoLevelRowSum().sum(panel.segment(), n, n, blocks, leaves, lossSigns.segment(), effMasks[depth - 1].segment(), 0,
                nodeMasks[shape.root()].segment(), 0, wpm, pre.segment(), n, yhat.segment(), false);
    }

    @Override
    public void applyTranspose(double alpha, Matrix r, double beta, Matrix g) {
        kernels.twoLevelPanel().expand(r.segment(), n, blocks, leaves, lossSigns.segment(), effMasks[depth - 1].segment(), 0,
                nodeMasks[shape.root()].segment(), 0, wpm, panel.segment(), n);
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, x, panel, beta, neurons(g));
    }

    @Override
    public void constraintRows(double alpha, Matrix u, Matrix out) {
        requireOrthant(out);
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, neurons(u), 0.0, panel);
        for (int l = 0; l < leaves; l++)
            kernels.signFlip().apply(slice(panel, (long) l * n), leaves * n, n, blocks, 1, nodeMasks[l].segment(), 0, wpm,
                    alpha, slice(out, (long) l * n), rows);
        for (int k = 2; k < depth; k++) {
            int size = shape.levelSize(k);
            kernels.twoLevelRowSum().preActivations(panel.segment(), n, n, blocks * size, shape.group(k), effSigns[k].segment(),
                    effMasks[k].segment(), 0, wpm, nodeBuffer.segment(), n);
            for (int q = 0; q < size; q++) {
                int node = shape.node(k, q);
                kernels.signFlip().apply(slice(nodeBuffer, (long) q * n), size * n, n, blocks, 1, nodeMasks[node].segment(), 0, wpm,
                        alpha, slice(out, (long) node * n), rows);
            }
        }
    }

    @Override
    public void constraintTranspose(double alpha, Matrix z, Matrix weights, double beta, Matrix g) {
        requireOrthant(z);
        for (int l = 0; l < leaves; l++)
            kernels.signFlip().combine(slice(z, (long) l * n), rows, n, blocks, 1, nodeMasks[l].segment(), 0, wpm, 1.0,
                    null, 0.0, weights == null ? null : slice(weights, (long) l * n), slice(panel, (long) l * n), leaves * n);
        MemorySegment ps = panel.segment(), ts = nodeBuffer.segment();
        for (int k = 2; k < depth; k++) {
            int size = shape.levelSize(k), group = shape.group(k);
            for (int q = 0; q < size; q++) {
                int node = shape.node(k, q);
                kernels.signFlip().combine(slice(z, (long) node * n), rows, n, blocks, 1, nodeMasks[node].segment(), 0, wpm, 1.0,
                        null, 0.0, weights == null ? null : slice(weights, (long) node * n), slice(nodeBuffer, (long) q * n), size * n);
            }
            // panel(:, b·N1 + ℓ) += σ_ℓq E_ℓq (2D_q − I) z_q for the ancestor q of ℓ at level k
            long[] ew = effWords[k];
            double[] es = effSignValues[k];
            for (int b = 0; b < blocks; b++) {
                for (int l = 0; l < leaves; l++) {
                    int col = b * leaves + l;
                    double s = es[col];
                    long pc = (long) col * n, tc = (long) (b * size + l / group) * n;
                    for (int w = 0, at = col * wpm; w < wpm; w++, at++) {
                        int base = w << 6;
                        for (long bits = ew[at]; bits != 0; bits &= bits - 1) {
                            int i = base + Long.numberOfTrailingZeros(bits);
                            ps.setAtIndex(D, pc + i, ps.getAtIndex(D, pc + i) + s * ts.getAtIndex(D, tc + i));
                        }
                    }
                }
            }
        }
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, x, panel, beta, neurons(g));
    }

    @Override
    public void gramBlocks(Matrix weights, Matrix out) {
        requireOrthant(weights);
        GroupedBlocks.requireGramOutput(out, gramRow.length, blocks);
        MemorySegment wp = weightPanel.segment(), ws = weights.segment(), gs = smallGrams.segment(), os = out.segment();
        long gld = smallGrams.ld(), old = out.ld();
        for (int first = 0; first < blocks; first += gramChunk) {
            int count = Math.min(gramChunk, blocks - first);
            for (int b = first; b < first + count; b++) {
                long wb = (long) b * rows;
                for (int p = 0; p < pairs; p++) {
                    int l = pairLeft[p], r = pairRight[p];
                    long col = (long) ((b - first) * pairs + p) * n;
                    if (l == r) MemorySegment.copy(ws, D, (wb + (long) l * n) * Double.BYTES, wp, D, col * Double.BYTES, n);
                    else for (int i = 0; i < n; i++) wp.setAtIndex(D, col + i, 0.0);
                    for (int k = Math.max(2, pairLevel[p]); k < depth; k++) {
                        long[] ew = effWords[k];
                        int cl = b * leaves + l, cr = b * leaves + r;
                        double s = effSignValues[k][cl] * effSignValues[k][cr];
                        long wq = wb + (long) shape.node(k, l / shape.group(k)) * n;
                        for (int w = 0; w < wpm; w++) {
                            int base = w << 6;
                            for (long bits = ew[cl * wpm + w] & ew[cr * wpm + w]; bits != 0; bits &= bits - 1) {
                                int i = base + Long.numberOfTrailingZeros(bits);
                                wp.setAtIndex(D, col + i, wp.getAtIndex(D, col + i) + s * ws.getAtIndex(D, wq + i));
                            }
                        }
                    }
                }
            }
            Matrix panelPart = count == gramChunk ? weightPanel : weightPanel.columns(0, count * pairs);
            Matrix gramPart = count == gramChunk ? smallGrams : smallGrams.columns(0, count * pairs);
            Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, khatriRao, panelPart, 0.0, gramPart);
            for (int b = first; b < first + count; b++)
                GroupedBlocks.gather(gramRow, gramPair, gs, gld, (long) (b - first) * pairs, os, b * old);
        }
    }

    @Override
    public void generatingDirections(Matrix out) {
        out.copyFrom(directions);
    }

    /** {@code S += Σ_c A_c L_c L_cᵀ A_cᵀ} ({@link TwoLevelSchur} with the effective root masks and signs of the leaves). */
    @Override
    public void accumulateSchur(Matrix factors, Matrix s) {
        schur.accumulate(factors, nodeMasks[shape.root()], s);
    }
}
