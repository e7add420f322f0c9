package org.cvxnn.solver.baseline;

import org.cvxnn.solver.data.Dataset;

/**
 * Trains one fixed non-convex architecture by local search.
 *
 * @param <N> the network type it produces
 */
@FunctionalInterface
public interface Trainer<N> {

    /**
     * Runs one seeded training run.
     *
     * @param data     the training data (append a bias column with {@link Dataset#withBias()} if wanted)
     * @param beta     regularisation strength, finite and {@code >= 0}
     * @param settings optimiser, step size, budget and seed
     * @throws IllegalArgumentException if {@code beta} is invalid or the batch size exceeds the sample count
     */
    TrainingResult<N> train(Dataset data, double beta, TrainingSettings settings);
}
