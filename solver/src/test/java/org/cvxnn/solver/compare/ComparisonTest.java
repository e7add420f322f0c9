package org.cvxnn.solver.compare;

import java.util.List;
import java.util.SplittableRandom;

import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    /** {0,1} labels of a noisy XOR-like rule in 2-D: no linear model fits, a few ReLUs do. */
    static Dataset binary(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            y[i] = (rows[i][0] * rows[i][1] > 0) == (r.nextDouble() < 0.9) ? 1 : 0;
        }
        return Dataset.ofRows(rows, y);
    }

    private static ComparisonSettings tiny(double beta) {
        SearchSettings search = new SearchSettings(TrainingSettings.defaults().withEpochs(300).withBatchSize(4), 2,
                List.of(1.0, 0.1));
        return ComparisonSettings.defaults(beta).withBias(true).withPatterns(PatternSource.exact()).withSearch(search)
                .withOptimizers(List.of(Optimizer.GRADIENT_DESCENT, Optimizer.SGD, Optimizer.ADAM));
    }

    @Test
    void exactConvexSolutionIsNoWorseThanAnyBaselineAndBoundsThemAll() {
        TrainTestSplit split = TrainTestSplit.random(binary(14, 1), 0.3, 2);
        ComparisonReport report = Comparison.run(split, tiny(0.05));
        ConvexCertificate c = report.certificate();
        assertTrue(c.globalOptimum());
        assertTrue(c.status().isOptimal(), c.status().toString());
        double convex = report.convex().trainObjective();
        for (MethodResult b : report.baselines()) {
            assertTrue(convex <= b.trainObjective() + 1e-6 * Math.max(1, convex),
                    b.method() + " reached " + b.trainObjective() + " below the global optimum " + convex);
            // With every pattern, the dual bound is a lower bound for networks of any width.
            assertTrue(c.dualBound() <= b.trainObjective(), b.method() + " below the certified bound");
        }
        assertTrue(c.dualBound() <= convex && c.gap() >= -1e-12);
        assertEquals(c.gapRel(), c.gap() / Math.max(1, Math.abs(c.objective())), 1e-12);
    }

    @Test
    void reportFieldsAgreeWithIndependentEvaluation() {
        TrainTestSplit split = TrainTestSplit.random(binary(16, 3), 0.25, 4);
        ComparisonSettings settings = tiny(0.1);
        ComparisonReport report = Comparison.run(split, settings);
        assertEquals(List.of("convex", "gd", "sgd", "adam"), report.methods().stream().map(MethodResult::method).toList());
        assertEquals(split.train().n(), report.trainSize());
        assertEquals(split.test().n(), report.testSize());
        assertEquals(0.1, report.beta());
        int convexNeurons = report.convex().neurons();
        assertTrue(convexNeurons >= 1);
        assertEquals(1, report.convex().runs());
        for (MethodResult m : report.methods()) {
            assertEquals(m.model().network().m(), m.neurons());
            assertEquals(m.model().objective(split.train(), 0.1), m.trainObjective(), 1e-9 * Math.max(1, m.trainObjective()), m.method());
            assertTrue(m.seconds() > 0);
            double[] yhat = m.model().predict(split.test());
            double sq = 0;
            int wrong = 0;
            for (int i = 0; i < yhat.length; i++) {
                sq += (yhat[i] - split.test().y()[i]) * (yhat[i] - split.test().y()[i]);
                if ((yhat[i] > 0.5 ? 1 : 0) != split.test().y()[i]) wrong++;
            }
            assertEquals(sq / yhat.length, m.test().mse(), 1e-12, m.method());
            assertEquals((double) wrong / yhat.length, m.test().classificationError(), 0.0, m.method());
        }
        for (MethodResult b : report.baselines()) {
            assertEquals(convexNeurons, b.neurons(), "baselines get the convex network's width");
            assertEquals(settings.search().runs(), b.runs());
        }
    }

    @Test
    void givenWidthOverridesTheConvexWidth() {
        TrainTestSplit split = TrainTestSplit.random(binary(12, 5), 0.25, 6);
        ComparisonReport report = Comparison.run(split, tiny(0.1).withWidth(7).withOptimizers(List.of(Optimizer.ADAM))
                .withPatterns(PatternSource.sampled(20, 1)));
        assertEquals(7, report.baselines().getFirst().neurons());
        assertTrue(!report.certificate().globalOptimum());
    }

    @Test
    void trainingSettingsAreMadeValidPerOptimizer() {
        TrainingSettings base = TrainingSettings.defaults().withOptimizer(Optimizer.SGD).withBatchSize(50).withMomentum(0.9);
        TrainingSettings gd = Comparison.trainingFor(Optimizer.GRADIENT_DESCENT, base, 100);
        assertEquals(TrainingSettings.FULL_BATCH, gd.batchSize());
        assertEquals(0.9, gd.momentum());
        TrainingSettings adam = Comparison.trainingFor(Optimizer.ADAM, base, 100);
        assertEquals(0.0, adam.momentum());
        assertEquals(50, adam.batchSize());
        assertEquals(TrainingSettings.FULL_BATCH, Comparison.trainingFor(Optimizer.SGD, base, 20).batchSize());
    }

    @Test
    void settingsRejectBadValues() {
        ComparisonSettings s = ComparisonSettings.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> s.withBeta(0));
        assertThrows(IllegalArgumentException.class, () -> s.withBeta(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.withWidth(-1));
        assertThrows(IllegalArgumentException.class, () -> s.withOptimizers(List.of()));
        assertThrows(IllegalArgumentException.class, () -> s.withOptimizers(List.of(Optimizer.SGD, Optimizer.SGD)));
    }

    @Test
    void betaMaxIsWhereTheZeroNetworkBecomesOptimal() {
        TrainTestSplit split = TrainTestSplit.random(binary(12, 7), 0.25, 1);
        double trainMax = Comparison.betaMax(split.train(), true, PatternSource.exact());
        double zeroNetwork = 0;
        for (double y : split.train().y()) zeroNetwork += 0.5 * y * y;
        ComparisonSettings s = tiny(1).withOptimizers(List.of(Optimizer.ADAM));
        double above = Comparison.run(split, s.withBeta(1.01 * trainMax)).convex().trainObjective();
        double below = Comparison.run(split, s.withBeta(0.9 * trainMax)).convex().trainObjective();
        assertEquals(zeroNetwork, above, 1e-6 * zeroNetwork);
        assertTrue(below < zeroNetwork * (1 - 1e-6), below + " vs " + zeroNetwork);
    }
}
