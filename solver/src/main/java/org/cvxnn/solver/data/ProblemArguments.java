package org.cvxnn.solver.data;

/** The argument checks every training problem and solver entry point shares, with one wording. */
public final class ProblemArguments {
    private ProblemArguments() {}

    /** @throws IllegalArgumentException unless {@code beta} is a finite number &gt; 0 */
    public static void requirePositiveBeta(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) throw new IllegalArgumentException("beta must be a positive number, got " + beta);
    }

    /** @throws IllegalArgumentException if {@code data} has fewer than 2 samples */
    public static void requireSamples(Dataset data) {
        if (data.n() < 2) throw new IllegalArgumentException("need at least 2 samples, got " + data.n());
    }
}
