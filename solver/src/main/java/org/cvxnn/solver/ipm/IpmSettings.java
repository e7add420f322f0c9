package org.cvxnn.solver.ipm;

import java.time.Duration;

/**
 * Settings of the interior-point method. Defaults follow Clarabel's (ipm.md §1.1, §5.1), so a
 * {@link SolveStatus#SOLVED} here means the same as there.
 *
 * @param tolGapAbs       absolute duality-gap tolerance (default 1e-8)
 * @param tolGapRel       relative duality-gap tolerance (default 1e-8)
 * @param tolFeas         primal and dual residual tolerance, relative (default 1e-8)
 * @param reducedTolGap   gap tolerance for {@link SolveStatus#ALMOST_SOLVED} (default 5e-5)
 * @param reducedTolFeas  residual tolerance for {@link SolveStatus#ALMOST_SOLVED} (default 1e-4)
 * @param maxIterations   iteration limit (default 200)
 * @param timeLimit       wall-clock limit, checked once per iteration (default: none)
 * @param threads         OpenBLAS threads for the large BLAS calls (default: all available processors)
 * @param verbose         print one progress line per iteration to {@code System.err} (default false)
 * @param maxStepFraction fraction of the distance to the cone boundary taken per step (default 0.99)
 * @param minStep         steps shorter than this end the solve with insufficient progress (default 1e-4)
 * @param staticReg       static primal regularisation added to every block (default 1e-8), plus
 *                        100·ε·max diag of the block (ipm.md §3.3)
 * @param refinementSteps maximum iterative-refinement steps per solve (default 10)
 * @param refinementTol   refinement stops when the relative unreduced residual is below this (default 1e-13)
 * @param workingSet      solve on a working set of masks, grown by pricing all masks with the dual
 *                        (ipm.md §4.2), when there are more than {@value #WORKING_SET_MIN_PATTERNS}
 *                        patterns (default false); the result and its certificate are those of
 *                        the whole problem either way. Pays off when few masks are active at the
 *                        optimum (β not far below β_max); costs one extra, smaller solve otherwise
 * @param mixedPrecision  accumulate the two-layer Schur complement in mixed precision (default true):
 *                        small per-mask terms in single precision (ssyrk, about twice the dsyrk
 *                        rate), negligible ones left out, and the Newton system solved to double
 *                        accuracy by conjugate gradients preconditioned with that factor
 *                        (ipm.md §3.3); false forms it exactly in double precision
 */
public record IpmSettings(
        double tolGapAbs,
        double tolGapRel,
        double tolFeas,
        double reducedTolGap,
        double reducedTolFeas,
        int maxIterations,
        Duration timeLimit,
        int threads,
        boolean verbose,
        double maxStepFraction,
        double minStep,
        double staticReg,
        int refinementSteps,
        double refinementTol,
        boolean workingSet,
        boolean mixedPrecision) {

    /** Problems with at most this many patterns are solved on all of them at once. */
    public static final int WORKING_SET_MIN_PATTERNS = 128;

    public IpmSettings {
        positive("tolGapAbs", tolGapAbs);
        positive("tolGapRel", tolGapRel);
        positive("tolFeas", tolFeas);
        positive("reducedTolGap", reducedTolGap);
        positive("reducedTolFeas", reducedTolFeas);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero()))
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (!(maxStepFraction > 0 && maxStepFraction < 1))
            throw new IllegalArgumentException("maxStepFraction must be in (0, 1), got " + maxStepFraction);
        positive("minStep", minStep);
        positive("staticReg", staticReg);
        if (refinementSteps < 0) throw new IllegalArgumentException("refinementSteps must be >= 0, got " + refinementSteps);
        positive("refinementTol", refinementTol);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a positive number, got " + v);
    }

    /** The defaults described above. */
    public static IpmSettings defaults() {
        return new IpmSettings(1e-8, 1e-8, 1e-8, 5e-5, 1e-4, 200, null,
                Runtime.getRuntime().availableProcessors(), false, 0.99, 1e-4, 1e-8, 10, 1e-13, false, true);
    }

    /** Same settings with both gap tolerances and the feasibility tolerance set to {@code tol}. */
    public IpmSettings withTolerance(double tol) {
        return new IpmSettings(tol, tol, tol, reducedTolGap, reducedTolFeas, maxIterations, timeLimit, threads, verbose,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, workingSet, mixedPrecision);
    }

    public IpmSettings withMaxIterations(int k) {
        return new IpmSettings(tolGapAbs, tolGapRel, tolFeas, reducedTolGap, reducedTolFeas, k, timeLimit, threads, verbose,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, workingSet, mixedPrecision);
    }

    public IpmSettings withTimeLimit(Duration limit) {
        return new IpmSettings(tolGapAbs, tolGapRel, tolFeas, reducedTolGap, reducedTolFeas, maxIterations, limit, threads, verbose,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, workingSet, mixedPrecision);
    }

    public IpmSettings withThreads(int t) {
        return new IpmSettings(tolGapAbs, tolGapRel, tolFeas, reducedTolGap, reducedTolFeas, maxIterations, timeLimit, t, verbose,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, workingSet, mixedPrecision);
    }

    public IpmSettings withVerbose(boolean v) {
        return new IpmSettings(tolGapAbs, tolGapRel, tolFeas, reducedTolGap, reducedTolFeas, maxIterations, timeLimit, threads, v,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, workingSet, mixedPrecision);
    }

    public IpmSettings withWorkingSet(boolean on) {
        return new IpmSettings(tolGapAbs, tolGapRel, tolFeas, reducedTolGap, reducedTolFeas, maxIterations, timeLimit, threads, verbose,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, on, mixedPrecision);
    }

    public IpmSettings withMixedPrecision(boolean on) {
        return new IpmSettings(tolGapAbs, tolGapRel, tolFeas, reducedTolGap, reducedTolFeas, maxIterations, timeLimit, threads, verbose,
                maxStepFraction, minStep, staticReg, refinementSteps, refinementTol, workingSet, on);
    }
}
