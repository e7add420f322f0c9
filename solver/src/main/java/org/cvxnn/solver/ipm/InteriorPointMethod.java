package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.kernels.StepLength;
import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Primal–dual interior-point method for the masked group-lasso programs, in Clarabel's conic-QP
 * form {@code min ½xᵀPx + qᵀx s.t. Gx + s = 0, s ∈ K} with the loss kept in the objective
 * (ipm.md §2–§3): infeasible path-following, Nesterov–Todd scaling, Mehrotra predictor–corrector
 * with σ = (1 − α_aff)³, Clarabel's stopping rule, and the Newton system solved through the n×n
 * Schur complement ({@link SchurKktSolver}) with iterative refinement on the unreduced system.
 *
 * <p>Variables: per block j the weights {@code u_j ∈ R^d}, split into g groups
 * ({@link BlockOperator#groupsPerBlock()}) {@code u_q} of d/g coordinates, and per group
 * {@code t_q ≥ ‖u_q‖}; the objective is {@code ½‖Mu − y‖² + β Σ t_q}. Cones: the orthant rows
 * {@code K_j u_j ≥ 0} of each block (if constrained) and one SOC {@code (t_q, u_q)} per group.
 * Since u is column-major d×B, group q = j·g + k occupies the consecutive entries
 * {@code q·d/g .. (q+1)·d/g − 1}.
 */
final class InteriorPointMethod {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final BlockOperator op;
    private final IpmSettings settings;
    private final double beta;
    private final int n, rows, d, blocks, groupDim, cones;
    private final boolean constrained;
    private final double degree;
    private final Elementwise ew = Kernels.get().elementwise();
    private final StepLength steps = Kernels.get().stepLength();
    private final SchurKktSolver kkt;
    private final SocCones soc;
    private final PrintStream log;

    // data
    private final Matrix y;
    private final double normY2, qInf;
    // iterate and direction
    private final PrimalVector x, dx, rx, bx, px, cx, rx2;
    private final ConeVector s, z, ds, dz, rz, bz, cz, lambda, tmpA, tmpB;
    // orthant scaling σ = z/s (W = diag(√(s/z)) and λ = √(sz) enter only in closed form, combinedRhs)
    private final Matrix sigma;
    private final Matrix yhat, resid;

    private final PhaseTimer timer = new PhaseTimer();
    /**
     * Inexact Newton steps: the refinement tolerance of an iteration is
     * max(refinementTol, INEXACTNESS·μ/μ₀), so early iterations, far from the optimum, skip the
     * refinement their directions do not need, and the last ones refine to the full tolerance.
     */
    private static final double INEXACTNESS = 1e-4;
    private double firstMu, refinementTol;

    InteriorPointMethod(Arena arena, BlockOperator op, Matrix y, double beta, IpmSettings settings, PrintStream log) {
        this.op = op;
        this.settings = settings;
        this.beta = beta;
        this.n = op.n();
        this.rows = op.rows();
        this.d = op.d();
        this.blocks = op.blocks();
        if (op.groupsPerBlock() < 1 || d % op.groupsPerBlock() != 0)
            throw new IllegalArgumentException(op.groupsPerBlock() + " groups per block do not divide the block dimension " + d);
        this.groupDim = d / op.groupsPerBlock();
        this.cones = blocks * op.groupsPerBlock();
        this.constrained = op.constrained();
        this.degree = (constrained ? (double) rows * blocks : 0) + cones;
        this.log = log;
        this.y = y;
        this.kkt = new SchurKktSolver(arena, op, settings.staticReg(), settings.threads(), settings.mixedPrecision());
        this.soc = new SocCones(arena, groupDim, cones);
        x = new PrimalVector(arena, d, blocks, cones);
        dx = new PrimalVector(arena, d, blocks, cones);
        rx = new PrimalVector(arena, d, blocks, cones);
        bx = new PrimalVector(arena, d, blocks, cones);
        px = new PrimalVector(arena, d, blocks, cones);
        cx = new PrimalVector(arena, d, blocks, cones);
        rx2 = new PrimalVector(arena, d, blocks, cones);
        s = cone(arena);
        z = cone(arena);
        ds = cone(arena);
        dz = cone(arena);
        rz = cone(arena);
        bz = cone(arena);
        cz = cone(arena);
        lambda = new ConeVector(arena, rows, blocks, groupDim, cones, false); // SOC part only
        tmpA = cone(arena);
        tmpB = cone(arena);
        sigma = constrained ? Matrix.allocate(arena, rows, blocks) : null;
        yhat = Matrix.vector(arena, n);
        resid = Matrix.vector(arena, n);
        normY2 = ew.sumSquares(y.segment(), n);
        op.applyTranspose(1.0, y, 0.0, rx.u);
        qInf = Math.max(beta, maxAbs(rx.u));
    }

    private ConeVector cone(Arena arena) {
        return new ConeVector(arena, rows, blocks, groupDim, cones, constrained);
    }

    /** Result of the iteration proper (before certification). */
    record Outcome(SolveStatus status, int iterations, double pcost, double dcost, double gapAbs, double gapRel,
                   double resPrimal, double resDual, PhaseTimer timer) { }

    /** Runs the method; on return {@link #weights()} and {@link #orthantMultipliers()} hold the last iterate. */
    Outcome run() {
        long start = System.nanoTime();
        OpenBlas.setThreads(settings.threads());
        timer.start("initialise");
        if (!initialise()) return new Outcome(SolveStatus.NUMERICAL_ERROR, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, timer);
        timer.stop();
        if (settings.verbose()) log.printf("%4s %14s %14s %9s %9s %9s %9s %9s %4s %8s%n", "iter", "pcost", "dcost", "gap", "pres", "dres", "step", "mu", "cg", "time");
        double step = 0;
        SolveStatus status;
        int k = 0;
        while (true) {
            timer.start("residuals");
            Info info = residuals();
            timer.stop();
            if (k == 0) firstMu = info.mu;
            refinementTol = Math.max(settings.refinementTol(), INEXACTNESS * info.mu / firstMu);
            double elapsed = (System.nanoTime() - start) * 1e-9;
            if (settings.verbose())
                log.printf("%4d %14.7e %14.7e %9.2e %9.2e %9.2e %9.2e %9.2e %3d%s %8.2f%n", k, info.pcost, info.dcost, info.gapAbs,
                        info.resPrimal, info.resDual, step, info.mu, kkt.conjugateGradientProducts(),
                        kkt.preconditionerReused() ? "r" : " ", elapsed);
            if (info.converged(settings.tolGapAbs(), settings.tolGapRel(), settings.tolFeas())) {
                status = SolveStatus.SOLVED;
                return finish(status, k, info);
            }
            if (k >= settings.maxIterations()) return finish(limitStatus(info, SolveStatus.MAX_ITERATIONS), k, info);
            if (settings.timeLimit() != null && elapsed >= settings.timeLimit().toNanos() * 1e-9)
                return finish(limitStatus(info, SolveStatus.TIME_LIMIT), k, info);

            timer.start("scaling");
            boolean scaled = scale();
            timer.stop();
            if (!scaled) return finish(limitStatus(info, SolveStatus.NUMERICAL_ERROR), k, info);
            timer.start("factor");
            boolean factored;
            try {
                factored = kkt.factor(sigma, soc);
            } catch (ArithmeticException e) {
                factored = false;
            }
            timer.stop();
            if (!factored) return finish(limitStatus(info, SolveStatus.NUMERICAL_ERROR), k, info);

            timer.start("solve");
            try {
                // predictor: ξ = −λ, so bz = −r_z + s
                bx.copyFrom(rx);
                bx.axpby(ew, 0.0, rx, -1.0);
                bz.combine(ew, 1.0, s, -1.0, rz);
                solveNewton(false);
                double alphaAff = Math.min(1.0, stepToBoundary());
                double sigmaC = Math.pow(1 - alphaAff, 3);
                // corrector: r_c = −λ∘λ + σμe − (W⁻¹Δs_a)∘(WΔz_a), ξ = λ \ r_c, bz = −r_z − Wξ
                combinedRhs(sigmaC * info.mu);
                solveNewton(true);
            } catch (ArithmeticException e) {
                timer.stop();
                return finish(limitStatus(info, SolveStatus.NUMERICAL_ERROR), k, info);
            }
            timer.stop();
            step = Math.min(1.0, settings.maxStepFraction() * stepToBoundary());
            if (step < settings.minStep()) return finish(limitStatus(info, SolveStatus.INSUFFICIENT_PROGRESS), k, info);
            x.axpby(ew, step, dx, 1.0);
            s.axpby(ew, step, ds, 1.0);
            z.axpby(ew, step, dz, 1.0);
            k++;
        }
    }

    private SolveStatus limitStatus(Info info, SolveStatus limit) {
        return info.converged(settings.reducedTolGap(), settings.reducedTolGap(), settings.reducedTolFeas()) ? SolveStatus.ALMOST_SOLVED : limit;
    }

    private Outcome finish(SolveStatus status, int k, Info info) {
        return new Outcome(status, k, info.pcost, info.dcost, info.gapAbs, info.gapRel, info.resPrimal, info.resDual, timer);
    }

    /** The weights u (d×B) of the current iterate. */
    Matrix weights() {
        return x.u;
    }

    /** A rows×B buffer free once {@link #run} has returned (null if unconstrained). */
    Matrix scratch() {
        return tmpA.orthant;
    }

    /** The orthant multipliers z (rows×B) of the current iterate, or null if unconstrained. */
    Matrix orthantMultipliers() {
        return z.orthant;
    }

    // ---------------------------------------------------------------------------------------
    // Start: CVXOPT/Clarabel symmetric initialisation (one solve with identity scaling).

    private boolean initialise() {
        if (constrained) fillOrthant(s.orthant, 1.0);
        unitCones(s.soc);
        if (constrained) fillOrthant(z.orthant, 1.0);
        unitCones(z.soc);
        if (!scale() || !factorSafely()) return false;
        // [P Gᵀ; G −I][x; z] = [−q; 0]: −q = (Mᵀy, −β)
        op.applyTranspose(1.0, y, 0.0, bx.u);
        bx.t.fill(-beta);
        zero(bz);
        solveKkt(bx, bz, dx, dz, false, PreconditionedSchur.FULL_ACCURACY);
        x.copyFrom(dx);
        // z = G x (from the second row), s = −G x
        applyG(x, z);
        s.copyFrom(z);
        s.axpby(ew, 0.0, z, -1.0);
        shiftIntoCone(s);
        shiftIntoCone(z);
        return true;
    }

    private boolean factorSafely() {
        try {
            return kkt.factor(sigma, soc);
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private void shiftIntoCone(ConeVector v) {
        double minEig = SocCones.minEigenvalue(v.soc);
        if (constrained) minEig = Math.min(minEig, minEntry(v.orthant));
        double norm = Math.sqrt(v.sumSquares(ew));
        if (minEig <= 1e-8 * Math.max(1.0, norm)) {
            double shift = 1.0 - minEig;
            if (constrained) addToAll(v.orthant, shift);
            SocCones.shift(v.soc, shift);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Residuals and the stopping rule (Clarabel definitions, unscaled, h = 0).

    private record Info(double pcost, double dcost, double gapAbs, double gapRel, double resPrimal, double resDual, double mu) {
        boolean converged(double gapAbsTol, double gapRelTol, double feasTol) {
            return (gapAbs < gapAbsTol || gapRel < gapRelTol) && resPrimal < feasTol && resDual < feasTol;
        }
    }

    private Info residuals() {
        op.apply(x.u, yhat);
        ew.axpby(1.0, yhat.segment(), -1.0, y.segment(), resid.segment(), n);
        // r_x = P x + q + Gᵀ z: u-part Mᵀ(ŷ − y) − Kᵀ z_orth − z_soc[1:], t-part β − z_soc[0]
        op.applyTranspose(1.0, resid, 0.0, rx.u);
        rx.t.fill(0.0);
        applyGtAdd(z, rx);
        addConstant(rx.t, beta);
        // r_z = G x + s
        applyGCombined(x, 1.0, s, 1.0, null, rz);

        double loss = 0.5 * ew.sumSquares(resid.segment(), n);
        double sumT = 0;
        for (int q = 0; q < cones; q++) sumT += x.t.get(q);
        double pcost = loss + beta * sumT;
        double dcost = 0.5 * normY2 - 0.5 * ew.sumSquares(yhat.segment(), n);
        double gapAbs = Math.abs(pcost - dcost);
        double gapRel = gapAbs / Math.max(1.0, Math.min(Math.abs(pcost), Math.abs(dcost)));
        double normX = Math.sqrt(x.sumSquares(ew));
        double resP = Math.sqrt(rz.sumSquares(ew)) / Math.max(1.0, normX + Math.sqrt(s.sumSquares(ew)));
        double resD = Math.sqrt(rx.sumSquares(ew)) / Math.max(1.0, qInf + normX + Math.sqrt(z.sumSquares(ew)));
        double mu = s.dot(ew, z) / degree;
        return new Info(pcost, dcost, gapAbs, gapRel, resP, resD, mu);
    }

    // ---------------------------------------------------------------------------------------
    // Scaling, Newton directions, step length.

    /** NT scaling at the current (s, z): σ = z/s on the orthant, W and λ = W z on the SOCs. */
    private boolean scale() {
        if (constrained) {
            if (!(minEntry(s.orthant) > 0) || !(minEntry(z.orthant) > 0)) return false;
            ew.div(z.orthant.segment(), s.orthant.segment(), sigma.segment(), s.orthantLength());
        }
        return soc.update(s.soc, z.soc, lambda.soc);
    }

    /**
     * Solves the Newton system for (bx, bz) into (dx, dz) and sets Δs = −r_z − GΔx. The affine
     * (predictor) direction only sets the centring parameter and the second-order term, so it is
     * neither refined nor solved beyond the approximate Schur complement; the corrector's Schur
     * solves need a hundredth of the iteration's refinement tolerance.
     */
    private void solveNewton(boolean corrector) {
        solveKkt(bx, bz, dx, dz, corrector, corrector ? 0.01 * refinementTol : Double.POSITIVE_INFINITY);
        applyGCombined(dx, -1.0, rz, -1.0, null, ds);
    }

    /**
     * Solves {@code [P Gᵀ; G −H][Δx; Δz] = [bx; bz]}, H = WᵀW, by
     * {@code (P + GᵀH⁻¹G)Δx = bx + GᵀH⁻¹bz}, {@code Δz = W⁻¹W⁻¹(GΔx − bz)}, with iterative
     * refinement against the unreduced system.
     */
    private void solveKkt(PrimalVector bx, ConeVector bz, PrimalVector outX, ConeVector outZ, boolean refine, double schurTolerance) {
        reducedSolve(bx, bz, outX, outZ, schurTolerance);
        if (!refine) return;
        double normB = Math.sqrt(bx.sumSquares(ew) + bz.sumSquares(ew));
        double res = unreducedResidual(bx, bz, outX, outZ);
        for (int step = 0; step < settings.refinementSteps(); step++) {
            if (res <= refinementTol * (1 + normB)) break;
            reducedSolve(px, tmpA, cx, cz, schurTolerance); // correction for the residual held in (px, tmpA)
            outX.axpby(ew, 1.0, cx, 1.0);
            outZ.axpby(ew, 1.0, cz, 1.0);
            double next = unreducedResidual(bx, bz, outX, outZ);
            if (!(next < res / 5)) {
                if (!(next <= res)) { // the correction made things worse: undo it
                    outX.axpby(ew, -1.0, cx, 1.0);
                    outZ.axpby(ew, -1.0, cz, 1.0);
                }
                break;
            }
            res = next;
        }
    }

    private void reducedSolve(PrimalVector bx, ConeVector bz, PrimalVector outX, ConeVector outZ, double schurTolerance) {
        // rhs = bx + Gᵀ H⁻¹ bz (H⁻¹ = W⁻¹W⁻¹: σ on the orthant, applied inside the transpose; tmpB holds the SOC part)
        soc.applyWinv(bz.soc, tmpB.soc);
        soc.applyWinv(tmpB.soc, tmpB.soc);
        rx2.copyFrom(bx);
        applyGtAdd(bz.orthant, sigma, tmpB.soc, rx2);
        kkt.solve(rx2.u, rx2.t, outX.u, outX.t, schurTolerance);
        // Δz = W⁻¹(W⁻¹(GΔx − bz)): on the orthant σ∘(GΔx − bz) in the same pass as GΔx
        applyGCombined(outX, 1.0, bz, -1.0, sigma, outZ);
        soc.applyWinv(outZ.soc, outZ.soc);
        soc.applyWinv(outZ.soc, outZ.soc);
    }

    /**
     * Residual of the unreduced system, stored in (px, tmpA), returning its norm:
     * {@code bx − PΔx − GᵀΔz} and {@code bz − GΔx + HΔz}.
     */
    private double unreducedResidual(PrimalVector bx, ConeVector bz, PrimalVector dxv, ConeVector dzv) {
        // P Δx = Mᵀ M Δu
        op.apply(dxv.u, resid);
        op.applyTranspose(1.0, resid, 0.0, px.u);
        px.t.fill(0.0);
        applyGtAdd(dzv, px);                 // px = PΔx + GᵀΔz
        px.axpby(ew, 1.0, bx, -1.0);          // px = bx − (PΔx + GᵀΔz)
        applyH(dzv, tmpA);                   // tmpA = HΔz
        applyG(dxv, tmpB);
        tmpA.axpby(ew, -1.0, tmpB, 1.0);      // HΔz − GΔx
        tmpA.axpby(ew, 1.0, bz, 1.0);         // bz − GΔx + HΔz
        return Math.sqrt(px.sumSquares(ew) + tmpA.sumSquares(ew));
    }

    /**
     * Combined (corrector) right-hand side from the affine direction in (ds, dz):
     * {@code r_c = −λ∘λ + σμe − (W⁻¹Δs_a)∘(WΔz_a)}, {@code ξ = λ \ r_c}, {@code bz = −r_z − Wξ}. On the
     * orthant, where λ∘λ = s∘z and W = √(s/z), that is {@code bz = s − r_z + (Δs_a∘Δz_a − σμ)/z}: one
     * fused pass.
     */
    private void combinedRhs(double sigmaMu) {
        if (constrained) ew.correctorRhs(s.orthant.segment(), z.orthant.segment(), ds.orthant.segment(), dz.orthant.segment(),
                rz.orthant.segment(), sigmaMu, bz.orthant.segment(), s.orthantLength());
        soc.applyWinv(ds.soc, tmpA.soc);
        soc.applyW(dz.soc, tmpB.soc);
        SocCones.jordan(tmpA.soc, tmpB.soc, cz.soc);
        SocCones.square(lambda.soc, tmpB.soc);
        ew.axpby(-1.0, tmpB.soc.segment(), -1.0, cz.soc.segment(), tmpA.soc.segment(), tmpA.socLength());
        SocCones.shift(tmpA.soc, sigmaMu);
        SocCones.divide(lambda.soc, tmpA.soc, tmpA.soc);
        soc.applyW(tmpA.soc, bz.soc);
        ew.axpby(-1.0, rz.soc.segment(), -1.0, bz.soc.segment(), bz.soc.segment(), bz.socLength());
        bx.copyFrom(rx);
        bx.axpby(ew, 0.0, rx, -1.0);
    }

    /** Largest α with s + αΔs and z + αΔz in the cones (may be +∞). */
    private double stepToBoundary() {
        double a = Double.POSITIVE_INFINITY;
        if (constrained) {
            a = Math.min(a, steps.orthant(s.orthant.segment(), ds.orthant.segment(), s.orthantLength()));
            a = Math.min(a, steps.orthant(z.orthant.segment(), dz.orthant.segment(), z.orthantLength()));
        }
        a = Math.min(a, steps.secondOrderCones(s.soc.segment(), ds.soc.segment(), groupDim + 1, cones));
        a = Math.min(a, steps.secondOrderCones(z.soc.segment(), dz.soc.segment(), groupDim + 1, cones));
        return a;
    }

    // ---------------------------------------------------------------------------------------
    // Operators G, Gᵀ, W, W⁻¹, H, H⁻¹ on the structured vectors.

    /** {@code out ← G x}: orthant rows −K u, SOC rows −(t, u). */
    private void applyG(PrimalVector v, ConeVector out) {
        applyGCombined(v, 1.0, null, 0.0, null, out);
    }

    /**
     * {@code out ← alpha·G v + beta·b}, the orthant part in one pass with the constraint rows and
     * multiplied by {@code orthantWeights} if given ({@code b} unused when beta = 0).
     */
    private void applyGCombined(PrimalVector v, double alpha, ConeVector b, double beta, Matrix orthantWeights, ConeVector out) {
        if (constrained) op.constraintRows(-alpha, v.u, beta == 0 ? null : b.orthant, beta, orthantWeights, out.orthant);
        MemorySegment so = out.soc.segment(), us = v.u.segment();
        int gd = groupDim;
        for (int q = 0; q < cones; q++) {
            so.setAtIndex(D, (long) q * (gd + 1), -alpha * v.t.get(q));
            for (int k = 0; k < gd; k++) so.setAtIndex(D, (long) q * (gd + 1) + 1 + k, -alpha * us.getAtIndex(D, (long) q * gd + k));
        }
        if (beta != 0) ew.axpby(beta, b.soc.segment(), 1.0, so, so, out.socLength());
    }

    /** {@code out ← out + Gᵀ w}: u-part −Kᵀ w_orth − w_soc[1:], t-part −w_soc[0]. */
    private void applyGtAdd(ConeVector w, PrimalVector out) {
        applyGtAdd(w.orthant, null, w.soc, out);
    }

    /** {@link #applyGtAdd(ConeVector, PrimalVector)} for the orthant part {@code weights∘orthant} (weights may be null). */
    private void applyGtAdd(Matrix orthant, Matrix weights, Matrix socPart, PrimalVector out) {
        if (constrained) op.constraintTranspose(-1.0, orthant, weights, 1.0, out.u);
        MemorySegment ws = socPart.segment(), us = out.u.segment();
        int gd = groupDim;
        for (int q = 0; q < cones; q++) {
            out.t.set(q, out.t.get(q) - ws.getAtIndex(D, (long) q * (gd + 1)));
            for (int k = 0; k < gd; k++) {
                long idx = (long) q * gd + k;
                us.setAtIndex(D, idx, us.getAtIndex(D, idx) - ws.getAtIndex(D, (long) q * (gd + 1) + 1 + k));
            }
        }
    }

    private void applyH(ConeVector v, ConeVector out) {
        if (constrained) ew.div(v.orthant.segment(), sigma.segment(), out.orthant.segment(), v.orthantLength());
        soc.applyW(v.soc, out.soc);
        soc.applyW(out.soc, out.soc);
    }

    // ---------------------------------------------------------------------------------------
    // Small helpers on off-heap vectors.

    private void unitCones(Matrix v) {
        v.fill(0.0);
        for (int j = 0; j < v.cols(); j++) v.set(0, j, 1.0);
    }

    private static void fillOrthant(Matrix m, double v) {
        m.fill(v);
    }

    private static void zero(ConeVector v) {
        if (v.orthant != null) v.orthant.fill(0.0);
        v.soc.fill(0.0);
    }

    private static void addConstant(Matrix v, double c) {
        for (int j = 0; j < v.rows(); j++) v.set(j, v.get(j) + c);
    }

    private static void addToAll(Matrix m, double c) {
        MemorySegment seg = m.segment();
        long len = (long) m.rows() * m.cols();
        for (long i = 0; i < len; i++) seg.setAtIndex(D, i, seg.getAtIndex(D, i) + c);
    }

    private double minEntry(Matrix m) {
        return ew.min(m.segment(), (long) m.rows() * m.cols());
    }

    private double maxAbs(Matrix m) {
        return ew.maxAbs(m.segment(), (long) m.rows() * m.cols());
    }
}
