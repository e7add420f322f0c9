package org.cvxnn.solver.network;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.data.Dataset;

import java.util.Objects;

/**
 * A parallel three-layer ReLU network trained with path regularisation (formulations §4.1): its
 * objective is the path objective {@code ½‖f(X) − y‖² + β Σ_k pathNorm(k)} and {@link #m()} is the
 * number of sub-networks.
 *
 * @param network the weights
 */
public record PathNetwork(ParallelThreeLayerNetwork network) implements Network {

    public PathNetwork {
        Objects.requireNonNull(network, "network");
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

    /** The path objective (4.1). */
    @Override
    public double objective(Dataset data, double beta) {
        return network.pathObjective(data, beta);
    }
}
