package org.cvxnn.solver.compare;

import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;

/**
 * Test-set quality of a regression model used as a classifier.
 *
 * <p>The mean squared error is {@code (1/n) Σ (ŷ_i − y_i)²}. The classification error needs
 * class labels: when every training target is an integer and there are at most
 * {@value #MAX_CLASSES} distinct values, those values are the classes, and a prediction is assigned
 * to the nearest class value (ties to the smaller). For labels {0, 1} or ±1 this is the threshold
 * at the midpoint (0.5, resp. 0); for class indices 0..c−1 it is rounding, clipped to the range.
 * The error is the share of test samples whose assigned class differs from their target.
 * Otherwise (real-valued targets) there are no classes and the error is NaN.
 *
 * @param mse                 mean squared error on the test samples
 * @param classificationError share of misclassified test samples in [0, 1], or NaN when the
 *                            targets are not class labels
 */
public record TestMetrics(double mse, double classificationError) {

    /** Largest number of distinct integer targets still read as class labels. */
    public static final int MAX_CLASSES = 50;

    /**
     * Scores {@code predictions} against the targets of {@code test}, with the classes taken from
     * the targets of {@code train}.
     */
    public static TestMetrics of(double[] predictions, Dataset test, Dataset train) {
        if (predictions.length != test.n())
            throw new IllegalArgumentException(predictions.length + " predictions for " + test.n() + " test samples");
        double sum = 0;
        for (int i = 0; i < test.n(); i++) {
            double r = predictions[i] - test.y()[i];
            sum += r * r;
        }
        double[] classes = classes(train.y());
        return new TestMetrics(sum / test.n(), classes == null ? Double.NaN : errorRate(predictions, test.y(), classes));
    }

    /** The sorted distinct targets when they are class labels as described above, else {@code null}. */
    static double[] classes(double[] targets) {
        double[] distinct = Arrays.stream(targets).distinct().sorted().toArray();
        if (distinct.length > MAX_CLASSES) return null;
        for (double v : distinct) if (v != Math.rint(v)) return null;
        return distinct;
    }

    /** The class value nearest to {@code prediction}; ties go to the smaller one. */
    static double nearest(double prediction, double[] classes) {
        double best = classes[0];
        for (double c : classes) if (Math.abs(prediction - c) < Math.abs(prediction - best)) best = c;
        return best;
    }

    private static double errorRate(double[] predictions, double[] targets, double[] classes) {
        int wrong = 0;
        for (int i = 0; i < targets.length; i++) if (nearest(predictions[i], classes) != targets[i]) wrong++;
        return (double) wrong / targets.length;
    }
}
