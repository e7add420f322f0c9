package org.cvxnn.solver.baseline;

import org.cvxnn.solver.data.Dataset;

/**
 * A training objective over a flat parameter vector, with the workspaces for batches of up to
 * {@link #batchCapacity()} rows allocated once: evaluating it never allocates.
 *
 * @param <N> the network type the parameters describe
 */
interface SmoothObjective<N> {

    /** The training data. */
    Dataset data();

    /** Largest batch {@link #valueAndGradient} accepts. */
    int batchCapacity();

    /** Number of parameters. */
    int dimension();

    /**
     * The minibatch estimate {@code (n/|B|)·loss_B + penalty} of the smooth training objective and
     * its gradient (written to {@code grad}). With {@code B} all rows it is the objective itself.
     */
    double valueAndGradient(double[] params, Batch batch, double[] grad);

    /** The exact objective this model reports (not a surrogate), over all samples. */
    double objective(double[] params);

    /** Maps parameters back onto the parametrisation's canonical form after a step (default: nothing to do). */
    default void retract(double[] params) {}

    /** The network described by {@code params} (a copy). */
    N network(double[] params);

    /** The exact objective of {@code network}, evaluated by the network record. */
    double reportedObjective(N network);
}
