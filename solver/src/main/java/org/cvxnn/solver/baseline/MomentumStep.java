package org.cvxnn.solver.baseline;

/** Gradient step with heavy-ball momentum: {@code v ← μv + g, θ ← θ − ηv} (plain step when μ = 0). */
final class MomentumStep implements StepRule {
    private final double rate;
    private final double momentum;
    private final double[] velocity;

    MomentumStep(double rate, double momentum, int dimension) {
        this.rate = rate;
        this.momentum = momentum;
        this.velocity = momentum == 0 ? new double[0] : new double[dimension];
    }

    @Override
    public void apply(double[] params, double[] grad) {
        if (momentum == 0) {
            for (int i = 0; i < params.length; i++) params[i] -= rate * grad[i];
            return;
        }
        for (int i = 0; i < params.length; i++) {
            velocity[i] = momentum * velocity[i] + grad[i];
            params[i] -= rate * velocity[i];
        }
    }
}
