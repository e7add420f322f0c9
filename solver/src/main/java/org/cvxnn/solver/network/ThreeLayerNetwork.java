package org.cvxnn.solver.network;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.data.Dataset;

import java.util.Objects;

/**
 * A parallel three-layer ReLU network with its regulariser: its objective is the weight-decay
 * objective (formulations (3.1)) for {@link ThreeLayerPenalty#WEIGHT_DECAY} and the path objective
 * {@code ½‖f(X) − y‖² + β Σ_k pathNorm(k)} (4.1) for {@link ThreeLayerPenalty#PATH};
 * {@link #m()} is the number of sub-networks.
 *
 * @param network the weights
 * @param penalty the regulariser of {@link #objective}
 */
public record ThreeLayerNetwork(ParallelThreeLayerNetwork network, ThreeLayerPenalty penalty) implements Network {

    public ThreeLayerNetwork {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(penalty, "penalty");
    }

    @Override
    public int d() {
        return network.d();
    }

    /** Number of sub-networks K. */
    @Override
    public int m() {
        return network.subnetworks();
    }

    /** First-layer neurons per sub-network. */
    public int m1() {
        return network.width();
    }

    @Override
    public double[] predict(Dataset data) {
        return network.predict(data);
    }

    /** The weight-decay objective (3.1) or the path objective (4.1), by {@link #penalty()}. */
    @Override
    public double objective(Dataset data, double beta) {
        return switch (penalty) {
            case WEIGHT_DECAY -> network.objective(data, beta);
            case PATH -> network.pathObjective(data, beta);
        };
    }
}
