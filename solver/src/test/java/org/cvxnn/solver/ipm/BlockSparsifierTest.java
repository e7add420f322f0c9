package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.Random;
import java.util.SplittableRandom;

import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.combo.ComboSampler;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Carathéodory pruning on feasible points with many more blocks than samples: the prediction is
 * unchanged (recomputed here from the masks), blocks are only scaled by factors in [0, ∞), the
 * regulariser does not rise and at most n blocks remain.
 */
class BlockSparsifierTest {

    private static double norm(double[] v, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) s += v[i] * v[i];
        return Math.sqrt(s);
    }

    /** Checks the invariants; {@code predict} computes Σ_j ε_j A_j w_j independently; returns the active count. */
    private static int check(double[] before, double[] after, int d, int groups, double[] predictBefore, double[] predictAfter, int n) {
        int active = 0, activeBefore = 0;
        double regBefore = 0, regAfter = 0;
        int g = d / groups;
        for (int j = 0; j < before.length / d; j++) {
            double nb = norm(before, j * d, d), na = norm(after, j * d, d);
            if (nb > 0) activeBefore++;
            if (na > 0) active++;
            for (int q = 0; q < groups; q++) {
                regBefore += norm(before, j * d + q * g, g);
                regAfter += norm(after, j * d + q * g, g);
            }
            // after = s·before with s >= 0
            if (nb == 0) {
                assertEquals(0.0, na, 0.0);
                continue;
            }
            double s = na / nb;
            for (int l = 0; l < d; l++) assertEquals(s * before[j * d + l], after[j * d + l], 1e-12 * Math.max(1, na));
        }
        assertTrue(activeBefore > n, "the fixture should have more blocks than samples");
        assertTrue(active <= n, active + " blocks remain for n = " + n);
        assertTrue(regAfter <= regBefore * (1 + 1e-12), "regulariser rose: " + regAfter + " > " + regBefore);
        double scale = norm(predictBefore, 0, predictBefore.length);
        for (int i = 0; i < predictBefore.length; i++) assertEquals(predictBefore[i], predictAfter[i], 1e-9 * scale, "row " + i);
        return active;
    }

    /** {@code Σ_i ε D_i X w} for the two-layer layout (blocks i and P + i share mask i, signs + and −). */
    private static double[] twoLayerPredict(Dataset data, PatternSet patterns, double[] w, boolean signed) {
        int n = data.n(), d = data.d(), p = patterns.size();
        double[] out = new double[n];
        for (int b = 0; b < w.length / d; b++) {
            int mask = b % p;
            double sign = signed && b >= p ? -1 : 1;
            for (int i = 0; i < n; i++) {
                if (!patterns.active(mask, i)) continue;
                double z = 0;
                for (int l = 0; l < d; l++) z += data.get(i, l) * w[b * d + l];
                out[i] += sign * z;
            }
        }
        return out;
    }

    @Test
    void twoLayerReluAndGatedPointsKeepTheirPrediction() {
        for (boolean constrained : new boolean[] {true, false}) {
            Dataset data = TestProblems.planted(10, 3, 7);
            PatternSet patterns = TestProblems.sample(data, 60, 8);
            int n = data.n(), d = data.d(), p = patterns.size(), blocks = constrained ? 2 * p : p;
            SplittableRandom rng = new SplittableRandom(9);
            double[] w = new double[blocks * d];
            for (int b = 0; b < blocks; b++) {
                double[] gate = patterns.gate(b % p);
                double s = b % 5 == 0 ? 0 : rng.nextDouble();
                for (int l = 0; l < d; l++) w[b * d + l] = constrained ? s * gate[l] : TestProblems.gaussian(rng);
            }
            try (Arena arena = Arena.ofConfined()) {
                TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, constrained);
                double[] after = new BlockSparsifier(op).sparsify(w, Matrix.allocate(arena, d, blocks), Matrix.allocate(arena, d, blocks));
                check(w, after, d, 1, twoLayerPredict(data, patterns, w, constrained), twoLayerPredict(data, patterns, after, constrained), n);
            }
        }
    }

    @Test
    void blocksThatReachZeroTogetherAreBothRemoved() {
        // u_i = w_i on the even masks: each such pair predicts 0 and both blocks vanish at the same step
        // (a tie); the odd masks carry only u_i, so the prediction is not zero
        Dataset data = TestProblems.planted(10, 3, 7);
        PatternSet patterns = TestProblems.sample(data, 60, 8);
        int n = data.n(), d = data.d(), p = patterns.size();
        double[] w = new double[2 * p * d];
        for (int b = 0; b < 2 * p; b++) {
            int mask = b % p;
            if (b >= p && mask % 2 == 1) continue;
            for (int l = 0; l < d; l++) w[b * d + l] = (1 + mask % 3) * patterns.gate(mask)[l];
        }
        try (Arena arena = Arena.ofConfined()) {
            TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, true);
            double[] after = new BlockSparsifier(op).sparsify(w, Matrix.allocate(arena, d, 2 * p), Matrix.allocate(arena, d, 2 * p));
            for (double v : after) assertTrue(Double.isFinite(v), "non-finite weight after pruning");
            check(w, after, d, 1, twoLayerPredict(data, patterns, w, true), twoLayerPredict(data, patterns, after, true), n);
        }
    }

    @Test
    void fewBlocksAreLeftAlone() {
        Dataset data = TestProblems.planted(10, 3, 7);
        PatternSet patterns = TestProblems.sample(data, 4, 8);
        int n = data.n(), d = data.d(), p = patterns.size();
        double[] w = new double[2 * p * d];
        for (int l = 0; l < w.length; l++) w[l] = patterns.gate((l / d) % p)[l % d];
        try (Arena arena = Arena.ofConfined()) {
            TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, true);
            assertTrue(2 * p <= n);
            assertSame(w, new BlockSparsifier(op).sparsify(w, Matrix.allocate(arena, d, 2 * p), Matrix.allocate(arena, d, 2 * p)));
        }
    }

    /** {@code Σ_c ± D_2c Σ_j s_cj D_1cj X u_cj} for the three-layer layout (block c: +, block C + c: −). */
    private static double[] threeLayerPredict(Dataset data, ComboSet combos, double[] w) {
        int n = data.n(), d = data.d(), m1 = combos.m1(), c = combos.size(), dim = m1 * d;
        double[] out = new double[n];
        for (int b = 0; b < 2 * c; b++) {
            int combo = b % c;
            double sign = b < c ? 1 : -1;
            for (int i = 0; i < n; i++) {
                if (!combos.secondActive(combo, i)) continue;
                for (int j = 0; j < m1; j++) {
                    if (!combos.firstActive(combo, j, i)) continue;
                    double z = 0;
                    for (int l = 0; l < d; l++) z += data.get(i, l) * w[b * dim + j * d + l];
                    out[i] += sign * combos.sign(combo, j) * z;
                }
            }
        }
        return out;
    }

    @Test
    void threeLayerPointsKeepTheirPredictionForBothRegularisers() {
        Random rng = new Random(10);
        for (boolean perNeuron : new boolean[] {true, false}) {
            int n = 8, d = 2;
            double[] x = new double[n * d], y = new double[n];
            for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
            Dataset data = new Dataset(n, d, x, y);
            ComboSet combos = ComboSampler.sample(data, 2, 40, 3).combos();
            int c = combos.size(), dim = 2 * d;
            double[] w = new double[2 * c * dim];
            for (int b = 0; b < 2 * c; b++) {
                int combo = b % c;
                double[] w1 = combos.firstLayerWeights(combo), w2 = combos.secondLayerWeights(combo);
                double s = rng.nextDouble();
                for (int j = 0; j < 2; j++)
                    for (int l = 0; l < d; l++) w[b * dim + j * d + l] = s * w1[j * d + l] * Math.abs(w2[j]);
            }
            try (Arena arena = Arena.ofConfined()) {
                PathThreeLayerOperator op = new PathThreeLayerOperator(arena, Matrix.of(arena, n, d, x), combos, perNeuron);
                double[] after = new BlockSparsifier(op).sparsify(w, Matrix.allocate(arena, dim, 2 * c), Matrix.allocate(arena, dim, 2 * c));
                check(w, after, dim, perNeuron ? 2 : 1, threeLayerPredict(data, combos, w), threeLayerPredict(data, combos, after), n);
            }
        }
    }
}
