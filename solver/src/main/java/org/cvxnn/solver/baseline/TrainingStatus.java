package org.cvxnn.solver.baseline;

/** Why a training run stopped. */
public enum TrainingStatus {
    /** All requested epochs ran. */
    COMPLETED,
    /** The time limit was reached first; the network is the last iterate. */
    TIME_LIMIT,
    /**
     * The objective became NaN or infinite (step size too large); the network is the last iterate at
     * which the objective was finite, i.e. the last trace point.
     */
    DIVERGED
}
