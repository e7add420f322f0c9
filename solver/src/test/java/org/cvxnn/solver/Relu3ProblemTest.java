package org.cvxnn.solver;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.certificate.WeightDecayCertificate;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weight-decay three-layer model (formulations (3.1)/(3.4)) through {@link PathProblem}. */
class Relu3ProblemTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Dataset tiny(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            y[i] = Math.max(0, Math.max(0, rows[i][0]) - Math.max(0, rows[i][1] - 0.5)) + 0.1 * r.nextGaussian();
        }
        return Dataset.ofRows(rows, y);
    }

    /** The weight-decay objective (3.1) recomputed from the weights, without the network classes. */
    private static double weightDecayObjective(ParallelThreeLayerNetwork w, Dataset data, double beta) {
        int d = w.d(), m1 = w.width();
        double loss = 0;
        for (int i = 0; i < data.n(); i++) {
            double f = 0;
            for (int k = 0; k < w.subnetworks(); k++) {
                double h = 0;
                for (int j = 0; j < m1; j++) {
                    double a = 0;
                    for (int l = 0; l < d; l++) a += data.get(i, l) * w.w1()[(k * m1 + j) * d + l];
                    h += Math.max(0, a) * w.w2()[k * m1 + j];
                }
                f += Math.max(0, h) * w.w3()[k];
            }
            loss += 0.5 * (f - data.y()[i]) * (f - data.y()[i]);
        }
        double decay = 0;
        for (double v : w.w2()) decay += v * v;
        for (double v : w.w3()) decay += v * v;
        return loss + 0.5 * beta * decay;
    }

    @Test
    void exactCombosRecoverANetworkWhoseObjectiveIsTheConvexOne() {
        Dataset data = tiny(7, 5);
        double beta = 0.05;
        PathProblem problem = PathProblem.builder(data).model(ModelKind.RELU3).m1(2).beta(beta).combos(ComboSource.exact()).build();
        assertEquals(ThreeLayerPenalty.WEIGHT_DECAY, problem.penalty());
        ConvexSolution s = problem.solve(IpmSettings.defaults(), QUIET);
        assertTrue(s.status().isOptimal(), s.status().toString());
        assertTrue(s.globalOptimum());
        assertEquals(ModelKind.RELU3, s.model().kind());
        ThreeLayerNetwork net = assertInstanceOf(ThreeLayerNetwork.class, s.model().network());
        assertEquals(ThreeLayerPenalty.WEIGHT_DECAY, net.penalty());
        assertEquals(2, net.m1());
        for (int k = 0; k < net.m(); k++) assertTrue(net.network().firstLayerNorm(k) <= 1 + 1e-9, "W1k outside the unit ball");
        double independent = weightDecayObjective(net.network(), data, beta);
        assertEquals(s.objective(), independent, 1e-7 * Math.max(1, s.objective()));
        assertEquals(independent, s.nonconvexObjective(), 1e-9 * Math.max(1, independent));
        assertEquals(independent, s.model().objective(data, beta), 1e-9 * Math.max(1, independent));
        assertTrue(s.dualBound() <= s.objective() + 1e-9 && s.gapRel() <= 1e-6, "gap " + s.gapRel());
        double zero = 0;
        for (double v : data.y()) zero += 0.5 * v * v;
        assertTrue(s.objective() < zero, "the zero network is not optimal for this small beta");
    }

    @Test
    void recoveredNetworkIsSparseAndStillCertified() {
        // an interior point spreads weight over the non-unique optimal face; Carathéodory pruning leaves <= n blocks
        for (long seed : new long[] {5, 6}) {
            Dataset data = tiny(8, seed);
            double beta = 0.05;
            PathProblem problem = PathProblem.builder(data).model(ModelKind.RELU3).m1(2).beta(beta).combos(ComboSource.exact()).build();
            ConvexSolution s = problem.solve(IpmSettings.defaults(), QUIET);
            assertTrue(s.status().isOptimal(), s.status().toString());
            ParallelThreeLayerNetwork net = ((ThreeLayerNetwork) s.model().network()).network();
            assertTrue(net.subnetworks() <= data.n(), net.subnetworks() + " sub-networks for n = " + data.n());
            assertEquals(s.objective(), weightDecayObjective(net, data, beta), 1e-9 * Math.max(1, s.objective()));
            assertTrue(s.dualBound() <= s.objective() && s.gapRel() <= 1e-6, "gap " + s.gapRel());
            WeightDecayCertificate cert = WeightDecayCertificate.of(net, problem.design(), problem.combos(), beta, Scope.ALL_PATTERNS);
            assertTrue(cert.lowerBound() <= s.objective() * (1 + 1e-9) && cert.relativeGap() <= 1e-5, cert.toString());
        }
    }

    @Test
    void twoLayerSolutionsUseAtMostNNeurons() {
        Dataset data = tiny(8, 3);
        for (ModelKind kind : new ModelKind[] {ModelKind.RELU2, ModelKind.GATED2}) {
            for (double beta : new double[] {0.01, 0.1}) {
                ConvexSolution s = TwoLayerProblem.builder(data).model(kind).beta(beta).bias(true).patterns(PatternSource.exact())
                        .build().solve(IpmSettings.defaults(), QUIET);
                assertTrue(s.status().isOptimal(), s.status().toString());
                assertTrue(s.activeNeurons() <= data.n(), kind + ": " + s.activeNeurons() + " neurons");
                assertEquals(s.objective(), s.nonconvexObjective(), 1e-9 * Math.max(1, s.objective()));
            }
        }
    }

    @Test
    void exactOptimumIsNoWorseThanSampledCombos() {
        Dataset data = tiny(8, 9);
        ConvexSolution exact = PathProblem.builder(data).model(ModelKind.RELU3).m1(2).beta(0.1).combos(ComboSource.exact())
                .build().solve(IpmSettings.defaults(), QUIET);
        ConvexSolution sampled = PathProblem.builder(data).model(ModelKind.RELU3).m1(2).beta(0.1)
                .combos(ComboSource.sampled(40, 3)).build().solve(IpmSettings.defaults(), QUIET);
        assertTrue(exact.objective() <= sampled.objective() * (1 + 1e-7), exact.objective() + " > " + sampled.objective());
        assertTrue(exact.dualBound() <= sampled.nonconvexObjective() * (1 + 1e-9));
    }

    @Test
    void defaultIsPath3AndTwoLayerKindsAreRejected() {
        Dataset data = tiny(6, 1);
        assertEquals(ModelKind.PATH3, PathProblem.builder(data).beta(0.1).combos(ComboSource.sampled(5, 1)).build().model());
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).model(ModelKind.RELU2));
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).model(ModelKind.GATED2));
        assertEquals(ModelKind.RELU3, ModelKind.of("relu3"));
    }
}
