package org.cvxnn.solver.baseline;

/** The regulariser of a parallel three-layer network. */
public enum ThreeLayerPenalty {
    /**
     * Weight decay on the last two layers with {@code ‖W1k‖_F ≤ 1} (formulations (3.1)), trained
     * under the normalised parametrisation {@code W1k = Vk/‖Vk‖_F}.
     */
    WEIGHT_DECAY,
    /**
     * The path norm (formulations (4.1)), trained through the smooth surrogate
     * {@code (β/2)(w3k² + Σ_j ‖w1kj‖² w2kj²)} of §4.2; the true path-norm objective is reported.
     */
    PATH
}
