package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.baseline.ThreeLayerTrainer;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSampler;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.junit.jupiter.api.Test;

class WeightDecayCertificateTest {
    private static final int M1 = 2;

    private static List<Dataset> problems(Random rng) {
        return List.of(Fixtures.gaussian(rng, 6, 2), Fixtures.gaussian(rng, 8, 2), Fixtures.univariateWithBias(rng, 8));
    }

    private static ComboSet allCombos(Dataset data) {
        return new ComboEnumerator().enumerate(data, M1);
    }

    private static double halfSquaredNorm(double[] y) {
        return 0.5 * Fixtures.dot(y, y);
    }

    /** Random sub-networks with {@code ‖W_1k‖_F = 1}, feasible for (3.1). */
    private static ParallelThreeLayerNetwork randomNetwork(Random rng, int d, int subnetworks, double scale) {
        double[] w1 = new double[subnetworks * M1 * d], w2 = new double[subnetworks * M1], w3 = new double[subnetworks];
        for (int k = 0; k < subnetworks; k++) {
            double s = 0;
            for (int l = 0; l < M1 * d; l++) {
                w1[k * M1 * d + l] = rng.nextGaussian();
                s += w1[k * M1 * d + l] * w1[k * M1 * d + l];
            }
            for (int l = 0; l < M1 * d; l++) w1[k * M1 * d + l] /= Math.sqrt(s);
        }
        for (int k = 0; k < w2.length; k++) w2[k] = scale * rng.nextGaussian();
        for (int k = 0; k < w3.length; k++) w3[k] = scale * rng.nextGaussian();
        return new ParallelThreeLayerNetwork(d, subnetworks, M1, w1, w2, w3);
    }

    private static ParallelThreeLayerNetwork zeroNetwork(int d) {
        return new ParallelThreeLayerNetwork(d, 0, M1, new double[0], new double[0], new double[0]);
    }

