package org.cvxnn.solver.baseline;

import java.util.Objects;

import org.cvxnn.solver.data.Dataset;

/**
 * Trains a parallel three-layer ReLU network with {@code K} sub-networks of {@code m1} first-layer
 * neurons on (3.1) or (4.1), by gradient descent, SGD or Adam.
 *
 * <p>Initialisation (from the settings' seed): for {@link ThreeLayerPenalty#WEIGHT_DECAY} each
 * {@code W1k} uniform on the unit Frobenius sphere; for {@link ThreeLayerPenalty#PATH}
 * {@code W1 ~ N(0, 2/d)} (He); in both {@code w2 ~ N(0, 2/m1)} and {@code w3 ~ N(0, 1/K)}. The batch
 * order is drawn from a stream split off the same seed.
 */
public final class ThreeLayerTrainer implements Trainer<ParallelThreeLayerNetwork> {
    private final int subnetworks;
    private final int width;
    private final ThreeLayerPenalty penalty;

    /**
     * @param subnetworks number of sub-networks {@code K}, at least 1
     * @param width       first-layer neurons per sub-network {@code m1}, at least 1
     * @param penalty     the regulariser, i.e. which objective is trained
     */
    public ThreeLayerTrainer(int subnetworks, int width, ThreeLayerPenalty penalty) {
        if (subnetworks < 1) throw new IllegalArgumentException("number of sub-networks K must be >= 1, got " + subnetworks);
        if (width < 1) throw new IllegalArgumentException("sub-network width m1 must be >= 1, got " + width);
        this.subnetworks = subnetworks;
        this.width = width;
        this.penalty = Objects.requireNonNull(penalty, "penalty");
    }

    @Override
    public TrainingResult<ParallelThreeLayerNetwork> train(Dataset data, double beta, TrainingSettings settings) {
        return switch (penalty) {
            case WEIGHT_DECAY -> TrainingLoop.train(data, beta, settings,
                    batch -> new WeightDecayObjective(data, shape(data), beta, batch),
                    random -> WeightDecayObjective.initialParameters(shape(data), random));
            case PATH -> TrainingLoop.train(data, beta, settings,
                    batch -> new PathSurrogateObjective(data, shape(data), beta, batch),
                    random -> PathSurrogateObjective.initialParameters(shape(data), random));
        };
    }

    private ParallelShape shape(Dataset data) {
        return new ParallelShape(data.d(), subnetworks, width);
    }
}
