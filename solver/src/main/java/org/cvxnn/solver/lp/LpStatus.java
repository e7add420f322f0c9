package org.cvxnn.solver.lp;

/** How a simplex solve ended. */
public enum LpStatus {
    /** An optimal basic solution was found; primal and dual values are valid. */
    OPTIMAL,
    /** Phase 1 ended with a positive infeasibility: no {@code x} satisfies the constraints. */
    INFEASIBLE,
    /** The objective decreases without bound along a feasible ray. */
    UNBOUNDED,
    /** {@link LpSettings#maxIterations()} was reached first. */
    ITERATION_LIMIT,
    /** A basis matrix became numerically singular at refactorisation. */
    NUMERICAL_ERROR
}
