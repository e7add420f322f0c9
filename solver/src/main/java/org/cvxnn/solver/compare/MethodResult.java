package org.cvxnn.solver.compare;

import java.util.Objects;

import org.cvxnn.solver.TrainedModel;

/**
 * One row of a comparison: a training method and how well its network does.
 *
 * @param method         {@code "convex"} or the baseline optimiser's name ({@code "sgd"},
 *                       {@code "adam"}, {@code "gd"})
 * @param trainObjective the non-convex objective of the network on the training data, the same
 *                       formula for every method: {@code ½‖f(X) − y‖² + (β/2)Σ(‖u_j‖² + α_j²)} for
 *                       two layers, the path objective (4.1) for path3
 * @param test           test-set mean squared error and classification error
 * @param seconds        wall-clock seconds the method took: for the convex method patterns, solve,
 *                       certificate and recovery; for a baseline the whole search (every restart
 *                       and learning rate), since that is what finding its best network cost
 * @param neurons        hidden neurons of the network (for path3: sub-networks K)
 * @param runs           training runs behind the row: 1 for the convex method, restarts × grid
 *                       size for a baseline
 * @param model          the network (the best run's, for a baseline)
 */
public record MethodResult(String method, double trainObjective, TestMetrics test, double seconds, int neurons, int runs,
                           TrainedModel model) {

    public MethodResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(model, "model");
    }
}
