package org.cvxnn.solver.baseline;

/** Adam with the customary constants β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and bias correction. */
final class AdamStep implements StepRule {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double rate;
    private final double[] first;
    private final double[] second;
    private double beta1Power = 1;
    private double beta2Power = 1;

    AdamStep(double rate, int dimension) {
        this.rate = rate;
        this.first = new double[dimension];
        this.second = new double[dimension];
    }

    @Override
    public void apply(double[] params, double[] grad) {
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double stepSize = rate / (1 - beta1Power);
        double secondCorrection = 1 / (1 - beta2Power);
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            first[i] = BETA1 * first[i] + (1 - BETA1) * g;
            second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
            params[i] -= stepSize * first[i] / (Math.sqrt(second[i] * secondCorrection) + EPSILON);
        }
    }
}
