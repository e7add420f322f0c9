package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;

class DualCertificateTest {

    /** Tiny planar problems with all their patterns: Gaussian lines through the origin and 1-D data with bias. */
    private static List<Dataset> problems(Random rng) {
        return List.of(Fixtures.gaussian(rng, 6, 2), Fixtures.gaussian(rng, 10, 2),
                Fixtures.univariateWithBias(rng, 8), Fixtures.univariateWithBias(rng, 10));
    }

    /** Plain gradient descent with backtracking on (1.1): an independent way to find good networks. */
    private static TwoLayerNetwork descend(TwoLayerNetwork start, Dataset data, double beta, int steps) {
        TwoLayerNetwork net = start;
        double step = 0.1;
        int d = net.d(), m = net.m(), n = data.n();
        for (int it = 0; it < steps; it++) {
            double[] r = net.predict(data);
            for (int i = 0; i < n; i++) r[i] -= data.y()[i];
            double[] gw = new double[d * m];
            double[] ga = new double[m];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    for (int k = 0; k < d; k++) z += data.get(i, k) * net.w1()[j * d + k];
                    if (z <= 0) continue;
                    ga[j] += r[i] * z;
                    for (int k = 0; k < d; k++) gw[j * d + k] += r[i] * net.alpha()[j] * data.get(i, k);
                }
                ga[j] += beta * net.alpha()[j];
                for (int k = 0; k < d; k++) gw[j * d + k] += beta * net.w1()[j * d + k];
            }
            double f = net.objective(data, beta);
            while (step > 1e-12) {
                double[] w1 = net.w1().clone();
                double[] alpha = net.alpha().clone();
                for (int k = 0; k < w1.length; k++) w1[k] -= step * gw[k];
                for (int j = 0; j < m; j++) alpha[j] -= step * ga[j];
                TwoLayerNetwork trial = new TwoLayerNetwork(d, m, w1, alpha);
                if (trial.objective(data, beta) < f) {
                    net = trial;
                    step *= 1.5;
                    break;
                }
                step *= 0.5;
            }
        }
        return net;
    }

    @Test
    void lowerBoundNeverExceedsTheObjectiveOfRandomNetworks() {
        Random rng = new Random(30);
        for (Dataset data : problems(rng)) {
            PatternSet patterns = Fixtures.planarPatterns(data);
            double betaMax = DualCertificate.betaMax(data, patterns);
            for (int trial = 0; trial < 50; trial++) {
                double beta = betaMax * Math.exp(rng.nextGaussian() * 1.5);
                TwoLayerNetwork net = Fixtures.randomNetwork(rng, 2, 1 + rng.nextInt(6), Math.exp(rng.nextGaussian()));
                DualCertificate cert = DualCertificate.of(net, data, patterns, beta, Scope.ALL_PATTERNS);
                assertTrue(cert.lowerBound() >= 0);
                assertTrue(cert.gap() >= -1e-12 * Math.abs(cert.objective()), cert.toString());
                assertTrue(cert.scale() >= 0 && cert.scale() * cert.sigma() <= beta * (1 + 1e-12), cert.toString());
            }
        }
    }

    @Test
    void everyLowerBoundIsBelowTheBestNetworkFoundBySearch() {
        Random rng = new Random(31);
        for (Dataset data : problems(rng)) {
            PatternSet patterns = Fixtures.planarPatterns(data);
            double beta = 0.2 * DualCertificate.betaMax(data, patterns);
            double bestObjective = Double.POSITIVE_INFINITY;
            double bestLowerBound = 0;
            for (int trial = 0; trial < 30; trial++) {
                TwoLayerNetwork start = Fixtures.randomNetwork(rng, 2, 1 + rng.nextInt(8), 0.5 + rng.nextDouble());
                for (TwoLayerNetwork net : List.of(start, descend(start, data, beta, 300))) {
                    DualCertificate cert = DualCertificate.of(net, data, patterns, beta, Scope.ALL_PATTERNS);
                    bestObjective = Math.min(bestObjective, cert.objective());
                    bestLowerBound = Math.max(bestLowerBound, cert.lowerBound());
                }
            }
            assertTrue(bestLowerBound <= bestObjective * (1 + 1e-12), bestLowerBound + " > " + bestObjective);
            // Trained networks make the bound informative, not just valid.
            assertTrue(bestLowerBound >= 0.5 * bestObjective, bestLowerBound + " vs " + bestObjective);
        }
    }

    @Test
    void nearOptimalNetworkFromTheConvexProgramIsCertifiedWithATinyGap() {
        Random rng = new Random(32);
        for (Dataset data : problems(rng)) {
            PatternSet patterns = Fixtures.planarPatterns(data);
            for (double kappa : new double[] {0.05, 0.3}) {
                double beta = kappa * DualCertificate.betaMax(data, patterns);
                ReferenceSolver solver = new ReferenceSolver(data, patterns, beta);
                DualCertificate cert = null;
                for (int round = 0; round < 20 && (cert == null || cert.relativeGap() >= 1e-9); round++) {
                    solver.iterate(1000);
                    cert = DualCertificate.of(solver.network(), data, patterns, beta, Scope.ALL_PATTERNS);
                }
                assertTrue(cert.gap() >= -1e-12 * cert.objective(), cert.toString());
                assertTrue(cert.relativeGap() < 1e-7, cert.toString());
                assertEquals(beta, cert.sigma(), 1e-3 * beta, "σ(v*) = β at the optimum: " + cert);
                // Random networks and descent never beat the certified bound.
                for (int trial = 0; trial < 10; trial++) {
                    TwoLayerNetwork other = descend(Fixtures.randomNetwork(rng, 2, 4, 1), data, beta, 200);
                    assertTrue(other.objective(data, beta) >= cert.lowerBound() * (1 - 1e-12));
                }
            }
        }
    }

    @Test
    void zeroNetworkIsCertifiedOptimalExactlyFromBetaMaxOn() {
        Random rng = new Random(33);
        for (Dataset data : problems(rng)) {
            PatternSet patterns = Fixtures.planarPatterns(data);
            double betaMax = DualCertificate.betaMax(data, patterns);
            assertEquals(Fixtures.sigmaByAngularSearch(data, data.y(), 400_000), betaMax, 1e-4 * betaMax);
            TwoLayerNetwork zero = Fixtures.zeroNetwork(2);
            for (double factor : new double[] {1.0, 1.5, 100}) {
                DualCertificate cert = DualCertificate.of(zero, data, patterns, factor * betaMax, Scope.ALL_PATTERNS);
                assertEquals(1.0, cert.scale());
                assertEquals(0.0, cert.gap(), 1e-14 * cert.objective(), cert.toString());
            }
            DualCertificate below = DualCertificate.of(zero, data, patterns, 0.99 * betaMax, Scope.ALL_PATTERNS);
            assertEquals(0.99, below.scale(), 1e-12);
            assertTrue(below.gap() > 1e-5 * below.objective(), below.toString());
        }
    }

    @Test
    void belowBetaMaxTheMaximisingPatternGivesANetworkBetterThanZero() {
        Random rng = new Random(34);
        for (Dataset data : problems(rng)) {
            PatternSet patterns = Fixtures.planarPatterns(data);
            double beta = 0.9 * DualCertificate.betaMax(data, patterns);
            DualCertificate cert = DualCertificate.of(Fixtures.zeroNetwork(2), data, patterns, beta, Scope.ALL_PATTERNS);
            // The maximiser u of ±yᵀD_iXu over the cone: one small neuron along it lowers the objective.
            double[] g = new double[2];
            for (int r = 0; r < data.n(); r++)
                if (patterns.active(cert.maxPattern(), r)) for (int j = 0; j < 2; j++) g[j] += cert.maxSign() * data.get(r, j) * data.y()[r];
            double[] u = new PolyhedralConeProjector(data).project(patterns, cert.maxPattern(), g).point();
            double norm = Fixtures.norm(u);
            double eps = 1e-3 * cert.objective() / cert.sigma();
            double root = Math.sqrt(eps);
            TwoLayerNetwork neuron = new TwoLayerNetwork(2, 1, new double[] {root * u[0] / norm, root * u[1] / norm},
                    new double[] {cert.maxSign() * root});
            assertTrue(neuron.objective(data, beta) < cert.objective(), "zero network is not optimal below β_max");
        }
    }

    @Test
    void perfectFitGivesAZeroBoundWithoutNaN() {
        Random rng = new Random(35);
        TwoLayerNetwork net = Fixtures.randomNetwork(rng, 2, 3, 1);
        Dataset x = Fixtures.gaussian(rng, 8, 2);
        Dataset data = new Dataset(8, 2, x.x(), net.predict(x));
        DualCertificate cert = DualCertificate.of(net, data, Fixtures.planarPatterns(data), 0.1, Scope.ALL_PATTERNS);
        assertEquals(0.0, cert.lowerBound());
        assertEquals(0.0, cert.sigma());
        assertEquals(0.0, cert.scale());
        assertEquals(-1, cert.maxPattern());
        assertEquals(net.objective(data, 0.1), cert.gap());
    }

    @Test
    void zeroSigmaWithNonzeroResidualUsesTheUnconstrainedScale() {
        // All-zero features: every network predicts 0, σ ≡ 0, and the zero network is optimal for any β.
        double[] y = {1, -2, 0.5};
        Dataset data = new Dataset(3, 2, new double[6], y);
        PatternSet allOnes = Fixtures.single(2, new boolean[] {true, true, true});
        DualCertificate cert = DualCertificate.of(Fixtures.zeroNetwork(2), data, allOnes, 0.7, Scope.ALL_PATTERNS);
        assertEquals(0.0, cert.sigma());
        assertEquals(1.0, cert.scale());
        assertEquals(cert.objective(), cert.lowerBound(), 1e-15);
        assertEquals(0.0, DualCertificate.betaMax(data, allOnes));
    }

    @Test
    void aPatternSubsetCanOnlyRaiseTheBoundAndIsLabelledAsSuch() {
        Random rng = new Random(36);
        Dataset data = Fixtures.gaussian(rng, 10, 2);
        PatternSet all = Fixtures.planarPatterns(data);
        PatternSet one = Fixtures.single(2, Fixtures.activeRows(data, all.gate(0)));
        double beta = 0.1 * DualCertificate.betaMax(data, all);
        TwoLayerNetwork net = Fixtures.randomNetwork(rng, 2, 3, 0.3);
        DualCertificate full = DualCertificate.of(net, data, all, beta, Scope.ALL_PATTERNS);
        DualCertificate partial = DualCertificate.of(net, data, one, beta, Scope.PATTERN_SUBSET);
        assertTrue(partial.sigma() <= full.sigma());
        assertTrue(partial.lowerBound() >= full.lowerBound());
        assertTrue(partial.toString().contains("PATTERN_SUBSET") && partial.toString().contains("not a global certificate"), partial.toString());
        assertTrue(full.toString().contains("ALL_PATTERNS") && full.toString().contains("rigorous"), full.toString());
    }

    @Test
    void relativeGapUsesAtLeastOneAsDenominator() {
        DualCertificate small = new DualCertificate(Scope.ALL_PATTERNS, 1, 0.5, 0.25, 1, 1, 0, 1);
        assertEquals(0.25, small.gap());
        assertEquals(0.25, small.relativeGap());
        DualCertificate large = new DualCertificate(Scope.ALL_PATTERNS, 1, -40, -42, 1, 1, 0, 1);
        assertEquals(2.0 / 40, large.relativeGap());
    }

    @Test
    void rejectsBadBetaAndMismatchedShapes() {
        Random rng = new Random(37);
        Dataset data = Fixtures.gaussian(rng, 6, 2);
        PatternSet patterns = Fixtures.planarPatterns(data);
        TwoLayerNetwork net = Fixtures.randomNetwork(rng, 2, 2, 1);
        for (double beta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(IllegalArgumentException.class, () -> DualCertificate.of(net, data, patterns, beta, Scope.ALL_PATTERNS));
            assertTrue(e.getMessage().contains("beta"), e.getMessage());
        }
        var width = assertThrows(IllegalArgumentException.class,
                () -> DualCertificate.of(Fixtures.randomNetwork(rng, 3, 2, 1), data, patterns, 1, Scope.ALL_PATTERNS));
        assertTrue(width.getMessage().contains("input dimension 3"), width.getMessage());
        var rows = assertThrows(IllegalArgumentException.class,
                () -> DualCertificate.of(net, Fixtures.gaussian(rng, 7, 2), patterns, 1, Scope.ALL_PATTERNS));
        assertTrue(rows.getMessage().contains("n = 7"), rows.getMessage());
        Dataset wide = Fixtures.gaussian(rng, 6, 3);
        var gates = assertThrows(IllegalArgumentException.class,
                () -> DualCertificate.of(Fixtures.randomNetwork(rng, 3, 2, 1), wide, patterns, 1, Scope.ALL_PATTERNS));
        assertTrue(gates.getMessage().contains("gates have dimension 2"), gates.getMessage());
        assertThrows(NullPointerException.class, () -> DualCertificate.of(net, data, patterns, 1, null));
    }
}
