package org.cvxnn.solver.lp;

/**
 * Settings of {@link SimplexSolver}. Tolerances are absolute, so the problem should be scaled with
 * entries of order one (the callers in this project use unit rows).
 *
 * @param feasibilityTol   bound violation accepted on basic variables, and the phase-1 infeasibility
 *                         that still counts as feasible (scaled by {@code max(1, ‖b‖∞)}) (default 1e-9)
 * @param optimalityTol    a reduced cost must exceed this (times {@code 1 + |c_j|}) to enter (default 1e-9)
 * @param pivotTol         smallest pivot element accepted in the ratio test (default 1e-9)
 * @param maxIterations    limit on pivots and bound flips over both phases (default 100 000)
 * @param refactorInterval pivots between two re-inversions of the basis from scratch (default 50)
 */
public record LpSettings(double feasibilityTol, double optimalityTol, double pivotTol,
                         int maxIterations, int refactorInterval) {

    public LpSettings {
        positive("feasibilityTol", feasibilityTol);
        positive("optimalityTol", optimalityTol);
        positive("pivotTol", pivotTol);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (refactorInterval < 1)
            throw new IllegalArgumentException("refactorInterval must be >= 1, got " + refactorInterval);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v))
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
    }

    /** The defaults described above. */
    public static LpSettings defaults() {
        return new LpSettings(1e-9, 1e-9, 1e-9, 100_000, 50);
    }
}
