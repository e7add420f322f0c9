package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.Lapack;
import org.cvxnn.linalg.LapackInfo;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Uplo;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Solves the reduced Newton system {@code (B̃ + MᵀM) Δu = r} of one interior-point iteration
 * through the n×n Schur complement (ipm.md §3.2), never forming M or MᵀM:
 * <pre>
 *   B̃_j = Xᵀ diag(σ_j) X + SOC term + δ_j I           (one gemm against the Khatri–Rao matrix)
 *   C_i = Σ_{blocks j of mask i} B̃_j⁻¹ = L_i L_iᵀ      (batched potrf/potri)
 *   S   = I + Σ_i D_i X L_i L_iᵀ Xᵀ D_i = RᵀR          (gemm + mask + dsyrk per chunk, one potrf)
 *   Δu  = B̃⁻¹ (r − Mᵀ S⁻¹ M B̃⁻¹ r)
 * </pre>
 * The epigraph variables t are eliminated in closed form per cone beforehand (ipm.md §2 fact 3);
 * with g groups per block ({@link BlockOperator#groupsPerBlock()}) each cone touches only its own
 * diagonal (d/g)×(d/g) sub-block of B̃_j.
 * All workspaces are allocated in the constructor.
 */
final class SchurKktSolver {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final double EPS = Math.ulp(1.0);
    /** Blocks up to this dimension are multiplied in Java rather than by one dgemv each. */
    private static final int SMALL_BLOCK = 8;

    private final BlockOperator op;
    private final int n, d, blocks, masks, threads, groups, groupDim;
    private final double staticReg;

    private final Matrix gram;        // d(d+1)/2 × B packed Gram blocks
    private final Matrix inverses;    // d × (d·B): B̃_j⁻¹, full symmetric
    private final Matrix factors;     // d × (d·P): lower Cholesky factors of C_i, upper part zero
    private final Matrix schur;       // n × n, upper Cholesky factor after factor()
    private final Matrix[] inverseViews;
    private final Matrix[] factorViews;
    private final int[][] blocksOfMask; // the blocks whose inverses sum to C_i
    private final Matrix coupling;    // d × B: the cones' t–u couplings b_q, each in its group's rows
    private final double[] tt;        // B·g: the SOC t–t entries c_q

    private final Matrix reduced;     // d × B
    private final Matrix scaled;      // d × B
    private final Matrix lambda;      // n × 1
    private final Matrix[] reducedCols, scaledCols, outCols, couplingCols;
    private final Matrix out;         // d × B

    private double maxRegularisation;

    SchurKktSolver(Arena arena, BlockOperator op, double staticReg, int threads) {
        this.op = op;
        this.n = op.n();
        this.d = op.d();
        this.blocks = op.blocks();
        this.masks = op.masks();
        this.groups = op.groupsPerBlock();
        this.groupDim = d / groups;
        this.threads = threads;
        this.staticReg = staticReg;
        this.gram = op.constrained() ? Matrix.allocate(arena, d * (d + 1) / 2, blocks) : null;
        this.inverses = Matrix.allocate(arena, d, d * blocks);
        this.factors = Matrix.allocate(arena, d, d * masks);
        this.schur = Matrix.allocate(arena, n, n);
        this.inverseViews = new Matrix[blocks];
        for (int j = 0; j < blocks; j++) inverseViews[j] = inverses.columns(j * d, d);
        this.blocksOfMask = blocksOfMask(op);
        this.factorViews = new Matrix[masks];
        for (int i = 0; i < masks; i++) factorViews[i] = factors.columns(i * d, d);
        this.coupling = Matrix.allocate(arena, d, blocks);
        this.tt = new double[blocks * groups];
        this.reduced = Matrix.allocate(arena, d, blocks);
        this.scaled = Matrix.allocate(arena, d, blocks);
        this.out = Matrix.allocate(arena, d, blocks);
        this.lambda = Matrix.vector(arena, n);
        this.reducedCols = columns(reduced);
        this.scaledCols = columns(scaled);
        this.outCols = columns(out);
        this.couplingCols = columns(coupling);
    }

    private Matrix[] columns(Matrix m) {
        Matrix[] c = new Matrix[m.cols()];
        for (int j = 0; j < c.length; j++) c[j] = m.column(j);
        return c;
    }

    /** Largest per-block regularisation used by the last {@link #factor}. */
    double maxRegularisation() {
        return maxRegularisation;
    }

    /**
     * Factors the system for orthant weights {@code sigma = z/s} (n×B, null when unconstrained) and
     * the current SOC scaling.
     *
     * @return false if the Schur complement could not be factored (numerical breakdown)
     */
    boolean factor(Matrix sigma, SocCones soc) {
        if (sigma != null) op.gramBlocks(sigma, gram);
        maxRegularisation = 0;
        OpenBlas.setThreads(1); // thousands of tiny factorisations: thread wake-ups would dominate
        try {
            for (int j = 0; j < blocks; j++) invertBlock(j, soc);
            for (int i = 0; i < masks; i++) factorMask(i);
        } finally {
            OpenBlas.setThreads(threads);
        }
        schur.fill(0.0);
        op.accumulateSchur(factors, schur);
        for (int a = 0; a < n; a++) schur.set(a, a, schur.get(a, a) + 1.0);
        return Lapack.dpotrf(Uplo.UPPER, schur).ok();
    }

    /** B̃_j from its Gram block and SOC term, regularised, then inverted in place. */
    private void invertBlock(int j, SocCones soc) {
        Matrix blk = inverseViews[j];
        MemorySegment bs = blk.segment();
        if (gram != null) {
            int k = 0;
            for (int c = 0; c < d; c++) {
                for (int r = 0; r <= c; r++, k++) {
                    double v = gram.get(k, j);
                    bs.setAtIndex(D, r + (long) c * d, v);
                    bs.setAtIndex(D, c + (long) r * d, v);
                }
            }
        } else {
            blk.fill(0.0);
        }
        for (int k = 0; k < groups; k++) addConeTerm(bs, j, k, soc);
        double maxDiag = 0;
        for (int c = 0; c < d; c++) maxDiag = Math.max(maxDiag, bs.getAtIndex(D, c + (long) c * d));
        double delta = staticReg + 100 * EPS * maxDiag;
        addDiagonal(bs, delta);
        LapackInfo info = Lapack.dpotrf(Uplo.LOWER, blk);
        for (int attempt = 0; !info.ok(); attempt++) {
            if (attempt == 8) throw new ArithmeticException("block " + j + " could not be factored: " + info);
            restoreLowerFromUpper(bs);
            double shift = 2e-7 * (1 + maxDiag) * Math.pow(100, attempt);
            addDiagonal(bs, shift);
            delta += shift;
            info = Lapack.dpotrf(Uplo.LOWER, blk);
        }
        maxRegularisation = Math.max(maxRegularisation, delta);
        Lapack.dpotri(Uplo.LOWER, blk).orThrow();
        for (int c = 0; c < d; c++)
            for (int r = c + 1; r < d; r++) bs.setAtIndex(D, c + (long) r * d, bs.getAtIndex(D, r + (long) c * d));
    }

    /**
     * Adds the SOC term of cone q = j·g + k, after eliminating its t, to the diagonal sub-block of
     * group k: η⁻²[(I − ŵŵᵀ) + ŵŵᵀ/(2w₀² − 1)], ŵ = w₁/‖w₁‖ (ipm.md §2 fact 3); records its
     * coupling b_q and t–t entry c_q.
     */
    private void addConeTerm(MemorySegment bs, int j, int k, SocCones soc) {
        int q = j * groups + k, off = k * groupDim;
        double eta2 = 1.0 / (soc.eta(q) * soc.eta(q));
        double w0 = soc.w0(q);
        double w1sq = 0;
        for (int l = 1; l <= groupDim; l++) w1sq += soc.w(q, l) * soc.w(q, l);
        double along = 1.0 / (2 * w0 * w0 - 1) - 1.0;
        for (int c = 0; c < groupDim; c++) {
            double wc = w1sq > 0 ? soc.w(q, c + 1) / Math.sqrt(w1sq) : 0.0;
            for (int r = 0; r < groupDim; r++) {
                double wr = w1sq > 0 ? soc.w(q, r + 1) / Math.sqrt(w1sq) : 0.0;
                double v = eta2 * (along * wr * wc + (r == c ? 1.0 : 0.0));
                long idx = off + r + (long) (off + c) * d;
                bs.setAtIndex(D, idx, bs.getAtIndex(D, idx) + v);
            }
            coupling.set(off + c, j, -2 * eta2 * w0 * soc.w(q, c + 1));
        }
        tt[q] = eta2 * (2 * w0 * w0 - 1);
    }

    private static int[][] blocksOfMask(BlockOperator op) {
        int[] count = new int[op.masks()];
        for (int j = 0; j < op.blocks(); j++) count[op.maskOf(j)]++;
        int[][] lists = new int[op.masks()][];
        for (int i = 0; i < lists.length; i++) lists[i] = new int[count[i]];
        int[] filled = new int[op.masks()];
        for (int j = 0; j < op.blocks(); j++) {
            int i = op.maskOf(j);
            lists[i][filled[i]++] = j;
        }
        return lists;
    }

    /** After a failed potrf the lower triangle is partly overwritten; the upper one still holds the matrix. */
    private void restoreLowerFromUpper(MemorySegment bs) {
        for (int c = 0; c < d; c++)
            for (int r = c; r < d; r++) bs.setAtIndex(D, r + (long) c * d, bs.getAtIndex(D, c + (long) r * d));
    }

    private void addDiagonal(MemorySegment bs, double v) {
        for (int c = 0; c < d; c++) bs.setAtIndex(D, c + (long) c * d, bs.getAtIndex(D, c + (long) c * d) + v);
    }

    /** C_i = Σ B̃_j⁻¹ over the blocks of mask i, factored as L_i L_iᵀ with the upper part zeroed. */
    private void factorMask(int i) {
        Matrix f = factorViews[i];
        MemorySegment fs = f.segment();
        fs.fill((byte) 0);
        for (int j : blocksOfMask[i]) {
            MemorySegment bs = inverseViews[j].segment();
            for (int c = 0; c < d; c++)
                for (int r = c; r < d; r++) {
                    long idx = r + (long) c * d;
                    fs.setAtIndex(D, idx, fs.getAtIndex(D, idx) + bs.getAtIndex(D, idx));
                }
        }
        LapackInfo info = Lapack.dpotrf(Uplo.LOWER, f);
        if (!info.ok()) throw new ArithmeticException("mask " + i + ": " + info);
    }

    /**
     * Solves for {@code (Δu, Δt)} given the primal right-hand side {@code (ru, rt)} of the system
     * {@code (P + GᵀH⁻¹G) Δx = r}. Inputs are not modified; outputs must not alias inputs.
     */
    void solve(Matrix ru, Matrix rt, Matrix du, Matrix dt) {
        // eliminate t: r̃_q = ru_q − b_q rt_q / c_q per cone q
        reduced.copyFrom(ru);
        if (groups == 1) {
            for (int j = 0; j < blocks; j++) Blas.daxpy(-rt.get(j) / tt[j], couplingCols[j], reducedCols[j]);
        } else {
            MemorySegment b = coupling.segment(), r = reduced.segment();
            for (int q = 0; q < tt.length; q++) {
                double f = -rt.get(q) / tt[q];
                for (long i = (long) q * groupDim; i < (long) (q + 1) * groupDim; i++) r.setAtIndex(D, i, r.getAtIndex(D, i) + f * b.getAtIndex(D, i));
            }
        }
        // q = B̃⁻¹ r̃
        applyInverses(scaled, scaledCols);
        // λ = S⁻¹ M q ; r̃ ← r̃ − Mᵀ λ ; Δu = B̃⁻¹ r̃
        op.apply(scaled, lambda);
        Lapack.dpotrs(Uplo.UPPER, schur, lambda).orThrow();
        op.applyTranspose(-1.0, lambda, 1.0, reduced);
        applyInverses(out, outCols);
        du.copyFrom(out);
        if (groups == 1) {
            for (int j = 0; j < blocks; j++) dt.set(j, (rt.get(j) - Blas.ddot(couplingCols[j], outCols[j])) / tt[j]);
        } else {
            MemorySegment b = coupling.segment(), o = out.segment();
            for (int q = 0; q < tt.length; q++) {
                double dot = 0;
                for (long i = (long) q * groupDim; i < (long) (q + 1) * groupDim; i++) dot += b.getAtIndex(D, i) * o.getAtIndex(D, i);
                dt.set(q, (rt.get(q) - dot) / tt[q]);
            }
        }
    }

    /**
     * {@code target_j = B̃_j⁻¹ r̃_j} for every block ({@code targetCols} are the columns of
     * {@code target}): one dgemv per block, or, for blocks of at most {@value #SMALL_BLOCK}
     * coordinates, where a downcall costs more than the arithmetic, a loop.
     */
    private void applyInverses(Matrix target, Matrix[] targetCols) {
        if (d > SMALL_BLOCK) {
            for (int j = 0; j < blocks; j++) Blas.dgemv(Trans.NO_TRANS, 1.0, inverseViews[j], reducedCols[j], 0.0, targetCols[j]);
            return;
        }
        MemorySegment inv = inverses.segment(), x = reduced.segment(), y = target.segment();
        long dd = (long) d * d;
        for (int j = 0; j < blocks; j++) {
            long base = j * dd, col = (long) j * d;
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += inv.getAtIndex(D, base + r + (long) c * d) * x.getAtIndex(D, col + c);
                y.setAtIndex(D, col + r, s);
            }
        }
    }
}
