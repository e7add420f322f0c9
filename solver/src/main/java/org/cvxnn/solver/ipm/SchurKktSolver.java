package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.FloatMatrix;
import org.cvxnn.linalg.Lapack;
import org.cvxnn.linalg.LapackInfo;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.linalg.Uplo;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Solves the reduced Newton system {@code (B̃ + MᵀM) Δu = r} of one interior-point iteration
 * through the n×n Schur complement (ipm.md §3.2), never forming M or MᵀM:
 * <pre>
 *   B̃_j = Xᵀ diag(σ_j) X + SOC term + δ_j I           (one gemm against the Khatri–Rao matrix)
 *   C_i = Σ_{blocks j of mask i} B̃_j⁻¹ = L_i L_iᵀ      (batched potrf/potri)
 *   S   = I + Σ_i D_i X L_i L_iᵀ Xᵀ D_i = RᵀR          (gemm + mask + dsyrk per chunk, one potrf)
 *   Δu  = B̃⁻¹ (r − Mᵀ S⁻¹ M B̃⁻¹ r)
 * </pre>
 * For operators with mask Grams (the two-layer programs) S is by default accumulated in mixed
 * precision ({@link SchurTier}: light terms left out, middle ones by ssyrk) and {@code S⁻¹} applied
 * by conjugate gradients on the exact S preconditioned by that factor ({@link PreconditionedSchur}).
 * The accumulated sum is then also kept (in single precision) and <em>reused</em> by later
 * iterations, rescaled by the growth of the total weight Σt_i and refactored (n³/3 flops instead of
 * n²Σrank): a reused preconditioner costs more conjugate-gradient products, so the sum is
 * accumulated afresh once the extra products since the last accumulation would have paid for one
 * (a ski-rental rule, {@link ReuseLedger}), or at once when a solve does not converge within
 * {@link #REUSED_CG_LIMIT} products.
 * The epigraph variables t are eliminated in closed form per cone beforehand (ipm.md §2 fact 3);
 * with g groups per block ({@link BlockOperator#groupsPerBlock()}) each cone touches only its own
 * diagonal (d/g)×(d/g) sub-block of B̃_j.
 * All workspaces are allocated in the constructor.
 */
final class SchurKktSolver {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final double EPS = Math.ulp(1.0);
    /** Blocks up to this dimension are multiplied in Java rather than by one dsymv each. */
    private static final int SMALL_BLOCK = 8;
    /** Start and ceiling of the omit budget, the largest Σ t_i left out of the factored matrix. */
    private static final double FIRST_OMIT_BUDGET = 0.01, MAX_OMIT_BUDGET = 0.1;
    /**
     * Masks this light (t_i at most this) may be left out up to {@link #LIGHT_MASKS_FACTOR} times the
     * omit budget in total: ‖E‖ ≤ Σt_omitted is far from tight for many light terms in different
     * directions. At (2000, 50, 1000) this leaves out 211–819 masks instead of 2–185 in iterations
     * 30–40 (1566 CG products instead of 1677, 56.0–56.3 s instead of 63.7 s, same iterations).
     */
    private static final double LIGHT_MASK = 0.02, LIGHT_MASKS_FACTOR = 100;
    /**
     * Ceiling of the single budget, the largest Σ t_i rounded to single precision: the rounding
     * error is about 2⁻²⁴·Σt_single·(a small factor), so this keeps it well below λ_min(S) ≥ 1.
     */
    private static final double MAX_SINGLE_BUDGET = 1e7;
    /** CG iterations per solve above which the budgets shrink, and at or below which they grow. */
    private static final int SLOW_SOLVE = 8, FAST_SOLVE = 3;
    /** A solve with a reused preconditioner that needs more products than this refreshes it and starts again. */
    static final int REUSED_CG_LIMIT = 25;
    /** Relative backward error of the affine predictor's Schur solve when the preconditioner is reused. */
    private static final double PREDICTOR_TOLERANCE = 1e-3;

    private final BlockOperator op;
    private final Elementwise ew = Kernels.get().elementwise();
    private final int n, d, blocks, masks, threads, groups, groupDim;
    private final double staticReg;

    private final Matrix gram;        // d(d+1)/2 × B packed Gram blocks
    private final Matrix inverses;    // d × (d·B): B̃_j⁻¹ in the lower triangles (the upper ones keep B̃_j)
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
    private final Matrix pcgRhs;      // n × 1: the right-hand side of a CG solve that may start again
    private final Matrix[] reducedCols, scaledCols, outCols, couplingCols;
    private final Matrix out;         // d × B
    private final Matrix sums;        // d × (d·P): C_i in the lower triangles (the factors' storage when S is always formed exactly)
    private final Matrix[] sumViews;
    private final MemorySegment zeros; // d doubles
    private final Matrix maskVectors;  // P × d: rows vᵀA_i of the CG product
    private final Matrix weightedVectors; // d × P: columns C_i A_iᵀv
    private final Matrix[] maskVectorRows, weightedVectorCols;

    private double maxRegularisation;

    // Mixed precision (operators with mask Grams): tiers by the weights t_i = trace(A_i C_i A_iᵀ).
    private final Matrix grams;        // d(d+1)/2 × P packed A_iᵀA_i, null: always exact
    private final double[] weights;
    private final long[] order;
    private final SchurTier[] tiers;
    private final FloatMatrix single;  // n × n single-precision part
    private final PreconditionedSchur pcg;
    private boolean exact = true;      // all masks in double precision
    private double omitBudget = FIRST_OMIT_BUDGET, singleBudget = MAX_SINGLE_BUDGET, singleSum;
    private int hardestFreshSolve;     // most CG iterations of one solve with a fresh preconditioner since the last accumulation
    private int products;              // CG products since the last factor()
    private boolean adaptive = true;
    private double schurNorm;          // largest diagonal entry of S: its norm to within a factor n

    // Reuse of the accumulated sum (mixed precision only); `single` holds Σ_i A_i C_i A_iᵀ between accumulations.
    private boolean reuse;             // reuse is allowed
    private boolean reused;            // the current factor is a rescaled earlier sum
    private boolean accumulated;       // `single` holds a sum to reuse
    private double keptWeight;         // Σ t_i over the masks in that sum, at its accumulation
    private final ReuseLedger ledger = new ReuseLedger();
    private int reusedLimit = REUSED_CG_LIMIT;

    /**
     * @param mixedPrecision use the mixed-precision accumulation when the operator supports it
     *                       ({@link BlockOperator#maskGrams()}); otherwise S is formed exactly
     */
    SchurKktSolver(Arena arena, BlockOperator op, double staticReg, int threads, boolean mixedPrecision) {
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
        this.zeros = arena.allocate((long) d * Double.BYTES, Double.BYTES);
        boolean perMask = op.maskGrams() != null; // per-mask products: CG on the exact S is possible
        this.sums = perMask ? Matrix.allocate(arena, d, d * masks) : factors;
        this.sumViews = perMask ? new Matrix[masks] : factorViews;
        if (perMask) for (int i = 0; i < masks; i++) sumViews[i] = sums.columns(i * d, d);
        this.maskVectors = perMask ? Matrix.allocate(arena, masks, d) : null;
        this.weightedVectors = perMask ? Matrix.allocate(arena, d, masks) : null;
        this.maskVectorRows = perMask ? rows(maskVectors) : null;
        this.weightedVectorCols = perMask ? columns(weightedVectors) : null;
        this.pcg = perMask ? new PreconditionedSchur(arena, n, this::multiplySchur) : null;
        this.lambda = Matrix.vector(arena, n);
        this.pcgRhs = Matrix.vector(arena, n);
        this.reducedCols = columns(reduced);
        this.scaledCols = columns(scaled);
        this.outCols = columns(out);
        this.couplingCols = columns(coupling);
        this.grams = mixedPrecision ? op.maskGrams() : null;
        this.weights = new double[masks];
        this.order = new long[masks];
        this.tiers = new SchurTier[masks];
        Arrays.fill(tiers, SchurTier.DOUBLE);
        this.single = grams != null ? FloatMatrix.allocate(arena, n, n) : null;
        this.reuse = grams != null;
    }

    private static Matrix[] columns(Matrix m) {
        Matrix[] c = new Matrix[m.cols()];
        for (int j = 0; j < c.length; j++) c[j] = m.column(j);
        return c;
    }

    private static Matrix[] rows(Matrix m) {
        Matrix[] r = new Matrix[m.rows()];
        for (int i = 0; i < r.length; i++) r[i] = m.view(i, 0, 1, m.cols());
        return r;
    }

    /**
     * Conjugate-gradient products (with the exact S) since the last {@link #factor}: 0 when the
     * solves were direct (an operator without mask Grams, or a fresh factor and the affine predictor).
     */
    int conjugateGradientProducts() {
        return products;
    }

    /** Masks left out of the last accumulated approximation of S (tests). */
    int omittedMasks() {
        int count = 0;
        for (SchurTier t : tiers) if (t == SchurTier.OMITTED) count++;
        return count;
    }

    /** Weight t_i = trace(A_i C_i A_iᵀ) of mask i at the last {@link #factor} (tests; 0 without mask Grams). */
    double maskWeight(int i) {
        return weights[i];
    }

    /** Whether the last {@link #factor} reused an earlier accumulation of S as the preconditioner. */
    boolean preconditionerReused() {
        return reused;
    }

    /** Caps the conjugate-gradient products of a solve with a reused preconditioner (tests; default {@value #REUSED_CG_LIMIT}). */
    void limitReusedSolves(int limit) {
        reusedLimit = limit;
    }

    /** Allows or forbids reusing an accumulated Schur complement across iterations (tests). */
    void allowReuse(boolean allowed) {
        reuse = allowed && grams != null;
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
        products = 0;
        OpenBlas.setThreads(1); // thousands of tiny factorisations: thread wake-ups would dominate
        try {
            for (int j = 0; j < blocks; j++) invertBlock(j, soc);
            for (int i = 0; i < masks; i++) sumMask(i);
        } finally {
            OpenBlas.setThreads(threads);
        }
        if (grams == null) {
            factorMasks();
            return factorSchur(false);
        }
        if (reuse && accumulated && ledger.reuseAffordable() && rescaleSum()) return true;
        return accumulate();
    }

    /**
     * Factors I + c·(the last accumulated sum), c the growth of the total weight of its masks since
     * then, as this iteration's preconditioner; false if that is not positive definite.
     */
    private boolean rescaleSum() {
        double weight = weightOfKeptMasks();
        if (!(weight > 0)) return false;
        schur.fill(0.0);
        ew.widenAdd(single.segment(), schur.segment(), (long) n * n);
        ew.axpby(weight / keptWeight, schur.segment(), 0.0, schur.segment(), schur.segment(), (long) n * n);
        reused = addIdentityAndFactor();
        return reused;
    }

    /** Accumulates S afresh from this iteration's mask factors (mixed precision), falling back to the exact sum. */
    private boolean accumulate() {
        reused = false;
        factorMasks();
        chooseTiers();
        if (factorSchur(true)) return true;
        if (exact) return false;
        // rounding made the approximation indefinite: shrink the budgets and factor exactly
        singleBudget = Math.min(singleBudget, singleSum) / 10;
        omitBudget /= 10;
        Arrays.fill(tiers, SchurTier.DOUBLE);
        exact = true;
        return factorSchur(false);
    }

    /**
     * Forms S = I + Σ_i A_i C_i A_iᵀ (by tiers if {@code mixed}, then keeping the sum for reuse) and
     * factors it; false if it is not positive definite.
     */
    private boolean factorSchur(boolean mixed) {
        schur.fill(0.0);
        if (!mixed) {
            op.accumulateSchur(factors, schur);
        } else {
            if (singleSum > 0) single.clear();
            op.accumulateSchur(factors, tiers, schur, single);
            if (singleSum > 0) ew.widenAdd(single.segment(), schur.segment(), (long) n * n);
        }
        accumulated = mixed && reuse;
        if (accumulated) keepSum();
        return addIdentityAndFactor();
    }

    /** Keeps the accumulated sum (in {@code schur}) in single precision with its weight, and opens its reuse account. */
    private void keepSum() {
        ew.narrow(schur.segment(), single.segment(), (long) n * n);
        keptWeight = weightOfKeptMasks();
        double columns = 0;
        for (int i = 0; i < masks; i++) if (tiers[i] != SchurTier.OMITTED) columns += tiers[i] == SchurTier.DOUBLE ? 2 * d : d;
        ledger.accumulated(n, columns, masks, d);
    }

    /** Σ t_i over the masks not left out of the accumulated sum (this iteration's weights). */
    private double weightOfKeptMasks() {
        double w = 0;
        for (int i = 0; i < masks; i++) if (tiers[i] != SchurTier.OMITTED) w += weights[i];
        return w;
    }

    /** {@code schur ← upper Cholesky factor of (schur + I)}, recording ‖S‖ ≈ its largest diagonal entry. */
    private boolean addIdentityAndFactor() {
        schurNorm = 0;
        for (int a = 0; a < n; a++) {
            schur.set(a, a, schur.get(a, a) + 1.0);
            schurNorm = Math.max(schurNorm, schur.get(a, a));
        }
        return Lapack.dpotrf(Uplo.UPPER, schur).ok();
    }

    /**
     * Sorts the masks by weight t_i; the lightest are left out while their weights sum to at most
     * the omit budget (or, each lighter than {@value #LIGHT_MASK}, {@value #LIGHT_MASKS_FACTOR} times
     * it), the next ones go to single precision up to the single budget, the rest stay exact.
     * Leaving out E perturbs S ≽ I by at most ‖E‖ ≤ Σt_omitted, rounding by about
     * 2⁻²⁴·Σt_single, so the preconditioned spectrum stays near 1 and CG needs a few iterations.
     */
    private void chooseTiers() {
        adaptBudgets();
        for (int i = 0; i < masks; i++) order[i] = ((long) Float.floatToIntBits((float) weights[i]) << 32) | i;
        Arrays.sort(order); // weights are ≥ 0, so their float bits sort like the values
        double omitted = 0;
        singleSum = 0;
        exact = true;
        for (long key : order) {
            int i = (int) key;
            double t = weights[i];
            if (omitted + t <= (t <= LIGHT_MASK ? LIGHT_MASKS_FACTOR : 1) * omitBudget) {
                omitted += t;
                tiers[i] = SchurTier.OMITTED;
            } else if (singleSum + t <= singleBudget) {
                singleSum += t;
                tiers[i] = SchurTier.SINGLE;
            } else {
                tiers[i] = SchurTier.DOUBLE;
            }
            exact &= tiers[i] == SchurTier.DOUBLE;
        }
    }

    /** Shrinks the budgets after a slow CG solve, lets them grow again after fast ones. */
    private void adaptBudgets() {
        if (!adaptive) return;
        if (hardestFreshSolve > SLOW_SOLVE) {
            omitBudget /= 10;
            singleBudget = Math.min(singleBudget, singleSum) / 10;
        } else if (exact || hardestFreshSolve <= FAST_SOLVE) {
            omitBudget = Math.min(2 * omitBudget, MAX_OMIT_BUDGET);
            singleBudget = Math.min(4 * singleBudget, MAX_SINGLE_BUDGET);
        }
        hardestFreshSolve = 0;
    }

    /** Fixes the budgets for good (tests): the largest Σt left out and Σt in single precision. */
    void fixBudgets(double omit, double single) {
        omitBudget = omit;
        singleBudget = single;
        adaptive = false;
    }

    /** B̃_j from its Gram block and SOC term, regularised, then inverted in place (the inverse in the lower triangle). */
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

    /** Factors every C_i as L_i L_iᵀ (upper part zero) into the factors (tiny factorisations, one BLAS thread). */
    private void factorMasks() {
        if (sums != factors) factors.copyFrom(sums);
        OpenBlas.setThreads(1);
        try {
            for (int i = 0; i < masks; i++) {
                LapackInfo info = Lapack.dpotrf(Uplo.LOWER, factorViews[i]);
                if (!info.ok()) throw new ArithmeticException("mask " + i + ": " + info);
                MemorySegment fs = factorViews[i].segment();
                for (int c = 1; c < d; c++) MemorySegment.copy(zeros, 0, fs, (long) c * d * Double.BYTES, (long) c * Double.BYTES);
            }
        } finally {
            OpenBlas.setThreads(threads);
        }
    }

    /** C_i = Σ B̃_j⁻¹ over the blocks of mask i (the lower triangle is C_i's) and its weight t_i. */
    private void sumMask(int i) {
        MemorySegment fs = sumViews[i].segment();
        int[] own = blocksOfMask[i];
        long len = (long) d * d;
        MemorySegment.copy(inverseViews[own[0]].segment(), 0, fs, 0, len * Double.BYTES);
        for (int b = 1; b < own.length; b++) ew.axpby(1.0, inverseViews[own[b]].segment(), 1.0, fs, fs, len);
        if (grams != null) weights[i] = traceWithGram(fs, i);
    }

    /** {@code trace(A_i C_i A_iᵀ) = ⟨C_i, A_iᵀA_i⟩} from the lower triangle of C_i and the packed Gram. */
    private double traceWithGram(MemorySegment c, int i) {
        MemorySegment g = grams.segment();
        long gram = (long) i * grams.ld(); // packed upper triangle: entry (r, col), r ≤ col, at col(col+1)/2 + r
        double t = 0;
        for (int col = 0; col < d; col++) {
            t += c.getAtIndex(D, col + (long) col * d) * g.getAtIndex(D, gram + (long) col * (col + 1) / 2 + col);
            for (int r = col + 1; r < d; r++)
                t += 2 * c.getAtIndex(D, r + (long) col * d) * g.getAtIndex(D, gram + (long) r * (r + 1) / 2 + col);
        }
        return t;
    }

    /** {@code result ← S v = v + Σ_i A_i C_i A_iᵀ v}, exactly (the conjugate-gradient product; A_i = D_i X). */
    private void multiplySchur(Matrix v, Matrix result) {
        op.maskTranspose(1.0, v, 0.0, maskVectors);
        for (int i = 0; i < masks; i++) Blas.dsymv(Uplo.LOWER, 1.0, sumViews[i], maskVectorRows[i], 0.0, weightedVectorCols[i]);
        op.maskApply(weightedVectors, result);
        ew.axpby(1.0, v.segment(), 1.0, result.segment(), result.segment(), n);
    }

    /**
     * Solves for {@code (Δu, Δt)} given the primal right-hand side {@code (ru, rt)} of the system
     * {@code (P + GᵀH⁻¹G) Δx = r}. Inputs are not modified; outputs must not alias inputs.
     *
     * @param tolerance relative backward error the Schur solve needs (at least 1e-13): conjugate
     *                  gradients on the exact S, preconditioned by the factor, stop there — for an
     *                  exact factor after one or two products, which also repairs the direct solve's
     *                  loss of accuracy when S is very ill-conditioned. +∞ solves with a fresh factor
     *                  alone (with a reused one to {@value #PREDICTOR_TOLERANCE}), for directions whose
     *                  accuracy matters little such as the affine predictor's. Operators without mask
     *                  Grams are always solved directly.
     * @throws ArithmeticException if a preconditioner accumulated afresh mid-solve is not positive definite
     */
    void solve(Matrix ru, Matrix rt, Matrix du, Matrix dt, double tolerance) {
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
        applyInverses(reduced, reducedCols, scaled, scaledCols);
        // λ = S⁻¹ M q ; r̃ ← r̃ − Mᵀ λ ; Δu = B̃⁻¹ r̃
        op.apply(scaled, lambda);
        solveSchur(tolerance);
        op.applyTranspose(-1.0, lambda, 1.0, reduced);
        applyInverses(reduced, reducedCols, out, outCols);
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

    /** {@code lambda ← S⁻¹ lambda}: directly, or by conjugate gradients, accumulating S afresh when a reused factor is too slow. */
    private void solveSchur(double tolerance) {
        if (pcg == null || (tolerance == Double.POSITIVE_INFINITY && !reused)) {
            PreconditionedSchur.solveWithFactor(schur, lambda);
            return;
        }
        if (!reused) {
            int k = pcg.solve(schur, schurNorm, lambda, tolerance, PreconditionedSchur.MAX_ITERATIONS);
            products += k;
            hardestFreshSolve = Math.max(hardestFreshSolve, k);
            return;
        }
        if (ledger.reuseAffordable()) {
            double tol = tolerance == Double.POSITIVE_INFINITY ? PREDICTOR_TOLERANCE : tolerance;
            pcgRhs.copyFrom(lambda);
            int k = pcg.solve(schur, schurNorm, lambda, tol, reusedLimit);
            products += k;
            ledger.reusedSolve(k);
            if (pcg.converged()) return;
            lambda.copyFrom(pcgRhs);
        }
        if (!accumulate()) throw new ArithmeticException("the Schur complement is not positive definite");
        solveSchur(tolerance);
    }

    /**
     * {@code target_j = B̃_j⁻¹ source_j} for every block (the {@code Cols} arrays are the columns
     * of the matrices): one dsymv per block on its lower triangle, or, for blocks of at most
     * {@value #SMALL_BLOCK} coordinates, where a downcall costs more than the arithmetic, a loop.
     */
    private void applyInverses(Matrix source, Matrix[] sourceCols, Matrix target, Matrix[] targetCols) {
        if (d > SMALL_BLOCK) {
            for (int j = 0; j < blocks; j++) Blas.dsymv(Uplo.LOWER, 1.0, inverseViews[j], sourceCols[j], 0.0, targetCols[j]);
            return;
        }
        MemorySegment inv = inverses.segment(), x = source.segment(), y = target.segment();
        long dd = (long) d * d;
        for (int j = 0; j < blocks; j++) {
            long base = j * dd, col = (long) j * d;
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += inv.getAtIndex(D, base + (c <= r ? r + (long) c * d : c + (long) r * d)) * x.getAtIndex(D, col + c);
                y.setAtIndex(D, col + r, s);
            }
        }
    }
}
