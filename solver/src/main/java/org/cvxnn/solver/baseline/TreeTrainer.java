package org.cvxnn.solver.baseline;

import java.util.Objects;

import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TreeNetwork;

/**
 * Trains a parallel depth-L network of {@code K} path-regularised tree sub-networks
 * ({@link TreeNetwork}, formulations §4.3) by gradient descent, SGD or Adam on the smooth AM–GM
 * surrogate of the path objective ({@link TreeSurrogateObjective}); the reported objective is the
 * true path objective. Initialisation from the settings' seed (He, see
 * {@link TreeSurrogateObjective#initialParameters}); the batch order from a stream split off it.
 */
public final class TreeTrainer implements Trainer<TreeNetwork> {
    private final int subnetworks;
    private final TreeShape shape;

    /**
     * @param subnetworks number of sub-networks {@code K}, at least 1
     * @param shape       the tree of every sub-network
     */
    public TreeTrainer(int subnetworks, TreeShape shape) {
        if (subnetworks < 1) throw new IllegalArgumentException("number of sub-networks K must be >= 1, got " + subnetworks);
        this.subnetworks = subnetworks;
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    @Override
    public TrainingResult<TreeNetwork> train(Dataset data, double beta, TrainingSettings settings) {
        return TrainingLoop.train(data, beta, settings, batch -> new TreeSurrogateObjective(data, shape, subnetworks, beta, batch),
                random -> TreeSurrogateObjective.initialParameters(data, shape, subnetworks, random));
    }
}
