package org.cvxnn.solver.baseline;

/** The first-order method a baseline trainer runs. */
public enum Optimizer {
    /** Full-batch gradient descent (with heavy-ball momentum when the momentum setting is positive); one step per epoch. */
    GRADIENT_DESCENT,
    /** Minibatch stochastic gradient descent, with optional heavy-ball momentum. */
    SGD,
    /** Adam (Kingma &amp; Ba) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and bias correction, on minibatches or the full batch. */
    ADAM
}