    @Test
    void lowerBoundIsBelowEveryTrainedAndRandomNetwork() {
        Random rng = new Random(41);
        TrainingSettings adam = TrainingSettings.defaults().withEpochs(1500);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data);
            double betaMax = WeightDecayCertificate.betaMax(data, combos);
            for (double kappa : new double[] {0.05, 0.2, 0.6}) {
                double beta = kappa * betaMax;
                double best = Double.POSITIVE_INFINITY, lowerBound = 0;
                for (int subnetworks : new int[] {1, 3}) {
                    for (long seed = 0; seed < 2; seed++) {
                        ParallelThreeLayerNetwork net = new ThreeLayerTrainer(subnetworks, M1, ThreeLayerPenalty.WEIGHT_DECAY)
                                .train(data, beta, adam.withSeed(seed)).network();
                        WeightDecayCertificate cert = WeightDecayCertificate.of(net, data, combos, beta, Scope.ALL_PATTERNS);
                        assertEquals(net.objective(data, beta), cert.objective(), 0.0);
                        assertTrue(cert.lowerBound() >= 0 && cert.lowerBound() <= halfSquaredNorm(data.y()) * (1 + 1e-12));
                        assertTrue(cert.gap() >= -1e-12, cert.toString());
                        best = Math.min(best, cert.objective());
                        lowerBound = Math.max(lowerBound, cert.lowerBound());
                    }
                }
                for (int trial = 0; trial < 20; trial++) {
                    ParallelThreeLayerNetwork net = randomNetwork(rng, data.d(), 1 + trial % 3, 0.5);
                    WeightDecayCertificate cert = WeightDecayCertificate.of(net, data, combos, beta, Scope.ALL_PATTERNS);
                    assertTrue(cert.gap() >= -1e-12, "random network below its own bound: " + cert);
                    best = Math.min(best, cert.objective());
                    lowerBound = Math.max(lowerBound, cert.lowerBound());
                }
                // every lower bound is below every objective: compare the best of each
                assertTrue(lowerBound <= best * (1 + 1e-12), "kappa " + kappa + ": LB " + lowerBound + " > F " + best);
                assertTrue(lowerBound > 0);
            }
        }
    }

    @Test
    void recoveredConvexOptimumIsCertifiedAtItsObjective() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Random rng = new Random(42);
        for (Dataset data : problems(rng)) {
            for (double beta : new double[] {0.05, 0.3}) {
                PathProblem problem = PathProblem.builder(data).model(ModelKind.RELU3).m1(M1).beta(beta)
                        .combos(ComboSource.exact()).build();
                ConvexSolution s = problem.solve(IpmSettings.defaults(), quiet);
                assertTrue(s.status().isOptimal(), s.status().toString());
                ParallelThreeLayerNetwork net = ((ThreeLayerNetwork) s.model().network()).network();
                WeightDecayCertificate cert = WeightDecayCertificate.of(net, problem.design(), problem.combos(), beta, Scope.ALL_PATTERNS);
                assertEquals(s.nonconvexObjective(), cert.objective(), 1e-12 * Math.max(1, cert.objective()));
                assertTrue(cert.lowerBound() <= s.objective() * (1 + 1e-9), cert + " vs " + s.objective());
                assertTrue(cert.relativeGap() <= 1e-5, "n=" + data.n() + " beta " + beta + ": " + cert);
                // the IPM's own certified bound and this one bound the same p*
                assertTrue(Math.abs(cert.lowerBound() - s.dualBound()) <= 1e-5 * Math.max(1, s.objective()));
            }
        }
    }

    @Test
    void zeroNetworkIsCertifiedOptimalExactlyWhenBetaReachesBetaMax() {
        Random rng = new Random(43);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data);
            double betaMax = WeightDecayCertificate.betaMax(data, combos);
            double zero = halfSquaredNorm(data.y());
            for (double factor : new double[] {1.0, 1.5, 10}) {
                WeightDecayCertificate cert = WeightDecayCertificate.of(zeroNetwork(data.d()), data, combos, factor * betaMax,
                        Scope.ALL_PATTERNS);
                assertEquals(1.0, cert.scale(), 1e-15);
                assertEquals(zero, cert.objective(), 0.0);
                assertEquals(0.0, cert.gap(), 1e-12 * zero);
            }
            // below β_max: the maximising sub-network, scaled down, beats the zero network
            double beta = 0.7 * betaMax;
            WeightDecayCertificate cert = WeightDecayCertificate.of(zeroNetwork(data.d()), data, combos, beta, Scope.ALL_PATTERNS);
            assertTrue(cert.gap() > 0.01 * zero, cert.toString());
            ComboSupport s = new WeightDecayDualNorm(data, combos).support(data.y(), cert.maxCombo(), cert.maxSign());
            // φ = ±A u with Σ‖u_j‖ = 1 and yᵀφ = σ: scaling w2 and w3 by √ε gives output εφ at weight
            // decay βε, objective ½‖y‖² − ε(σ − β) + ½ε²‖φ‖² < ½‖y‖² for ε = (σ − β)/‖φ‖²
            ParallelThreeLayerNetwork unit = WeightDecayDualNormTest.reconstruct(combos, cert.maxCombo(), cert.maxSign(), s.point(),
                    data.d());
            double[] phi = unit.predict(data);
            double epsilon = (s.lower() - beta) / Fixtures.dot(phi, phi);
            assertTrue(epsilon > 0);
            double root = Math.sqrt(epsilon);
            double[] w2 = unit.w2().clone();
            for (int j = 0; j < w2.length; j++) w2[j] *= root;
            ParallelThreeLayerNetwork better = new ParallelThreeLayerNetwork(data.d(), 1, M1, unit.w1(), w2,
                    new double[] {unit.w3()[0] * root});
            assertTrue(better.objective(data, beta) < zero, better.objective(data, beta) + " vs " + zero);
            assertTrue(cert.lowerBound() <= better.objective(data, beta));
        }
    }

    @Test
    void sampledCombosGiveABoundRelativeToThemAndBadInputIsRejected() {
        Random rng = new Random(44);
        Dataset data = Fixtures.gaussian(rng, 8, 2);
        ComboSet all = allCombos(data);
        ComboSet sampled = ComboSampler.sample(data, M1, 30, 1).combos();
        ParallelThreeLayerNetwork net = randomNetwork(rng, 2, 2, 0.5);
        double beta = 0.2 * WeightDecayCertificate.betaMax(data, all);
        WeightDecayCertificate global = WeightDecayCertificate.of(net, data, all, beta, Scope.ALL_PATTERNS);
        WeightDecayCertificate subset = WeightDecayCertificate.of(net, data, sampled, beta, Scope.PATTERN_SUBSET);
        // fewer combos: σ can only drop, so the scaled residual and the bound can only grow
        assertTrue(subset.sigma() <= global.sigma() * (1 + 1e-6));
        assertTrue(subset.lowerBound() >= global.lowerBound() * (1 - 1e-6));
        assertTrue(subset.toString().contains("PATTERN_SUBSET"));

        assertThrows(IllegalArgumentException.class, () -> WeightDecayCertificate.of(net, data, all, 0.0, Scope.ALL_PATTERNS));
        assertThrows(IllegalArgumentException.class,
                () -> WeightDecayCertificate.of(net, data, new ComboEnumerator().enumerate(data, 3), beta, Scope.ALL_PATTERNS));
        ParallelThreeLayerNetwork tooLarge = new ParallelThreeLayerNetwork(2, 1, M1, new double[] {1, 1, 1, 1}, new double[] {1, 1},
                new double[] {1});
        assertThrows(IllegalStateException.class, () -> WeightDecayCertificate.of(tooLarge, data, all, beta, Scope.ALL_PATTERNS));
    }
}
