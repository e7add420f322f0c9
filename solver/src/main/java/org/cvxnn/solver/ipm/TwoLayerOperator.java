package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.FloatMatrix;
import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Uplo;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@link BlockOperator} of the two-layer programs: blocks {@code [v_1..v_P | w_1..w_P]} with signs
 * {@code +1 | −1} for the ReLU program (1.2) (orthant rows {@code (2D_i − I) X u ≥ 0}), or
 * {@code [u_1..u_P]} with sign +1 and no orthant rows for the gated-ReLU program (1.5).
 *
 * <p>Every product is one BLAS-3 call on the whole panel plus a mask kernel; masks are never
 * expanded to n×n and {@code M} is never formed. The products with {@code M} and {@code Mᵀ} go
 * through the n×P 0/1 mask matrix Δ (formed once): {@code [XᵀD_i r]_i = (diag(r) X)ᵀ Δ} and
 * {@code Σ_i D_i X w_i = rowsums(X ∘ Δ Wᵀ)}, one gemm each that only reads n×P numbers.
 */
final class TwoLayerOperator implements BlockOperator {
    /** Upper bound on the doubles of one Schur chunk Z = [D_i X L_i] (8 MiB). */
    private static final long CHUNK_DOUBLES = 1L << 20;

    private final int n, d, p, blocks;
    private final boolean constrained;
    private final Matrix x;
    private final Matrix gates;      // d × P generating gates, null for the gated program
    private final MaskBits masks;
    private final Matrix khatriRao;
    private final Kernels kernels = Kernels.get();

    private final Matrix panel;      // n × P (also one half of a rows × B operand at a time)
    private final Matrix maskMatrix; // n × P: Δ_{ai} = 1 if row a is active in mask i, else 0
    private final Matrix rowTerms;   // n × d
    private final Matrix[] xColumns, rowTermColumns;
    private final Matrix onesD;      // d
    private final Matrix diff;       // d × P
    private final Matrix chunk;      // n × (chunkMasks·d)
    private final int chunkMasks;
    private final Matrix chunkFactors;      // d × (chunkMasks·d): the factors of one chunk's masks
    private final MemorySegment chunkWords; // the same masks' bits
    private final FloatMatrix singleChunk;  // the chunk rounded to single precision
    private final SchurTier[] allDouble;
    private final Matrix maskGrams;   // d(d+1)/2 × P: packed XᵀD_iX

