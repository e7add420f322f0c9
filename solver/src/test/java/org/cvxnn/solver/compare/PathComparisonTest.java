package org.cvxnn.solver.compare;

import java.util.List;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons of the path-regularised three-layer model (formulations §4) on tiny data. */
class PathComparisonTest {

    /** Without a bias column (d = 2) the exact combos of 7 training samples number a few hundred. */
    private static ComparisonSettings tiny(double beta) {
        SearchSettings search = new SearchSettings(TrainingSettings.defaults().withEpochs(200).withBatchSize(3), 2,
                List.of(1.0, 0.1));
        return ComparisonSettings.defaults(beta).withKind(ModelKind.PATH3).withM1(2)
                .withCombos(ComboSource.exact()).withSearch(search)
                .withOptimizers(List.of(Optimizer.GRADIENT_DESCENT, Optimizer.SGD, Optimizer.ADAM));
    }

    @Test
    void exactConvexSolutionIsNoWorseThanAnyBaselineAndBoundsThemAll() {
        TrainTestSplit split = TrainTestSplit.random(ComparisonTest.binary(10, 11), 0.3, 2);
        ComparisonReport report = Comparison.run(split, tiny(0.05));
        ConvexCertificate c = report.certificate();
        assertTrue(c.globalOptimum());
        assertTrue(c.status().isOptimal(), c.status().toString());
        double convex = report.convex().trainObjective();
        for (MethodResult b : report.baselines()) {
            assertTrue(convex <= b.trainObjective() + 1e-6 * Math.max(1, convex),
                    b.method() + " reached " + b.trainObjective() + " below the global optimum " + convex);
            // With every combo, the dual bound bounds every parallel network with sub-networks of m1 neurons.
            assertTrue(c.dualBound() <= b.trainObjective(), b.method() + " below the certified bound");
        }
        assertTrue(c.dualBound() <= convex && c.gap() >= -1e-12);
        assertEquals(c.gapRel(), c.gap() / Math.max(1, Math.abs(c.objective())), 1e-12);
    }

    @Test
    void reportFieldsAgreeWithIndependentEvaluation() {
        TrainTestSplit split = TrainTestSplit.random(ComparisonTest.binary(10, 3), 0.3, 4);
        ComparisonSettings settings = tiny(0.1);
        ComparisonReport report = Comparison.run(split, settings);
        assertEquals(ModelKind.PATH3, report.kind());
        assertEquals(List.of("convex", "gd", "sgd", "adam"), report.methods().stream().map(MethodResult::method).toList());
        assertEquals(split.train().n(), report.trainSize());
        assertEquals(split.test().n(), report.testSize());
        int subnetworks = report.convex().neurons();
        assertTrue(subnetworks >= 1);
        for (MethodResult m : report.methods()) {
            assertEquals(ModelKind.PATH3, m.model().kind());
            ThreeLayerNetwork net = assertInstanceOf(ThreeLayerNetwork.class, m.model().network());
            assertEquals(2, net.m1(), m.method());
            assertEquals(net.m(), m.neurons());
            // The path objective (4.1), recomputed from the weights.
            double[] yhat = net.predict(split.train());
            double loss = 0, paths = 0;
            for (int i = 0; i < yhat.length; i++) loss += 0.5 * Math.pow(yhat[i] - split.train().y()[i], 2);
            for (int k = 0; k < net.m(); k++) {
                double s = 0;
                for (int j = 0; j < 2; j++) {
                    double norm2 = 0;
                    for (int l = 0; l < 2; l++) norm2 += Math.pow(net.network().w1()[(k * 2 + j) * 2 + l], 2);
                    s += norm2 * Math.pow(net.network().w2()[k * 2 + j], 2);
                }
                paths += Math.abs(net.network().w3()[k]) * Math.sqrt(s);
            }
            assertEquals(loss + 0.1 * paths, m.trainObjective(), 1e-9 * Math.max(1, m.trainObjective()), m.method());
            double[] test = m.model().predict(split.test());
            double sq = 0;
            for (int i = 0; i < test.length; i++) sq += Math.pow(test[i] - split.test().y()[i], 2);
            assertEquals(sq / test.length, m.test().mse(), 1e-12, m.method());
            assertTrue(m.seconds() > 0);
        }
        assertEquals(1, report.convex().runs());
        for (MethodResult b : report.baselines()) {
            assertEquals(subnetworks, b.neurons(), "baselines get the convex network's sub-network count");
            assertEquals(settings.search().runs(), b.runs());
        }
    }

    @Test
    void givenWidthAndSampledCombos() {
        TrainTestSplit split = TrainTestSplit.random(ComparisonTest.binary(10, 5), 0.3, 6);
        ComparisonReport report = Comparison.run(split, tiny(0.1).withWidth(4).withOptimizers(List.of(Optimizer.ADAM))
                .withCombos(ComboSource.sampled(30, 1)));
        assertEquals(4, report.baselines().getFirst().neurons());
        assertFalse(report.certificate().globalOptimum());
    }

    @Test
    void zeroNetworkAboveBetaMax() {
        TrainTestSplit split = TrainTestSplit.random(ComparisonTest.binary(10, 7), 0.3, 1);
        double betaMax = Comparison.threeLayerBetaMax(ModelKind.PATH3, split.train(), false, 2, ComboSource.exact());
        double zeroNetwork = 0;
        for (double y : split.train().y()) zeroNetwork += 0.5 * y * y;
        ComparisonSettings s = tiny(1).withOptimizers(List.of(Optimizer.ADAM));
        double above = Comparison.run(split, s.withBeta(1.01 * betaMax)).convex().trainObjective();
        double below = Comparison.run(split, s.withBeta(0.9 * betaMax)).convex().trainObjective();
        assertEquals(zeroNetwork, above, 1e-6 * zeroNetwork);
        assertTrue(below < zeroNetwork * (1 - 1e-6), below + " vs " + zeroNetwork);
    }

    @Test
    void settingsRejectBadM1() {
        assertThrows(IllegalArgumentException.class, () -> ComparisonSettings.defaults(1).withM1(0));
    }
}
