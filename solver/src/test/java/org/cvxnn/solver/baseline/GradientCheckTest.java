package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;

/** Analytic gradients of the three training objectives against central differences, away from ReLU kinks. */
class GradientCheckTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;
    /** Every pre-activation of a test point is at least this far from 0, far beyond what a step of 1e-6 moves it. */
    private static final double KINK_MARGIN = 1e-3;
    private static final double BETA = 0.3;

    private final Dataset data = Problems.gaussian(13, 4, 7);

    @Test
    void twoLayerGradientMatchesFiniteDifferences() {
        TwoLayerObjective objective = new TwoLayerObjective(data, 5, BETA, data.n());
        SplittableRandom random = new SplittableRandom(1);
        for (int point = 0; point < 5; point++) {
            double[] p = kinkFree(() -> TwoLayerObjective.initialParameters(4, 5, random),
                    q -> twoLayerKinkDistance(objective.network(q)));
            assertGradient(objective, p);
        }
    }

    @Test
    void weightDecayGradientMatchesFiniteDifferences() {
        ParallelShape shape = new ParallelShape(4, 3, 2);
        WeightDecayObjective objective = new WeightDecayObjective(data, shape, BETA, data.n());
        SplittableRandom random = new SplittableRandom(2);
        for (int point = 0; point < 5; point++) {
            double[] p = kinkFree(() -> randomPoint(shape, random), q -> threeLayerKinkDistance(objective.network(q)));
            assertGradient(objective, p);
        }
    }

    @Test
    void pathSurrogateGradientMatchesFiniteDifferences() {
        ParallelShape shape = new ParallelShape(4, 3, 2);
        PathSurrogateObjective objective = new PathSurrogateObjective(data, shape, BETA, data.n());
        SplittableRandom random = new SplittableRandom(3);
        for (int point = 0; point < 5; point++) {
            double[] p = kinkFree(() -> randomPoint(shape, random), q -> threeLayerKinkDistance(objective.network(q)));
            assertGradient(objective, p);
        }
    }

    @Test
    void fullBatchValuesEqualTheRecordsObjectives() {
        double[] g2 = new double[4 * 5 + 5];
        TwoLayerObjective two = new TwoLayerObjective(data, 5, BETA, data.n());
        double[] p2 = TwoLayerObjective.initialParameters(4, 5, new SplittableRandom(4));
        Batch all = new Batch(data, data.n());
        double expected = two.network(p2).objective(data, BETA);
        assertEquals(expected, two.valueAndGradient(p2, all, g2), 1e-12 * expected);
        assertEquals(expected, two.objective(p2), 1e-12 * expected);

        ParallelShape shape = new ParallelShape(4, 3, 2);
        double[] p3 = randomPoint(shape, new SplittableRandom(5));
        double[] g3 = new double[shape.dimension()];
        WeightDecayObjective decay = new WeightDecayObjective(data, shape, BETA, data.n());
        double decayValue = decay.network(p3).objective(data, BETA);
        assertEquals(decayValue, decay.valueAndGradient(p3, all, g3), 1e-12 * decayValue);
        assertEquals(decayValue, decay.objective(p3), 1e-12 * decayValue);

        PathSurrogateObjective path = new PathSurrogateObjective(data, shape, BETA, data.n());
        double pathValue = path.network(p3).pathObjective(data, BETA);
        assertEquals(pathValue, path.objective(p3), 1e-12 * pathValue);
        assertTrue(path.valueAndGradient(p3, all, g3) >= pathValue, "the surrogate bounds the path objective from above (AM-GM)");
    }

    @Test
    void minibatchEstimateIsTheScaledSubsetObjective() {
        int[] rows = {3, 11, 0, 7, 5};
        double b = rows.length, n = data.n();
        Batch batch = new Batch(data, rows.length);
        batch.select(rows, 0, rows.length);
        double[] p = TwoLayerObjective.initialParameters(4, 5, new SplittableRandom(6));
        double[] g = new double[p.length];
        double value = new TwoLayerObjective(data, 5, BETA, rows.length).valueAndGradient(p, batch, g);
        // (n/b)·[½‖f_B − y_B‖² + (βb/n)/2 ‖θ‖²] is the estimate: the subset problem with β scaled by b/n.
        Dataset subset = data.subset(rows);
        TwoLayerObjective onSubset = new TwoLayerObjective(subset, 5, BETA * b / n, subset.n());
        double[] gs = new double[p.length];
        double subsetValue = onSubset.valueAndGradient(p, new Batch(subset, subset.n()), gs);
        assertEquals(n / b * subsetValue, value, 1e-12 * value);
        for (int i = 0; i < g.length; i++) assertEquals(n / b * gs[i], g[i], 1e-12 * (1 + Math.abs(g[i])));
    }

    @Test
    void minibatchGradientsAverageToTheFullGradientOverAnEpoch() {
        Dataset even = Problems.gaussian(12, 3, 8);
        ParallelShape shape = new ParallelShape(3, 2, 3);
        double[] p3 = randomPoint(shape, new SplittableRandom(9));
        double[] p2 = TwoLayerObjective.initialParameters(3, 4, new SplittableRandom(10));
        assertEpochAverage(new TwoLayerObjective(even, 4, BETA, 4), new TwoLayerObjective(even, 4, BETA, 12), p2);
        assertEpochAverage(new WeightDecayObjective(even, shape, BETA, 4), new WeightDecayObjective(even, shape, BETA, 12), p3);
        assertEpochAverage(new PathSurrogateObjective(even, shape, BETA, 4), new PathSurrogateObjective(even, shape, BETA, 12), p3);
    }

    /** With the batch size dividing n, the mean of one epoch's minibatch gradients is exactly the full gradient. */
    private static void assertEpochAverage(SmoothObjective<?> minibatch, SmoothObjective<?> full, double[] p) {
        Minibatches batches = new Minibatches(minibatch.data(), minibatch.batchCapacity(), new SplittableRandom(11));
        batches.shuffle();
        double[] mean = new double[p.length], g = new double[p.length];
        for (int b = 0; b < batches.count(); b++) {
            minibatch.valueAndGradient(p, batches.load(b), g);
            for (int i = 0; i < p.length; i++) mean[i] += g[i] / batches.count();
        }
        double[] expected = new double[p.length];
        full.valueAndGradient(p, new Batch(full.data(), full.data().n()), expected);
        assertTrue(Problems.relativeError(mean, expected) < 1e-12, "epoch mean of minibatch gradients differs from the full gradient");
    }

    private static void assertGradient(SmoothObjective<?> objective, double[] p) {
        double[] analytic = new double[p.length];
        objective.valueAndGradient(p, new Batch(objective.data(), objective.data().n()), analytic);
        double[] numeric = Problems.finiteDifferenceGradient(objective, p, STEP);
        double error = Problems.relativeError(analytic, numeric);
        assertTrue(error < TOLERANCE, "relative gradient error " + error);
    }

    /** Every coordinate N(0,1), then scaled so the first-layer blocks are not unit norm (tests the full chain rule). */
    private static double[] randomPoint(ParallelShape shape, SplittableRandom random) {
        double[] p = new double[shape.dimension()];
        for (int i = 0; i < p.length; i++) p[i] = random.nextGaussian();
        for (int i = 0; i < shape.w2Offset(); i++) p[i] *= 1.7;
        return p;
    }

    private static double[] kinkFree(Supplier<double[]> draw, ToDoubleFunction<double[]> distance) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double[] p = draw.get();
            if (distance.applyAsDouble(p) > KINK_MARGIN) return p;
        }
        throw new AssertionError("no kink-free point found");
    }

    private double twoLayerKinkDistance(TwoLayerNetwork net) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < net.m(); j++) {
            for (int i = 0; i < data.n(); i++) {
                double z = 0;
                for (int k = 0; k < net.d(); k++) z += data.get(i, k) * net.w1()[j * net.d() + k];
                min = Math.min(min, Math.abs(z));
            }
        }
        return min;
    }

    private double threeLayerKinkDistance(ParallelThreeLayerNetwork net) {
        double min = Double.POSITIVE_INFINITY;
        int d = net.d(), m1 = net.width();
        for (int k = 0; k < net.subnetworks(); k++) {
            for (int i = 0; i < data.n(); i++) {
                double z2 = 0;
                boolean active = false;
                for (int j = 0; j < m1; j++) {
                    double z1 = 0;
                    for (int l = 0; l < d; l++) z1 += data.get(i, l) * net.w1()[(k * m1 + j) * d + l];
                    min = Math.min(min, Math.abs(z1));
                    active |= z1 > 0;
                    z2 += Math.max(z1, 0) * net.w2()[k * m1 + j];
                }
                // With every first-layer unit off (by the margin) z2 is identically 0 nearby: no kink.
                if (active) min = Math.min(min, Math.abs(z2));
            }
        }
        return min;
    }
}