    /**
     * @param x           data, n×d (owned by the caller's arena, must outlive this operator)
     * @param masks       the P activation patterns
     * @param gates       d×P, column i a gate {@code g_i} generating mask i ({@code (2D_i − I) X g_i = |X g_i|});
     *                    required when constrained, ignored otherwise
     * @param constrained true for the ReLU program (two signed blocks per mask with cone rows),
     *                    false for the gated-ReLU program (one block per mask, no rows)
     */
    TwoLayerOperator(Arena arena, Matrix x, MaskBits masks, Matrix gates, boolean constrained) {
        if (masks.n() != x.rows())
            throw new IllegalArgumentException("masks have " + masks.n() + " rows, the data " + x.rows());
        if (constrained && (gates.rows() != x.cols() || gates.cols() != masks.count()))
            throw new IllegalArgumentException("gates are " + gates.rows() + "×" + gates.cols() + ", expected "
                    + x.cols() + "×" + masks.count());
        this.n = x.rows();
        this.d = x.cols();
        this.p = masks.count();
        this.blocks = constrained ? 2 * p : p;
        this.constrained = constrained;
        this.x = x;
        this.gates = constrained ? gates : null;
        this.masks = masks;
        this.khatriRao = constrained ? KhatriRao.of(arena, x) : null;
        this.panel = Matrix.allocate(arena, n, p);
        this.maskMatrix = Matrix.allocate(arena, n, p);
        this.rowTerms = Matrix.allocate(arena, n, d);
        this.xColumns = new Matrix[d];
        this.rowTermColumns = new Matrix[d];
        for (int k = 0; k < d; k++) {
            xColumns[k] = x.column(k);
            rowTermColumns[k] = rowTerms.column(k);
        }
        this.onesD = Matrix.vector(arena, d);
        onesD.fill(1.0);
        this.diff = constrained ? Matrix.allocate(arena, d, p) : null;
        this.chunkMasks = (int) Math.max(1, Math.min(p, CHUNK_DOUBLES / Math.max(1L, (long) n * d)));
        this.chunk = Matrix.allocate(arena, n, chunkMasks * d);
        this.chunkFactors = Matrix.allocate(arena, d, chunkMasks * d);
        this.chunkWords = arena.allocate((long) chunkMasks * masks.wordsPerMask() * Long.BYTES, Long.BYTES);
        this.singleChunk = FloatMatrix.allocate(arena, n, chunkMasks * d);
        this.allDouble = new SchurTier[p];
        Arrays.fill(allDouble, SchurTier.DOUBLE);
        this.maskGrams = Matrix.allocate(arena, d * (d + 1) / 2, p);
        Matrix ones = Matrix.vector(arena, n);
        ones.fill(1.0);
        kernels.maskedPanel().expand(ones.segment(), n, p, masks.segment(), 0, masks.wordsPerMask(), maskMatrix.segment(), maskMatrix.ld());
        if (khatriRao != null) {
            Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, khatriRao, maskMatrix, 0.0, maskGrams);
        } else { // the gated program needs the Khatri–Rao matrix only here
            try (Arena once = Arena.ofConfined()) {
                Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, KhatriRao.of(once, x), maskMatrix, 0.0, maskGrams);
            }
        }
    }

    @Override public int n() { return n; }
    @Override public int rows() { return n; }
    @Override public int d() { return d; }
    @Override public int blocks() { return blocks; }
    @Override public int masks() { return p; }
    @Override public boolean constrained() { return constrained; }
    @Override public double sign(int block) { return block < p ? 1.0 : -1.0; }
    @Override public int maskOf(int block) { return block < p ? block : block - p; }

    @Override
    public void apply(Matrix u, Matrix yhat) {
        Matrix net = u.columns(0, p);
        if (constrained) {
            kernels.elementwise().axpby(1.0, u.columns(0, p).segment(), -1.0, u.columns(p, p).segment(), diff.segment(), (long) d * p);
            net = diff;
        }
        maskApply(net, yhat);
    }

    @Override
    public void maskApply(Matrix w, Matrix y) {
        Blas.dgemm(Trans.NO_TRANS, Trans.TRANS, 1.0, maskMatrix, w, 0.0, rowTerms);
        for (int k = 0; k < d; k++) kernels.elementwise().mul(xColumns[k].segment(), rowTermColumns[k].segment(), rowTermColumns[k].segment(), n);
        Blas.dgemv(Trans.NO_TRANS, 1.0, rowTerms, onesD, 0.0, y);
    }

    /** {@code Δᵀ diag(r) X}: one gemm whose output (masks × d) is the tall side, 1.2× as fast as its d × masks transpose. */
    @Override
    public void maskTranspose(double alpha, Matrix r, double beta, Matrix g) {
        scaleRows(r);
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, maskMatrix, rowTerms, beta, g);
    }

    /** {@code rowTerms ← diag(r) X}. */
    private void scaleRows(Matrix r) {
        for (int k = 0; k < d; k++) kernels.elementwise().mul(xColumns[k].segment(), r.segment(), rowTermColumns[k].segment(), n);
    }

    /** One product {@code X [u_j]} for the listed blocks, then each column masked by {@code D_j} and signed. */
    @Override
    public void blockPredictions(Matrix u, int[] active, Matrix scratch, Matrix out) {
        Matrix gathered = scratch.columns(0, active.length);
        for (int i = 0; i < active.length; i++) gathered.column(i).copyFrom(u.column(active[i]));
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, gathered, 0.0, out);
        for (int i = 0; i < active.length; i++) {
            int mask = maskOf(active[i]);
            double sign = sign(active[i]);
            for (int r = 0; r < n; r++) out.set(r, i, masks.get(mask, r) ? sign * out.get(r, i) : 0.0);
        }
    }

    @Override
    public void applyTranspose(double alpha, Matrix r, double beta, Matrix g) {
        scaleRows(r);
        if (!constrained) {
            Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, rowTerms, maskMatrix, beta, g);
            return;
        }
        // v and w blocks get ±XᵀD_i r: one gemm, then two scaled updates.
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, rowTerms, maskMatrix, 0.0, diff);
        long len = (long) d * p;
        kernels.elementwise().axpby(alpha, diff.segment(), beta, g.columns(0, p).segment(), g.columns(0, p).segment(), len);
        kernels.elementwise().axpby(-alpha, diff.segment(), beta, g.columns(p, p).segment(), g.columns(p, p).segment(), len);
    }

    @Override
    public void constraintRows(double alpha, Matrix u, Matrix out) {
        constraintRows(alpha, u, null, 0.0, null, out);
    }

    /** One gemm {@code X u} into {@code out}, then per half one fused pass of sign flip, combination and weights. */
    @Override
    public void constraintRows(double alpha, Matrix u, Matrix b, double beta, Matrix w, Matrix out) {
        requireConstrained();
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, u, 0.0, out);
        for (int half = 0; half < 2; half++) {
            Matrix to = out.columns(half * p, p);
            kernels.signFlip().combine(to.segment(), to.ld(), n, p, 1, masks.segment(), 0, masks.wordsPerMask(), alpha,
                    b == null ? null : b.columns(half * p, p).segment(), beta,
                    w == null ? null : w.columns(half * p, p).segment(), to.segment(), to.ld());
        }
    }

    @Override
    public void constraintTranspose(double alpha, Matrix z, Matrix w, double beta, Matrix g) {
        requireConstrained();
        // one half (v- or w-blocks) at a time through the n × P panel: no rows × B scratch
        for (int half = 0; half < 2; half++) {
            Matrix from = z.columns(half * p, p);
            kernels.signFlip().combine(from.segment(), from.ld(), n, p, 1, masks.segment(), 0, masks.wordsPerMask(), 1.0,
                    null, 0.0, w == null ? null : w.columns(half * p, p).segment(), panel.segment(), panel.ld());
            Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, alpha, x, panel, beta, g.columns(half * p, p));
        }
    }

    @Override
    public void gramBlocks(Matrix weights, Matrix out) {
        requireConstrained();
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, khatriRao, weights, 0.0, out);
    }

    /** Both blocks of mask i move along the mask's gate. */
    @Override
    public void generatingDirections(Matrix out) {
        requireConstrained();
        out.columns(0, p).copyFrom(gates);
        out.columns(p, p).copyFrom(gates);
    }

    @Override
    public Matrix maskGrams() {
        return maskGrams;
    }

    @Override
    public void accumulateSchur(Matrix factors, Matrix s) {
        accumulateSchur(factors, allDouble, s, null);
    }

    /**
     * Masks of one tier at a time, in chunks: their factors and mask bits are gathered, then
     * {@code Z = X [L_i]} (one gemm), rows masked, and {@code Z Zᵀ} added by dsyrk, or by ssyrk
     * after rounding Z (masking and rounding in one pass).
     */
    @Override
    public void accumulateSchur(Matrix factors, SchurTier[] tiers, Matrix s, FloatMatrix f) {
        accumulateTier(factors, tiers, SchurTier.DOUBLE, s, f);
        accumulateTier(factors, tiers, SchurTier.SINGLE, s, f);
    }

    /** Gathers the factors (d×d each, consecutive) and mask words of the masks of one tier, chunk by chunk. */
    private void accumulateTier(Matrix factors, SchurTier[] tiers, SchurTier tier, Matrix s, FloatMatrix f) {
        long factorBytes = (long) d * d * Double.BYTES, wordBytes = (long) masks.wordsPerMask() * Long.BYTES;
        int c = 0;
        for (int i = 0; i < p; i++) {
            if (tiers[i] != tier) continue;
            MemorySegment.copy(factors.segment(), i * factorBytes, chunkFactors.segment(), c * factorBytes, factorBytes);
            MemorySegment.copy(masks.segment(), i * wordBytes, chunkWords, c * wordBytes, wordBytes);
            if (++c == chunkMasks) {
                addChunk(c, tier, s, f);
                c = 0;
            }
        }
        if (c > 0) addChunk(c, tier, s, f);
    }

    private void addChunk(int c, SchurTier tier, Matrix s, FloatMatrix f) {
        Matrix z = chunk.columns(0, c * d);
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, x, chunkFactors.columns(0, c * d), 0.0, z);
        if (tier == SchurTier.DOUBLE) {
            kernels.rowMasking().apply(z.segment(), z.ld(), n, c * d, d, chunkWords, 0, masks.wordsPerMask());
            Blas.dsyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0, z, 1.0, s);
        } else {
            FloatMatrix zf = singleChunk.columns(0, c * d);
            kernels.rowMasking().narrow(z.segment(), z.ld(), n, c * d, d, chunkWords, 0, masks.wordsPerMask(), zf.segment());
            Blas.ssyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0f, zf, 1.0f, f);
        }
    }

    private void requireConstrained() {
        if (!constrained) throw new IllegalStateException("the gated-ReLU program has no orthant rows");
    }
}
