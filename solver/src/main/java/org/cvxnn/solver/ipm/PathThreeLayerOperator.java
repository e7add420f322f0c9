package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Trans;
import org.cvxnn.solver.combo.ComboSet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import static org.cvxnn.solver.ipm.GroupedBlocks.slice;

/**
 * {@link BlockOperator} of the path-regularised three-layer program (formulations (4.2)): per combo
 * {@code c} two blocks {@code u_c} (sign +1, blocks {@code 0..C−1}) and {@code u'_c} (sign −1,
 * blocks {@code C..2C−1}) in {@code R^{m1·d}}, {@code u = (u_1..u_m1)}, with
 * <pre>
 *   A_c u = D_2c Σ_j s_cj D_1cj X u_j                                  (loss operator)
 *   K_c u = [(2D_1cj − I) X u_j]_{j=1..m1} ; (2D_2c − I) Σ_j s_cj D_1cj X u_j   ((m1+1)·n rows)
 * </pre>
 * A block of weights {@code U} (m1d × B, {@code ld = m1d}) is read as the d × (m1·B) panel of its
 * neurons, so every product with X is one gemm; masks and signs are applied by the two-level kernels.
 *
 * <p>The same operator serves the weight-decay program (formulations (3.4)), which differs only in
 * the regulariser: one group per neuron {@code u_j} ({@link #groupsPerBlock()} = m1) instead of one
 * per block.
 */
final class PathThreeLayerOperator implements BlockOperator {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private final int n, d, m1, combos, blocks, dim, rows, pairs, wpm, groups;
    private final Matrix x;
    private final MaskBits masks1;       // mask b·m1 + j: D_1,c(b),j
    private final MaskBits[] neuronMasks; // [j], mask b: D_1,c(b),j
    private final MaskBits masks2;       // mask b: D_2,c(b)
    private final long[] words1;         // the words of masks1
    private final double[] signValues;   // b·m1 + j: s_c(b),j
    private final Matrix signs;          // b·m1 + j: s_c(b),j
    private final Matrix lossSigns;      // b·m1 + j: ς_b s_c(b),j
    private final double[] directions;   // dim × B: generating points
    private final int[][] pairIndex;     // [j][k], j ≤ k: column of neuron pair (j, k) within a block's weight panel
    private final int[] gramRow;         // packed entry p of a block's Gram matrix: its row of smallGrams
    private final int[] gramPair;        // packed entry p: its neuron pair
    private final Matrix khatriRao;      // n × d(d+1)/2
    private final Kernels kernels = Kernels.get();

    private final Matrix panel;          // n × m1B
    private final Matrix pre;            // n × B
    private final Matrix weightPanel;    // n × (B·pairs)
    private final Matrix smallGrams;     // d(d+1)/2 × (B·pairs)
    private final TwoLevelSchur schur;

    /**
     * The operator of the path-regularised program: one group per block.
     *
     * @param x      data, n×d (owned by the caller's arena, must outlive this operator)
     * @param combos the combos of {@code x} (their n and d must match)
     */
    PathThreeLayerOperator(Arena arena, Matrix x, ComboSet combos) {
        this(arena, x, combos, false);
    }

