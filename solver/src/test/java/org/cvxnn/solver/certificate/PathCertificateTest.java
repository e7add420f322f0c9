package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.baseline.ThreeLayerTrainer;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSampler;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PathCertificateTest {
    private static final int M1 = 2;

    /** Tiny planar problems (n <= 8, d = 2): Gaussian lines through the origin and 1-D data with bias. */
    private static List<Dataset> problems(Random rng) {
        return List.of(Fixtures.gaussian(rng, 6, 2), Fixtures.gaussian(rng, 8, 2), Fixtures.univariateWithBias(rng, 8));
    }

    private static ComboSet allCombos(Dataset data, int m1) {
        return new ComboEnumerator().enumerate(data, m1);
    }

    private static double halfSquaredNorm(double[] y) {
        return 0.5 * Fixtures.dot(y, y);
    }

    private static ParallelThreeLayerNetwork randomNetwork(Random rng, int d, int subnetworks, int width, double scale) {
        double[] w1 = new double[subnetworks * width * d];
        double[] w2 = new double[subnetworks * width];
        double[] w3 = new double[subnetworks];
        for (int k = 0; k < w1.length; k++) w1[k] = rng.nextGaussian();
        for (int k = 0; k < w2.length; k++) w2[k] = rng.nextGaussian();
        for (int k = 0; k < w3.length; k++) w3[k] = scale * rng.nextGaussian();
        return new ParallelThreeLayerNetwork(d, subnetworks, width, w1, w2, w3);
    }

    private static ParallelThreeLayerNetwork zeroNetwork(int d) {
        return new ParallelThreeLayerNetwork(d, 0, M1, new double[0], new double[0], new double[0]);
    }

    /**
     * The single sub-network of §4.2's reconstruction for a direction {@code u} of combo c with output
     * sign ς: {@code w_1j = u_j/‖u_j‖}, {@code w_2j = s_j‖u_j‖/‖u‖}, {@code w_3 = ς‖u‖}.
     */
    private static ParallelThreeLayerNetwork reconstruct(ComboSet combos, int c, int sign, double[] u) {
        int d = combos.d(), m1 = combos.m1();
        double t = Fixtures.norm(u);
        double[] w1 = new double[m1 * d];
        double[] w2 = new double[m1];
        for (int j = 0; j < m1; j++) {
            double norm = 0;
            for (int l = 0; l < d; l++) norm += u[j * d + l] * u[j * d + l];
            norm = Math.sqrt(norm);
            if (norm == 0) continue;
            for (int l = 0; l < d; l++) w1[j * d + l] = u[j * d + l] / norm;
            w2[j] = combos.sign(c, j) * norm / t;
        }
        return new ParallelThreeLayerNetwork(d, 1, m1, w1, w2, new double[] {sign * t});
    }

    /** {@code vᵀf(X) / R} of a single sub-network. */
    private static double correlationPerPathNorm(ParallelThreeLayerNetwork net, Dataset data, double[] v) {
        return Fixtures.dot(v, net.predict(data)) / net.pathNorm(0);
    }

    private static double[] randomVector(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return v;
    }

    @Test
    void sigmaIsAttainedByTheSubnetworkBuiltFromTheMaximiser() {
        Random rng = new Random(21);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data, M1);
            PathDualNorm dual = new PathDualNorm(data, combos);
            for (int trial = 0; trial < 5; trial++) {
                double[] v = trial == 0 ? data.y() : randomVector(rng, data.n());
                DualNorm sigma = dual.evaluate(v);
                assertTrue(sigma.value() > 0);
                double[] p = dual.project(v, sigma.pattern(), sigma.sign()).point();
                assertEquals(sigma.value(), Fixtures.norm(p), 1e-12 * sigma.value());
                ParallelThreeLayerNetwork net = reconstruct(combos, sigma.pattern(), sigma.sign(), p);
                assertEquals(Fixtures.norm(p), net.pathNorm(0), 1e-12 * sigma.value(), "path norm of the reconstruction");
                assertEquals(sigma.value(), correlationPerPathNorm(net, data, v), 1e-9 * sigma.value(),
                        "n=" + data.n() + " trial " + trial);
            }
        }
    }

    @Test
    void everyComboValueIsAttainedByItsReconstruction() {
        // Per combo and sign, not only at the maximum: mixed-sign combos rarely attain σ.
        Random rng = new Random(29);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data, M1);
            PathDualNorm dual = new PathDualNorm(data, combos);
            double[] v = randomVector(rng, data.n());
            int mixed = 0;
            for (int c = 0; c < combos.size(); c++) {
                if (combos.sign(c, 0) != combos.sign(c, M1 - 1)) mixed++;
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] p = dual.project(v, c, sign).point();
                    double value = Fixtures.norm(p);
                    if (value <= 1e-12 * Fixtures.norm(v)) continue;
                    ParallelThreeLayerNetwork net = reconstruct(combos, c, sign, p);
                    assertEquals(value, correlationPerPathNorm(net, data, v), 1e-9 * Fixtures.norm(v) * value,
                            "combo " + c + " sign " + sign);
                }
            }
            assertTrue(mixed > 0, "the data should have mixed-sign combos");
        }
    }

    @Test
    void sigmaBoundsEveryRandomSubnetwork() {
        Random rng = new Random(22);
        for (Dataset data : problems(rng)) {
            PathDualNorm dual = new PathDualNorm(data, allCombos(data, M1));
            for (int trial = 0; trial < 3; trial++) {
                double[] v = randomVector(rng, data.n());
                double sigma = dual.evaluate(v).value();
                double best = 0;
                for (int s = 0; s < 20_000; s++) {
                    ParallelThreeLayerNetwork net = randomNetwork(rng, data.d(), 1, M1, 1.0);
                    if (s % 4 == 0) System.arraycopy(net.w1(), 0, net.w1(), data.d(), data.d()); // a duplicated neuron
                    double r = net.pathNorm(0);
                    if (r == 0) continue;
                    best = Math.max(best, Math.abs(Fixtures.dot(v, net.predict(data))) / r);
                }
                assertTrue(best <= sigma * (1 + 1e-9), "a sub-network beats sigma: " + best + " > " + sigma);
                assertTrue(best >= 0.5 * sigma, "sampling should come near sigma: " + best + " vs " + sigma);
            }
        }
    }

    @Test
    void widthOneIsTheTwoLayerDualNormAndDuplicatingANeuronGainsSqrtTwo() {
        // m1 = 1: the path norm |w3|‖w1‖|w2| is the two-layer weight decay after rescaling, so σ is (1.3)'s.
        // m1 = 2: u_1 = u_2 = u/√2 in combo {(a,+),(a,+)} gives √2 · vᵀD_aXu at path norm 1.
        Random rng = new Random(23);
        for (Dataset data : problems(rng)) {
            PatternDualNorm twoLayer = new PatternDualNorm(data, new ExactEnumerator().enumerate(data));
            PathDualNorm one = new PathDualNorm(data, allCombos(data, 1));
            PathDualNorm two = new PathDualNorm(data, allCombos(data, 2));
            for (int trial = 0; trial < 4; trial++) {
                double[] v = randomVector(rng, data.n());
                double reference = twoLayer.evaluate(v).value();
                assertEquals(reference, one.evaluate(v).value(), 1e-9 * reference, "m1 = 1");
                assertTrue(two.evaluate(v).value() >= Math.sqrt(2) * reference * (1 - 1e-9), "m1 = 2");
            }
        }
    }

    /** The combos of {@code all} except those with two positive neurons on different first-layer masks. */
    private static ComboSet withoutDistinctPositivePairs(ComboSet all) {
        int w = all.wordsPerMask(), d = all.d();
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            boolean positive = all.sign(c, 0) > 0 && all.sign(c, 1) > 0;
            if (!positive || Arrays.equals(all.firstLayerWords(c, 0), all.firstLayerWords(c, 1))) keep.add(c);
        }
        int size = keep.size();
        long[] first = new long[size * M1 * w], second = new long[size * w];
        byte[] signs = new byte[size * M1];
        double[] w1 = new double[size * d * M1], w2 = new double[size * M1];
        for (int k = 0; k < size; k++) {
            int c = keep.get(k);
            for (int j = 0; j < M1; j++) {
                System.arraycopy(all.firstLayerWords(c, j), 0, first, (k * M1 + j) * w, w);
                signs[k * M1 + j] = (byte) all.sign(c, j);
            }
            System.arraycopy(all.secondLayerWords(c), 0, second, k * w, w);
            System.arraycopy(all.firstLayerWeights(c), 0, w1, k * d * M1, d * M1);
            System.arraycopy(all.secondLayerWeights(c), 0, w2, k * M1, M1);
        }
        return new ComboSet(all.n(), d, M1, first, signs, second, w1, w2);
    }

    /**
     * Finding on formulations §4.2 ("(+,+) combos with a ≠ b are genuinely new features here and
     * must be kept"): they are redundant. Their cone is K_a × K_b, so their value is
     * {@code sqrt(P_a² + P_b²) <= √2·max(P_a, P_b)}, which the duplicated combos {(a,+),(a,+)} and
     * {(b,+),(b,+)} attain; σ, hence the dual feasible set and p*, is unchanged without them. (Primal
     * view: {@code D_aXu_1 + D_bXu_2} costs {@code ‖(u_1,u_2)‖ >= (‖u_1‖+‖u_2‖)/√2}, the cost of the
     * two duplicated-neuron blocks that produce the same output.)
     */
    @Test
    void positivePairsOfDistinctMasksAreRedundant() {
        Random rng = new Random(30);
        for (Dataset data : problems(rng)) {
            ComboSet all = allCombos(data, M1);
            ComboSet reduced = withoutDistinctPositivePairs(all);
            assertTrue(reduced.size() < all.size());
            PathDualNorm full = new PathDualNorm(data, all), without = new PathDualNorm(data, reduced);
            for (int trial = 0; trial < 20; trial++) {
                double[] v = trial == 0 ? data.y() : randomVector(rng, data.n());
                double sigma = full.evaluate(v).value();
                assertEquals(sigma, without.evaluate(v).value(), 1e-12 * sigma, "trial " + trial);
            }
        }
    }

    @Test
    void lowerBoundIsBelowEveryTrainedAndRandomNetwork() {
        Random rng = new Random(24);
        TrainingSettings adam = TrainingSettings.defaults().withEpochs(1500);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data, M1);
            double betaMax = PathCertificate.betaMax(data, combos);
            for (double kappa : new double[] {0.05, 0.2, 0.6}) {
                double beta = kappa * betaMax;
                double best = Double.POSITIVE_INFINITY;
                Double lowerBound = null;
                for (int subnetworks : new int[] {1, 3}) {
                    for (long seed = 0; seed < 2; seed++) {
                        ParallelThreeLayerNetwork net = new ThreeLayerTrainer(subnetworks, M1, ThreeLayerPenalty.PATH)
                                .train(data, beta, adam.withSeed(seed)).network();
                        PathCertificate cert = PathCertificate.of(net, data, combos, beta, Scope.ALL_PATTERNS);
                        assertTrue(cert.lowerBound() >= 0 && cert.lowerBound() <= halfSquaredNorm(data.y()) * (1 + 1e-12));
                        best = Math.min(best, cert.objective());
                        if (lowerBound == null) lowerBound = cert.lowerBound();
                        lowerBound = Math.max(lowerBound, cert.lowerBound());
                    }
                }
                for (int trial = 0; trial < 20; trial++) {
                    ParallelThreeLayerNetwork net = randomNetwork(rng, data.d(), 1 + trial % 3, M1, 0.3);
                    PathCertificate cert = PathCertificate.of(net, data, combos, beta, Scope.ALL_PATTERNS);
                    assertEquals(net.pathObjective(data, beta), cert.objective(), 0.0);
                    assertTrue(cert.gap() >= -1e-12, "random network below its own bound: " + cert);
                    best = Math.min(best, cert.objective());
                    lowerBound = Math.max(lowerBound, cert.lowerBound());
                }
                // Every lower bound is below every objective: compare the best of each.
                assertTrue(lowerBound <= best * (1 + 1e-12), "kappa " + kappa + ": LB " + lowerBound + " > F " + best);
            }
        }
    }

    @Test
    void zeroNetworkIsCertifiedOptimalExactlyWhenBetaReachesBetaMax() {
        Random rng = new Random(25);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data, M1);
            double betaMax = PathCertificate.betaMax(data, combos);
            double zero = halfSquaredNorm(data.y());
            for (double factor : new double[] {1.0, 1.5, 10}) {
                // v = y, t = clip(1, 0, β/σ(y)) = 1, LB = ‖y‖² − ½‖y‖² = F(0).
                PathCertificate cert = PathCertificate.of(zeroNetwork(data.d()), data, combos, factor * betaMax, Scope.ALL_PATTERNS);
                assertEquals(1.0, cert.scale(), 1e-15);
                assertEquals(zero, cert.objective(), 0.0);
                assertEquals(0.0, cert.gap(), 1e-12 * zero);
            }
            // Below β_max: the maximising sub-network, scaled by ε = (σ − β)/‖φ‖², beats the zero network.
            double beta = 0.7 * betaMax;
            PathCertificate cert = PathCertificate.of(zeroNetwork(data.d()), data, combos, beta, Scope.ALL_PATTERNS);
            assertTrue(cert.gap() > 0.01 * zero, cert.toString());
            PathDualNorm dual = new PathDualNorm(data, combos);
            double[] p = dual.project(data.y(), cert.maxCombo(), cert.maxSign()).point();
            ParallelThreeLayerNetwork unit = reconstruct(combos, cert.maxCombo(), cert.maxSign(), p);
            double[] phi = unit.predict(data);
            double epsilon = (betaMax - beta) * unit.pathNorm(0) / Fixtures.dot(phi, phi);
            double[] w3 = {unit.w3()[0] * epsilon};
            ParallelThreeLayerNetwork better = new ParallelThreeLayerNetwork(data.d(), 1, M1, unit.w1(), unit.w2(), w3);
            assertTrue(better.pathObjective(data, beta) < zero, better.pathObjective(data, beta) + " vs " + zero);
            assertTrue(cert.lowerBound() <= better.pathObjective(data, beta));
        }
    }

    @Test
    void invariantUnderRescalingsOfTheProblemAndTheNetwork() {
        Random rng = new Random(26);
        Dataset data = Fixtures.gaussian(rng, 8, 2);
        ComboSet combos = allCombos(data, M1);
        double beta = 0.3 * PathCertificate.betaMax(data, combos);
        ParallelThreeLayerNetwork net = randomNetwork(rng, 2, 3, M1, 0.5);
        PathCertificate base = PathCertificate.of(net, data, combos, beta, Scope.ALL_PATTERNS);
        assertTrue(base.scale() > 0 && base.scale() < 1, base.toString());

        // y → λy, w3 → λw3, β → λβ: objective and LB scale by λ², σ by λ, t is unchanged.
        double lambda = 3.7;
        double[] y = data.y().clone();
        for (int i = 0; i < y.length; i++) y[i] *= lambda;
        double[] w3 = net.w3().clone();
        for (int k = 0; k < w3.length; k++) w3[k] *= lambda;
        PathCertificate scaled = PathCertificate.of(new ParallelThreeLayerNetwork(2, 3, M1, net.w1(), net.w2(), w3),
                new Dataset(data.n(), data.d(), data.x(), y), combos, lambda * beta, Scope.ALL_PATTERNS);
        assertEquals(lambda * lambda * base.objective(), scaled.objective(), 1e-12 * scaled.objective());
        assertEquals(lambda * lambda * base.lowerBound(), scaled.lowerBound(), 1e-10 * scaled.objective());
        assertEquals(lambda * base.sigma(), scaled.sigma(), 1e-10 * scaled.sigma());
        assertEquals(base.scale(), scaled.scale(), 1e-10);

        // X → λX, w3 → w3/λ, β → λβ: f and βR are unchanged (same masks, same combos), σ scales by λ.
        double[] x = data.x().clone();
        for (int k = 0; k < x.length; k++) x[k] *= lambda;
        double[] shrunk = net.w3().clone();
        for (int k = 0; k < shrunk.length; k++) shrunk[k] /= lambda;
        PathCertificate stretched = PathCertificate.of(new ParallelThreeLayerNetwork(2, 3, M1, net.w1(), net.w2(), shrunk),
                new Dataset(data.n(), data.d(), x, data.y()), combos, lambda * beta, Scope.ALL_PATTERNS);
        assertEquals(base.objective(), stretched.objective(), 1e-12 * base.objective());
        assertEquals(base.lowerBound(), stretched.lowerBound(), 1e-10 * base.objective());
        assertEquals(lambda * base.sigma(), stretched.sigma(), 1e-10 * stretched.sigma());

        // Lemma-1 rescalings inside each sub-network (w1 → a·w1, w2 → b·w2/a, w3 → w3/b) change nothing.
        double[] w1 = net.w1().clone(), w2 = net.w2().clone(), w3b = net.w3().clone();
        for (int k = 0; k < 3; k++) {
            double a = 0.5 + k, b = 2.0 / (k + 1);
            for (int i = k * M1 * 2; i < (k + 1) * M1 * 2; i++) w1[i] *= a;
            for (int j = k * M1; j < (k + 1) * M1; j++) w2[j] *= b / a;
            w3b[k] /= b;
        }
        PathCertificate rescaled = PathCertificate.of(new ParallelThreeLayerNetwork(2, 3, M1, w1, w2, w3b),
                data, combos, beta, Scope.ALL_PATTERNS);
        assertEquals(base.objective(), rescaled.objective(), 1e-12 * base.objective());
        assertEquals(base.lowerBound(), rescaled.lowerBound(), 1e-10 * base.objective());
    }

    @Test
    void sampledCombosGiveASmallerSigmaAndAreLabelled() {
        Random rng = new Random(27);
        Dataset data = Fixtures.gaussian(rng, 8, 2);
        ComboSet all = allCombos(data, M1);
        ComboSet sampled = ComboSampler.sample(data, M1, 50, 3).combos();
        ParallelThreeLayerNetwork net = randomNetwork(rng, 2, 2, M1, 0.3);
        double beta = 0.2 * PathCertificate.betaMax(data, all);
        PathCertificate exact = PathCertificate.of(net, data, all, beta, Scope.ALL_PATTERNS);
        PathCertificate subset = PathCertificate.of(net, data, sampled, beta, Scope.PATTERN_SUBSET);
        assertTrue(subset.sigma() <= exact.sigma() * (1 + 1e-12));
        assertTrue(subset.lowerBound() >= exact.lowerBound() * (1 - 1e-12));
        assertTrue(subset.toString().contains(Scope.PATTERN_SUBSET.meaning()), subset.toString());
        assertTrue(exact.toString().contains(Scope.ALL_PATTERNS.meaning()), exact.toString());
    }

    @Test
    void rejectsInconsistentInputNamingTheProblem() {
        Random rng = new Random(28);
        Dataset data = Fixtures.gaussian(rng, 6, 2);
        ComboSet combos = allCombos(data, M1);
        ParallelThreeLayerNetwork net = randomNetwork(rng, 2, 2, M1, 1);
        assertRejected(() -> PathCertificate.of(net, data, combos, 0.0, Scope.ALL_PATTERNS), "beta");
        assertRejected(() -> PathCertificate.of(net, data, combos, -1, Scope.ALL_PATTERNS), "beta");
        assertRejected(() -> PathCertificate.of(net, data, combos, Double.NaN, Scope.ALL_PATTERNS), "beta");
        assertRejected(() -> PathCertificate.of(net, data, combos, Double.POSITIVE_INFINITY, Scope.ALL_PATTERNS), "beta");
        Dataset other = Fixtures.gaussian(rng, 7, 2);
        assertRejected(() -> PathCertificate.of(net, other, combos, 1, Scope.ALL_PATTERNS), "n = 7");
        Dataset wide = Fixtures.gaussian(rng, 6, 3);
        assertRejected(() -> PathCertificate.of(net, wide, combos, 1, Scope.ALL_PATTERNS), "input dimension 2");
        ParallelThreeLayerNetwork wideNet = randomNetwork(rng, 3, 2, M1, 1);
        assertRejected(() -> PathCertificate.of(wideNet, wide, combos, 1, Scope.ALL_PATTERNS), "d = 3");
        ParallelThreeLayerNetwork width3 = randomNetwork(rng, 2, 2, 3, 1);
        assertRejected(() -> PathCertificate.of(width3, data, combos, 1, Scope.ALL_PATTERNS), "m1 = 2");
        ComboSet empty = new ComboSet(6, 2, M1, new long[0], new byte[0], new long[0], new double[0], new double[0]);
        assertRejected(() -> PathCertificate.of(net, data, empty, 1, Scope.ALL_PATTERNS), "empty");
        PathDualNorm dual = new PathDualNorm(data, combos);
        assertRejected(() -> dual.evaluate(new double[5]), "length 5");
        assertRejected(() -> dual.project(data.y(), combos.size(), 1), "combo index");
        assertRejected(() -> dual.project(data.y(), 0, 0), "sign");
    }

    private static void assertRejected(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }
}
