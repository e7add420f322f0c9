package org.cvxnn.solver.baseline;

/**
 * The outcome of one training run.
 *
 * @param network   the trained network (see {@link TrainingStatus} for which iterate)
 * @param objective the exact objective of {@code network}, evaluated by the network record itself
 *                  (e.g. {@code TwoLayerNetwork.objective}), never the training surrogate
 * @param status    why the run stopped
 * @param epochs    epochs run before stopping (fractional when stopped part-way through an epoch)
 * @param seconds   wall-clock seconds of the whole run, initialisation and final evaluation included
 * @param trace     the objective during training
 * @param settings  the settings of this run (learning rate, seed, ...)
 * @param <N>       the network type
 */
public record TrainingResult<N>(N network, double objective, TrainingStatus status, double epochs, double seconds,
                                ObjectiveTrace trace, TrainingSettings settings) {
}