    /**
     * @param x         data, n×d (owned by the caller's arena, must outlive this operator)
     * @param combos    the combos of {@code x} (their n and d must match)
     * @param perNeuron one group per first-layer neuron (weight decay, (3.4)) rather than per block
     *                  (path norm, (4.2))
     */
    PathThreeLayerOperator(Arena arena, Matrix x, ComboSet combos, boolean perNeuron) {
        GroupedBlocks.checkCombos(x, combos.n(), combos.d(), combos.size());
        this.n = x.rows();
        this.d = x.cols();
        this.m1 = combos.m1();
        this.groups = perNeuron ? m1 : 1;
        this.combos = combos.size();
        this.blocks = 2 * this.combos;
        this.dim = m1 * d;
        this.rows = (m1 + 1) * n;
        this.pairs = m1 * (m1 + 1) / 2;
        this.wpm = combos.wordsPerMask();
        this.x = x;

        long[] w1 = new long[blocks * m1 * wpm];
        long[][] wj = new long[m1][blocks * wpm];
        long[] w2 = new long[blocks * wpm];
        double[] s = new double[blocks * m1], ls = new double[blocks * m1];
        this.directions = new double[dim * blocks];
        for (int b = 0; b < blocks; b++) {
            int c = b % this.combos;
            double sigma = b < this.combos ? 1.0 : -1.0;
            System.arraycopy(combos.secondLayerWords(c), 0, w2, b * wpm, wpm);
            double[] gw1 = combos.firstLayerWeights(c), gw2 = combos.secondLayerWeights(c);
            for (int j = 0; j < m1; j++) {
                long[] words = combos.firstLayerWords(c, j);
                System.arraycopy(words, 0, w1, (b * m1 + j) * wpm, wpm);
                System.arraycopy(words, 0, wj[j], b * wpm, wpm);
                s[b * m1 + j] = combos.sign(c, j);
                ls[b * m1 + j] = sigma * combos.sign(c, j);
                for (int l = 0; l < d; l++) directions[b * dim + j * d + l] = gw1[j * d + l] * Math.abs(gw2[j]);
            }
        }
        this.words1 = w1;
        this.signValues = s;
        this.masks1 = MaskBits.of(arena, n, w1);
        this.neuronMasks = new MaskBits[m1];
        for (int j = 0; j < m1; j++) neuronMasks[j] = MaskBits.of(arena, n, wj[j]);
        this.masks2 = MaskBits.of(arena, n, w2);
        this.signs = Matrix.of(arena, blocks * m1, 1, s);
        this.lossSigns = Matrix.of(arena, blocks * m1, 1, ls);
        this.khatriRao = KhatriRao.of(arena, x);
        this.pairIndex = GroupedBlocks.pairIndex(m1);
        int[][] packed = GroupedBlocks.packedGram(d, pairIndex);
        this.gramRow = packed[0];
        this.gramPair = packed[1];
        this.schur = new TwoLevelSchur(arena, x, this.combos, m1, Arrays.copyOf(w1, this.combos * m1 * wpm),
                Arrays.copyOf(s, this.combos * m1), wpm);
        this.panel = Matrix.allocate(arena, n, m1 * blocks);
        this.pre = Matrix.allocate(arena, n, blocks);
        this.weightPanel = Matrix.allocate(arena, n, blocks * pairs);
        this.smallGrams = Matrix.allocate(arena, d * (d + 1) / 2, blocks * pairs);
    }

    @Override public int n() { return n; }
    @Override public int rows() { return rows; }
    @Override public int d() { return dim; }
    @Override public int blocks() { return blocks; }
    @Override public int groupsPerBlock() { return groups; }
    @Override public int masks() { return combos; }
    @Override public boolean constrained() { return true; }
    @Override public double sign(int block) { return block < combos ? 1.0 : -1.0; }
    @Override public int maskOf(int block) { return block % combos; }

    /** The d × (m1·cols) panel of neurons of a dim × cols block matrix. */
    private Matrix neurons(Matrix u) {
        return GroupedBlocks.groupPanel(u, d, m1);
    }

    private void requireOrthant(Matrix m) {
        GroupedBlocks.requireOrthant(m, rows, blocks);
    }

