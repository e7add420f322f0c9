package org.cvxnn.solver.baseline;

/** One optimiser update of a flat parameter vector from a (minibatch) gradient; holds its own state. */
sealed interface StepRule permits MomentumStep, AdamStep {

    /** Updates {@code params} in place from {@code grad} (which it may not modify). */
    void apply(double[] params, double[] grad);

    /** The rule for {@code settings}, with state for {@code dimension} parameters. */
    static StepRule of(TrainingSettings settings, int dimension) {
        return switch (settings.optimizer()) {
            case GRADIENT_DESCENT, SGD -> new MomentumStep(settings.learningRate(), settings.momentum(), dimension);
            case ADAM -> new AdamStep(settings.learningRate(), dimension);
        };
    }
}
