package org.cvxnn.solver;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.Network;

import java.util.Objects;

/**
 * A network together with how it reads raw features: whether a constant bias column is appended
 * to the data before the network sees them.
 *
 * @param kind    the model family
 * @param bias    whether a column of ones is appended to the features
 * @param network the network, whose input dimension is the feature count plus one when {@code bias}
 */
public record TrainedModel(ModelKind kind, boolean bias, Network network) {

    public TrainedModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(network, "network");
        if (bias && network.d() < 2)
            throw new IllegalArgumentException("a model with a bias column needs at least one feature besides it");
    }

    /** Number of raw features the model expects. */
    public int features() {
        return bias ? network.d() - 1 : network.d();
    }

    /** The data as the network sees them: {@code features} with the bias column appended if the model has one. */
    public Dataset design(Dataset features) {
        if (features.d() != features())
            throw new IllegalArgumentException("the model expects " + features() + " features, the data have " + features.d());
        return bias ? features.withBias() : features;
    }

    /** Predictions for every row of {@code features}. */
    public double[] predict(Dataset features) {
        return network.predict(design(features));
    }

    /** The regularised non-convex training objective on {@code features} (formulations §0). */
    public double objective(Dataset features, double beta) {
        return network.objective(design(features), beta);
    }
}
