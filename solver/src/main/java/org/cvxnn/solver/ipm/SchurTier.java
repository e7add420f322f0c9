package org.cvxnn.solver.ipm;

/**
 * The precision in which one mask's term {@code A_i C_i A_iᵀ} enters the Schur complement
 * (mixed-precision accumulation, {@link SchurKktSolver}): large terms exactly, small ones rounded
 * to single precision, negligible ones left out. The solver then solves with the exact Schur
 * complement by preconditioned conjugate gradients, the factor of the approximation being the
 * preconditioner.
 */
enum SchurTier {
    /** Accumulated in double precision (dsyrk). */
    DOUBLE,
    /** Formed in double, rounded to single precision and accumulated by ssyrk. */
    SINGLE,
    /** Left out of the factored matrix; only the conjugate-gradient products see it. */
    OMITTED
}
