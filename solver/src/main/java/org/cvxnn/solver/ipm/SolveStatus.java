package org.cvxnn.solver.ipm;

/** How a solve ended (Clarabel's statuses for a problem that is always feasible and bounded). */
public enum SolveStatus {
    /** All tolerances met. */
    SOLVED,
    /** Stopped early (limit or stall) but within the reduced tolerances. */
    ALMOST_SOLVED,
    /** The iteration limit was reached first. */
    MAX_ITERATIONS,
    /** The time limit was reached first. */
    TIME_LIMIT,
    /** Steps became too short or residuals grew: no further progress possible. */
    INSUFFICIENT_PROGRESS,
    /** A factorisation failed beyond repair. */
    NUMERICAL_ERROR;

    /** Whether the returned point is an optimum to the requested or the reduced tolerances. */
    public boolean isOptimal() {
        return this == SOLVED || this == ALMOST_SOLVED;
    }
}
