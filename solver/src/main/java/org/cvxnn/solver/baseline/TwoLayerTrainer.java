package org.cvxnn.solver.baseline;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * Trains a two-layer ReLU network of fixed width on objective (1.1),
 * {@code ½‖Σ_j (X u_j)₊ α_j − y‖² + (β/2) Σ_j (‖u_j‖² + α_j²)}, by gradient descent, SGD or Adam.
 *
 * <p>Initialisation (from the settings' seed): He, {@code u_j ~ N(0, (2/d)·I)}; {@code α_j ~ N(0, 1/m)}.
 * The batch order is drawn from a stream split off the same seed, so a run is a function of its
 * settings (unless the time limit stops it).
 */
public final class TwoLayerTrainer implements Trainer<TwoLayerNetwork> {
    private final int width;

    /** @param width number of hidden neurons {@code m}, at least 1 */
    public TwoLayerTrainer(int width) {
        if (width < 1) throw new IllegalArgumentException("network width m must be >= 1, got " + width);
        this.width = width;
    }

    /** Number of hidden neurons {@code m}. */
    public int width() {
        return width;
    }

    @Override
    public TrainingResult<TwoLayerNetwork> train(Dataset data, double beta, TrainingSettings settings) {
        return TrainingLoop.train(data, beta, settings, batch -> new TwoLayerObjective(data, width, beta, batch),
                random -> TwoLayerObjective.initialParameters(data.d(), width, random));
    }
}
