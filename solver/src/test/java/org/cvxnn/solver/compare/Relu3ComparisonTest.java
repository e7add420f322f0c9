package org.cvxnn.solver.compare;

import java.util.List;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons of the weight-decay three-layer model (formulations (3.1)) on tiny data. */
class Relu3ComparisonTest {

    @Test
    void exactConvexSolutionIsNoWorseThanAnyBaseline() {
        SearchSettings search = new SearchSettings(TrainingSettings.defaults().withEpochs(200).withBatchSize(3), 2,
                List.of(1.0, 0.1));
        ComparisonSettings settings = ComparisonSettings.defaults(0.05).withKind(ModelKind.RELU3).withM1(2)
                .withCombos(ComboSource.exact()).withSearch(search)
                .withOptimizers(List.of(Optimizer.GRADIENT_DESCENT, Optimizer.SGD, Optimizer.ADAM));
        TrainTestSplit split = TrainTestSplit.random(ComparisonTest.binary(10, 11), 0.3, 2);
        ComparisonReport report = Comparison.run(split, settings);
        assertEquals(ModelKind.RELU3, report.kind());
        ConvexCertificate c = report.certificate();
        assertTrue(c.globalOptimum());
        assertTrue(c.status().isOptimal(), c.status().toString());
        double convex = report.convex().trainObjective();
        assertEquals(4, report.methods().size());
        for (MethodResult m : report.methods()) {
            assertEquals(ModelKind.RELU3, m.model().kind());
            ThreeLayerNetwork net = assertInstanceOf(ThreeLayerNetwork.class, m.model().network());
            assertEquals(ThreeLayerPenalty.WEIGHT_DECAY, net.penalty());
            assertEquals(2, net.m1());
            // every row reports the weight-decay objective (3.1) of its own network
            assertEquals(net.network().objective(split.train(), 0.05), m.trainObjective(), 1e-9 * Math.max(1, convex));
        }
        for (MethodResult b : report.baselines()) {
            assertTrue(convex <= b.trainObjective() + 1e-6 * Math.max(1, convex),
                    b.method() + " reached " + b.trainObjective() + " below the global optimum " + convex);
            assertTrue(c.dualBound() <= b.trainObjective(), b.method() + " below the certified bound");
        }
    }
}