    @Override
    public void apply(Matrix u, Matrix yhat) {
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, neurons(u), 0.0, panel);
        kernels.twoLevelRowSum().sum(panel.segment(), n, n, blocks, m1, lossSigns.segment(), masks1.segment(), 0,
                masks2.segment(), 0, wpm, pre.segment(), n, yhat.segment(), false);
    }

    @Override
    public void applyTranspose(double alpha, Matrix r, double beta, Matrix g) {
        kernels.twoLevelPanel().expand(r.segment(), n, blocks, m1, lossSigns.segment(), masks1.segment(), 0,
                masks2.segment(), 0, wpm, panel.segment(), n);
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, x, panel, beta, neurons(g));
    }

    @Override
    public void constraintRows(double alpha, Matrix u, Matrix out) {
        requireOrthant(out);
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, neurons(u), 0.0, panel);
        for (int j = 0; j < m1; j++) {
            kernels.signFlip().apply(slice(panel, (long) j * n), m1 * n, n, blocks, 1, neuronMasks[j].segment(), 0, wpm,
                    alpha, slice(out, (long) j * n), rows);
        }
        kernels.twoLevelRowSum().preActivations(panel.segment(), n, n, blocks, m1, signs.segment(), masks1.segment(), 0,
                wpm, pre.segment(), n);
        kernels.signFlip().apply(pre.segment(), n, n, blocks, 1, masks2.segment(), 0, wpm, alpha,
                slice(out, (long) m1 * n), rows);
    }

    @Override
    public void constraintTranspose(double alpha, Matrix z, Matrix weights, double beta, Matrix g) {
        requireOrthant(z);
        for (int j = 0; j < m1; j++) {
            kernels.signFlip().combine(slice(z, (long) j * n), rows, n, blocks, 1, neuronMasks[j].segment(), 0, wpm,
                    1.0, null, 0.0, weights == null ? null : slice(weights, (long) j * n), slice(panel, (long) j * n), m1 * n);
        }
        kernels.signFlip().combine(slice(z, (long) m1 * n), rows, n, blocks, 1, masks2.segment(), 0, wpm, 1.0,
                null, 0.0, weights == null ? null : slice(weights, (long) m1 * n), pre.segment(), n);
        // panel(:, b·m1 + j) += s_bj D_1bj (2D_2b − I) z_coupling
        MemorySegment ps = panel.segment(), zs = pre.segment();
        for (int b = 0; b < blocks; b++) {
            long zb = (long) b * n;
            for (int j = 0; j < m1; j++) {
                int col = b * m1 + j;
                double sj = signValues[col];
                long pc = (long) col * n;
                for (int w = 0, at = col * wpm; w < wpm; w++, at++) {
                    int base = w << 6;
                    for (long bits = words1[at]; bits != 0; bits &= bits - 1) {
                        int i = base + Long.numberOfTrailingZeros(bits);
                        ps.setAtIndex(D, pc + i, ps.getAtIndex(D, pc + i) + sj * zs.getAtIndex(D, zb + i));
                    }
                }
            }
        }
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, x, panel, beta, neurons(g));
    }

    /**
     * {@code K_bᵀ diag(w) K_b} has diagonal d×d blocks {@code Xᵀ diag(w_j + w_cpl∘d_1j) X} and
     * off-diagonal blocks {@code Xᵀ diag(s_j s_k w_cpl∘d_1j∘d_1k) X}: all m1(m1+1)/2 of them per block
     * from one product of the Khatri–Rao matrix with a weight panel, then assembled.
     */
    @Override
    public void gramBlocks(Matrix weights, Matrix out) {
        requireOrthant(weights);
        GroupedBlocks.requireGramOutput(out, gramRow.length, blocks);
        MemorySegment wp = weightPanel.segment(), ws = weights.segment();
        for (int b = 0; b < blocks; b++) {
            long cpl = (long) b * rows + (long) m1 * n;
            for (int j = 0; j < m1; j++) {
                int mj = (b * m1 + j) * wpm;
                for (int k = j; k < m1; k++) {
                    int mk = (b * m1 + k) * wpm;
                    long col = (long) (b * pairs + pairIndex[j][k]) * n;
                    boolean diagonal = j == k;
                    double sjk = signValues[b * m1 + j] * signValues[b * m1 + k];
                    if (diagonal) MemorySegment.copy(ws, D, ((long) b * rows + (long) j * n) * Double.BYTES, wp, D, col * Double.BYTES, n);
                    else for (int i = 0; i < n; i++) wp.setAtIndex(D, col + i, 0.0);
                    for (int w = 0; w < wpm; w++) {
                        int base = w << 6;
                        for (long bits = words1[mj + w] & words1[mk + w]; bits != 0; bits &= bits - 1) {
                            int i = base + Long.numberOfTrailingZeros(bits);
                            double coupling = ws.getAtIndex(D, cpl + i);
                            double v = diagonal ? wp.getAtIndex(D, col + i) + coupling : sjk * coupling;
                            wp.setAtIndex(D, col + i, v);
                        }
                    }
                }
            }
        }
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, khatriRao, weightPanel, 0.0, smallGrams);
        MemorySegment gs = smallGrams.segment(), os = out.segment();
        long gld = smallGrams.ld(), old = out.ld();
        for (int b = 0; b < blocks; b++) GroupedBlocks.gather(gramRow, gramPair, gs, gld, (long) b * pairs, os, b * old);
    }

    @Override
    public void generatingDirections(Matrix out) {
        out.copyFrom(directions);
    }

    /** {@code S += Σ_c A_c L_c L_cᵀ A_cᵀ} ({@link TwoLevelSchur} with the first- and second-layer masks). */
    @Override
    public void accumulateSchur(Matrix factors, Matrix s) {
        schur.accumulate(factors, masks2, s);
    }
}
