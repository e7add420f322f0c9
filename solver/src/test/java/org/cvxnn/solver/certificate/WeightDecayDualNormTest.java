package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class WeightDecayDualNormTest {

    private static List<Dataset> problems(Random rng) {
        return List.of(Fixtures.gaussian(rng, 6, 2), Fixtures.gaussian(rng, 8, 2), Fixtures.univariateWithBias(rng, 8));
    }

    private static ComboSet allCombos(Dataset data, int m1) {
        return new ComboEnumerator().enumerate(data, m1);
    }

    private static double[] randomVector(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return v;
    }

    /** {@code A_cᵀv} from the masks, independently of the code under test. */
    private static double[] correlation(ComboSet combos, Dataset data, int c, double[] v) {
        int d = data.d(), m1 = combos.m1();
        double[] g = new double[m1 * d];
        for (int i = 0; i < data.n(); i++) {
            if (!combos.secondActive(c, i)) continue;
            for (int j = 0; j < m1; j++)
                if (combos.firstActive(c, j, i))
                    for (int l = 0; l < d; l++) g[j * d + l] += combos.sign(c, j) * v[i] * data.get(i, l);
        }
        return g;
    }

    /** Whether u (length m1·d) satisfies the cone constraints of combo c up to {@code tol}. */
    private static boolean inCone(ComboSet combos, Dataset data, int c, double[] u, double tol) {
        int d = data.d(), m1 = combos.m1();
        for (int i = 0; i < data.n(); i++) {
            double z = 0;
            boolean any = false;
            for (int j = 0; j < m1; j++) {
                double pre = 0;
                for (int l = 0; l < d; l++) pre += data.get(i, l) * u[j * d + l];
                boolean active = combos.firstActive(c, j, i);
                if ((active ? pre : -pre) < -tol) return false;
                if (active) {
                    z += combos.sign(c, j) * pre;
                    any = true;
                }
            }
            if (any && (combos.secondActive(c, i) ? z : -z) < -tol) return false;
        }
        return true;
    }

    private static double groupNormSum(double[] u, int m1, int d) {
        double s = 0;
        for (int j = 0; j < m1; j++) {
            double q = 0;
            for (int l = 0; l < d; l++) q += u[j * d + l] * u[j * d + l];
            s += Math.sqrt(q);
        }
        return s;
    }

    private static double maxGroupNorm(double[] z, int m1, int d) {
        double s = 0;
        for (int j = 0; j < m1; j++) {
            double q = 0;
            for (int l = 0; l < d; l++) q += z[j * d + l] * z[j * d + l];
            s = Math.max(s, Math.sqrt(q));
        }
        return s;
    }

    @Test
    void perComboBoundsAreProvedByTheirPointsAndAgree() {
        Random rng = new Random(31);
        for (int m1 = 2; m1 <= 3; m1++) {
            for (Dataset data : problems(rng)) {
                if (m1 == 3 && data.n() > 6) continue;
                ComboSet combos = allCombos(data, m1);
                WeightDecayDualNorm dual = new WeightDecayDualNorm(data, combos);
                double[] v = randomVector(rng, data.n());
                double worst = 0;
                int refined = 0;
                for (int c = 0; c < combos.size(); c++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        ComboSupport s = dual.support(v, c, sign);
                        double[] g = correlation(combos, data, c, v);
                        for (int k = 0; k < g.length; k++) g[k] *= sign;
                        double scale = Fixtures.norm(g) + 1e-300;
                        assertTrue(s.lower() >= 0 && s.lower() <= s.upper() * (1 + 1e-12), s.toString());
                        // the primal point: in C_c, with value lower
                        assertTrue(inCone(combos, data, c, s.point(), 1e-9), "combo " + c);
                        assertTrue(groupNormSum(s.point(), m1, data.d()) <= 1 + 1e-12);
                        assertEquals(s.lower(), Fixtures.dot(g, s.point()), 1e-12 * scale);
                        // the dual point: g + K_cᵀa with a >= 0 means z − g lies in the dual cone of K_c,
                        // so (z − g)ᵀu >= 0 for every u of the cone; its largest group norm is upper
                        assertEquals(s.upper(), maxGroupNorm(s.dual(), m1, data.d()), 1e-12 * scale);
                        double[] diff = s.dual().clone();
                        for (int k = 0; k < g.length; k++) diff[k] -= g[k];
                        for (int trial = 0; trial < 50; trial++) {
                            double[] u = combos.firstLayerWeights(c).clone();
                            double[] w2 = combos.secondLayerWeights(c);
                            for (int k = 0; k < u.length; k++) u[k] = u[k] * Math.abs(w2[k / data.d()]) * (1 + 0.05 * rng.nextGaussian());
                            if (inCone(combos, data, c, u, 0)) assertTrue(Fixtures.dot(diff, u) >= -1e-9 * scale * Fixtures.norm(u));
                        }
                        worst = Math.max(worst, s.spread() / scale);
                        if (s.refined()) refined++;
                    }
                }
                assertTrue(refined > 0, "some combos need the barrier refinement");
                assertTrue(worst <= 1e-6, "m1=" + m1 + " n=" + data.n() + ": bounds apart by " + worst + " of ‖g‖");
            }
        }
    }

    /**
     * Brute force for d = 2, m1 = 2: u_j = r_j (cos θ_j, sin θ_j) with r_1 + r_2 = 1 on a grid of
     * angle pairs whose directions satisfy the first-layer constraints; for fixed angles the
     * second-layer constraints cut an interval of r_1 and the value is linear in r_1, so its
     * endpoints are the candidates. Single-neuron points (r_1 ∈ {0, 1}) are searched separately.
     */
    private static double bruteForce(ComboSet combos, Dataset data, int c, double[] g, int perArc) {
        double best = 0;
        // directions: every critical angle (a row's hyperplane) and perArc steps across each arc between them
        double[] critical = new double[2 * data.n()];
        for (int i = 0; i < data.n(); i++) {
            double phi = Math.atan2(data.get(i, 1), data.get(i, 0));
            critical[2 * i] = wrap(phi + Math.PI / 2);
            critical[2 * i + 1] = wrap(phi - Math.PI / 2);
        }
        java.util.Arrays.sort(critical);
        int grid = critical.length * perArc;
        double[][] dirs = new double[grid][];
        for (int a = 0; a < critical.length; a++) {
            double lo = critical[a], hi = a + 1 < critical.length ? critical[a + 1] : critical[0] + 2 * Math.PI;
            for (int k = 0; k < perArc; k++) {
                double angle = lo + (hi - lo) * k / perArc;
                dirs[a * perArc + k] = new double[] {Math.cos(angle), Math.sin(angle)};
            }
        }
        boolean[][] feasible = new boolean[2][grid];
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < grid; k++) {
                boolean ok = true;
                for (int i = 0; i < data.n() && ok; i++) {
                    double pre = data.get(i, 0) * dirs[k][0] + data.get(i, 1) * dirs[k][1];
                    ok = (combos.firstActive(c, j, i) ? pre : -pre) >= -1e-12;
                }
                feasible[j][k] = ok;
            }
        for (int a = 0; a < grid; a++) {
            for (int b = -1; b < grid; b++) {
                // b = −1: neuron 2 off (r_1 = 1); a single neuron 2 is the case a with r_1 = 0 below
                if (!feasible[0][a] || (b >= 0 && !feasible[1][b])) continue;
                double lo = 0, hi = 1;
                if (b < 0) lo = 1;
                for (int i = 0; i < data.n(); i++) {
                    double p1 = combos.firstActive(c, 0, i) ? combos.sign(c, 0) * (data.get(i, 0) * dirs[a][0] + data.get(i, 1) * dirs[a][1]) : 0;
                    double p2 = b >= 0 && combos.firstActive(c, 1, i) ? combos.sign(c, 1) * (data.get(i, 0) * dirs[b][0] + data.get(i, 1) * dirs[b][1]) : 0;
                    if (!combos.firstActive(c, 0, i) && !combos.firstActive(c, 1, i)) continue;
                    double side = combos.secondActive(c, i) ? 1 : -1;
                    // side·(p1 r + p2 (1 − r)) >= −tol  ⇔  side·(p1 − p2)·r >= −side·p2 − tol
                    double slope = side * (p1 - p2), rhs = -side * p2 - 1e-12;
                    if (slope > 0) lo = Math.max(lo, rhs / slope);
                    else if (slope < 0) hi = Math.min(hi, rhs / slope);
                    else if (rhs > 0) hi = -1;
                }
                if (lo > hi) continue;
                double v1 = g[0] * dirs[a][0] + g[1] * dirs[a][1];
                double v2 = b >= 0 ? g[2] * dirs[b][0] + g[3] * dirs[b][1] : 0;
                for (double r : new double[] {lo, hi}) best = Math.max(best, r * v1 + (1 - r) * v2);
            }
        }
        for (int b = 0; b < grid; b++) {
            if (!feasible[1][b]) continue;
            boolean ok = true;
            for (int i = 0; i < data.n() && ok; i++) {
                if (!combos.firstActive(c, 1, i)) continue;
                double p2 = combos.sign(c, 1) * (data.get(i, 0) * dirs[b][0] + data.get(i, 1) * dirs[b][1]);
                ok = (combos.secondActive(c, i) ? p2 : -p2) >= -1e-12;
            }
            if (ok) best = Math.max(best, g[2] * dirs[b][0] + g[3] * dirs[b][1]);
        }
        return best;
    }

    @Test
    void perComboValueMatchesABruteForceSearch() {
        Random rng = new Random(32);
        int perArc = 48;
        for (Dataset data : List.of(Fixtures.gaussian(rng, 6, 2), Fixtures.gaussian(rng, 7, 2))) {
            ComboSet combos = allCombos(data, 2);
            WeightDecayDualNorm dual = new WeightDecayDualNorm(data, combos);
            double[] v = randomVector(rng, data.n());
            int close = 0;
            for (int c = 0; c < combos.size(); c++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] g = correlation(combos, data, c, v);
                    for (int k = 0; k < g.length; k++) g[k] *= sign;
                    double brute = bruteForce(combos, data, c, g, perArc);
                    ComboSupport s = dual.support(v, c, sign);
                    double scale = Fixtures.norm(g);
                    assertTrue(brute <= s.upper() + 1e-9 * scale, "combo " + c + ": brute force " + brute + " > " + s.upper());
                    assertTrue(brute >= s.lower() - 1e-3 * scale, "combo " + c + ": brute force " + brute + " far below " + s.lower());
                    if (brute >= s.lower() - 1e-4 * scale) close++;
                }
            }
            assertTrue(close >= combos.size(), "the grid should come close on most combos: " + close + " of " + 2 * combos.size());
        }
    }

    private static double wrap(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /**
     * §3.8 for one sub-network (t = Σ‖u_j‖ = 1): {@code w_1j = u_j/√‖u_j‖}, {@code w_2j = s_j√‖u_j‖},
     * {@code w_3 = ς}; then {@code ‖W_1‖_F² = ‖w_2‖² = Σ_j ‖u_j‖ <= 1}.
     */
    static ParallelThreeLayerNetwork reconstruct(ComboSet combos, int c, int sign, double[] u, int d) {
        int m1 = combos.m1();
        double[] w1 = new double[m1 * d], w2 = new double[m1];
        for (int j = 0; j < m1; j++) {
            double norm = 0;
            for (int l = 0; l < d; l++) norm += u[j * d + l] * u[j * d + l];
            norm = Math.sqrt(norm);
            if (norm == 0) continue;
            for (int l = 0; l < d; l++) w1[j * d + l] = u[j * d + l] / Math.sqrt(norm);
            w2[j] = combos.sign(c, j) * Math.sqrt(norm);
        }
        return new ParallelThreeLayerNetwork(d, 1, m1, w1, w2, new double[] {sign});
    }

    @Test
    void sigmaIsAttainedByTheReconstructedSubnetworkAndBoundsRandomOnes() {
        Random rng = new Random(33);
        for (Dataset data : problems(rng)) {
            ComboSet combos = allCombos(data, 2);
            WeightDecayDualNorm dual = new WeightDecayDualNorm(data, combos);
            for (int trial = 0; trial < 3; trial++) {
                double[] v = trial == 0 ? data.y() : randomVector(rng, data.n());
                DualNorm sigma = dual.evaluate(v);
                ComboSupport s = dual.support(v, sigma.pattern(), sigma.sign());
                assertEquals(sigma.value(), s.upper(), 1e-12 * sigma.value());
                ParallelThreeLayerNetwork net = reconstruct(combos, sigma.pattern(), sigma.sign(), s.point(), data.d());
                assertTrue(net.firstLayerNorm(0) <= 1 + 1e-12);
                assertTrue(Fixtures.norm(net.w2()) <= 1 + 1e-12);
                double attained = Fixtures.dot(v, net.predict(data));
                assertEquals(s.lower(), attained, 1e-9 * Fixtures.norm(v));
                assertEquals(sigma.value(), attained, 1e-6 * sigma.value(), "n=" + data.n() + " trial " + trial);
                // every sub-network with ‖W1‖_F <= 1 and ‖w2‖ <= 1 correlates at most σ₃ with v
                double best = 0;
                for (int k = 0; k < 20_000; k++) {
                    double[] w1 = new double[2 * data.d()], w2 = new double[2];
                    for (int l = 0; l < w1.length; l++) w1[l] = rng.nextGaussian();
                    for (int l = 0; l < 2; l++) w2[l] = rng.nextGaussian();
                    if (k % 3 == 0) w2[1] = 0;
                    double n1 = Fixtures.norm(w1), n2 = Fixtures.norm(w2);
                    for (int l = 0; l < w1.length; l++) w1[l] /= n1;
                    for (int l = 0; l < 2; l++) w2[l] /= n2;
                    double[] f = new ParallelThreeLayerNetwork(data.d(), 1, 2, w1, w2, new double[] {1}).predict(data);
                    best = Math.max(best, Math.abs(Fixtures.dot(v, f)));
                }
                assertTrue(best <= sigma.value() * (1 + 1e-12), "a sub-network beats sigma: " + best + " > " + sigma.value());
                assertTrue(best >= 0.5 * sigma.value(), "sampling should come near sigma: " + best + " vs " + sigma.value());
            }
        }
    }

    @Test
    void widthOneIsTheTwoLayerDualNorm() {
        Random rng = new Random(34);
        for (Dataset data : problems(rng)) {
            PatternDualNorm twoLayer = new PatternDualNorm(data, new ExactEnumerator().enumerate(data));
            WeightDecayDualNorm one = new WeightDecayDualNorm(data, allCombos(data, 1));
            for (int trial = 0; trial < 4; trial++) {
                double[] v = randomVector(rng, data.n());
                double reference = twoLayer.evaluate(v).value();
                assertEquals(reference, one.evaluate(v).value(), 1e-9 * reference);
            }
        }
    }

    @Test
    void sigmaLiesBetweenThePathValueOverRootWidthAndThePathValue() {
        // ‖u‖₂ <= Σ_j ‖u_j‖₂ <= √m1‖u‖₂: C_c lies in the path set K_c ∩ {‖u‖ <= 1} and contains
        // its shrinking by 1/√m1, so σ_path/√m1 <= σ₃ <= σ_path, per combo and overall.
        Random rng = new Random(35);
        for (int m1 = 2; m1 <= 3; m1++) {
            Dataset data = Fixtures.gaussian(rng, 6, 2);
            ComboSet combos = allCombos(data, m1);
            WeightDecayDualNorm weightDecay = new WeightDecayDualNorm(data, combos);
            PathDualNorm path = new PathDualNorm(data, combos);
            boolean strictBelow = false, strictAbove = false;
            for (int trial = 0; trial < 4; trial++) {
                double[] v = randomVector(rng, data.n());
                double s3 = weightDecay.evaluate(v).value(), sp = path.evaluate(v).value();
                assertTrue(s3 <= sp * (1 + 1e-9) && s3 >= sp / Math.sqrt(m1) * (1 - 1e-9), s3 + " vs path " + sp);
                for (int c = 0; c < combos.size(); c++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        ComboSupport s = weightDecay.support(v, c, sign);
                        double p = Fixtures.norm(path.project(v, c, sign).point());
                        assertTrue(s.lower() <= p * (1 + 1e-9) && s.upper() >= p / Math.sqrt(m1) * (1 - 1e-9));
                        strictBelow |= s.upper() < p * (1 - 1e-3);
                        strictAbove |= s.lower() > p / Math.sqrt(m1) * (1 + 1e-3);
                    }
                }
            }
            assertTrue(strictBelow && strictAbove, "both sides of the sandwich should be strict somewhere");
        }
    }
}
