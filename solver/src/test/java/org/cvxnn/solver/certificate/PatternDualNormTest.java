package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PatternDualNormTest {

    private static double[] gaussian(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return v;
    }

    private static Set<String> patternKeys(PatternSet set) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < set.size(); i++) keys.add(Arrays.toString(set.indicator(i)));
        return keys;
    }

    @Test
    void planarEnumerationFindsExactlyThePatternsOfDenseGateSampling() {
        Random rng = new Random(20);
        for (int trial = 0; trial < 5; trial++) {
            Dataset data = Fixtures.gaussian(rng, 8, 2);
            List<double[]> gates = new ArrayList<>();
            for (int k = 0; k < 100_000; k++) {
                double th = 2 * Math.PI * (k + 0.5) / 100_000;
                gates.add(new double[] {Math.cos(th), Math.sin(th)});
            }
            PatternSet exact = Fixtures.planarPatterns(data);
            assertEquals(2 * data.n(), exact.size(), "2n cells for n lines through the origin");
            assertEquals(patternKeys(Fixtures.fromGates(data, gates)), patternKeys(exact));
        }
    }

    @Test
    void matchesDirectSearchOverTheUnitCircle() {
        Random rng = new Random(21);
        for (int trial = 0; trial < 20; trial++) {
            Dataset data = trial % 2 == 0 ? Fixtures.gaussian(rng, 7, 2) : Fixtures.univariateWithBias(rng, 9);
            double[] v = gaussian(rng, data.n());
            double sigma = new PatternDualNorm(data, Fixtures.planarPatterns(data)).evaluate(v).value();
            double search = Fixtures.sigmaByAngularSearch(data, v, 400_000);
            assertTrue(search <= sigma * (1 + 1e-12), "sampling can only find less: " + search + " > " + sigma);
            assertEquals(search, sigma, 1e-4 * sigma, "trial " + trial);
        }
    }

    @Test
    void prunedParallelScanEqualsExhaustiveMaximumAndReportsItsArgmax() {
        Random rng = new Random(22);
        int n = 300, d = 6;
        Dataset data = Fixtures.gaussian(rng, n, d);
        List<double[]> gates = new ArrayList<>();
        for (int k = 0; k < 400; k++) gates.add(gaussian(rng, d));
        PatternSet patterns = Fixtures.fromGates(data, gates);
        PolyhedralConeProjector projector = new PolyhedralConeProjector(data);
        PatternDualNorm dualNorm = new PatternDualNorm(data, patterns);
        for (int trial = 0; trial < 3; trial++) {
            double[] v = gaussian(rng, n);
            double exhaustive = 0;
            for (int i = 0; i < patterns.size(); i++) {
                double[] g = new double[d];
                for (int r = 0; r < n; r++) if (patterns.active(i, r)) for (int j = 0; j < d; j++) g[j] += data.get(r, j) * v[r];
                double plus = projector.project(patterns, i, g).norm();
                for (int j = 0; j < d; j++) g[j] = -g[j];
                exhaustive = Math.max(exhaustive, Math.max(plus, projector.project(patterns, i, g).norm()));
            }
            DualNorm result = dualNorm.evaluate(v);
            assertEquals(exhaustive, result.value(), 1e-12 * exhaustive);

            double[] g = new double[d];
            for (int r = 0; r < n; r++)
                if (patterns.active(result.pattern(), r)) for (int j = 0; j < d; j++) g[j] += result.sign() * data.get(r, j) * v[r];
            assertEquals(result.value(), projector.project(patterns, result.pattern(), g).norm(), 0.0, "argmax is consistent");
            assertEquals(result, dualNorm.evaluate(v), "deterministic");
        }
    }

    @Test
    void isPositivelyHomogeneousAndEven() {
        Random rng = new Random(23);
        Dataset data = Fixtures.gaussian(rng, 9, 2);
        PatternDualNorm dualNorm = new PatternDualNorm(data, Fixtures.planarPatterns(data));
        for (int trial = 0; trial < 10; trial++) {
            double[] v = gaussian(rng, 9);
            double sigma = dualNorm.evaluate(v).value();
            for (double c : new double[] {1e-6, 0.3, 2, 1e5}) {
                double[] cv = v.clone();
                double[] minus = v.clone();
                for (int i = 0; i < 9; i++) {
                    cv[i] *= c;
                    minus[i] *= -c;
                }
                assertEquals(c * sigma, dualNorm.evaluate(cv).value(), 1e-12 * c * sigma);
                assertEquals(c * sigma, dualNorm.evaluate(minus).value(), 1e-12 * c * sigma);
            }
        }
    }

    @Test
    void aSubsetOfPatternsNeverGivesMore() {
        Random rng = new Random(24);
        Dataset data = Fixtures.gaussian(rng, 10, 2);
        PatternSet all = Fixtures.planarPatterns(data);
        List<boolean[]> some = new ArrayList<>();
        List<double[]> gates = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 3) {
            boolean[] p = new boolean[10];
            for (int r = 0; r < 10; r++) p[r] = all.active(i, r);
            some.add(p);
            gates.add(all.gate(i));
        }
        PatternSet subset = Fixtures.patternSet(2, some, gates);
        for (int trial = 0; trial < 10; trial++) {
            double[] v = gaussian(rng, 10);
            assertTrue(new PatternDualNorm(data, subset).evaluate(v).value() <= new PatternDualNorm(data, all).evaluate(v).value());
        }
    }

    @Test
    void zeroVectorHasNoMaximisingPattern() {
        Dataset data = Fixtures.gaussian(new Random(25), 6, 2);
        DualNorm zero = new PatternDualNorm(data, Fixtures.planarPatterns(data)).evaluate(new double[6]);
        assertEquals(new DualNorm(0.0, -1, 0), zero);
    }

    @Test
    void rejectsPatternsOfOtherDataAndWrongLengths() {
        Random rng = new Random(26);
        Dataset data = Fixtures.gaussian(rng, 6, 2);
        PatternSet patterns = Fixtures.planarPatterns(data);
        var rows = assertThrows(IllegalArgumentException.class,
                () -> new PatternDualNorm(Fixtures.gaussian(rng, 7, 2), patterns));
        assertTrue(rows.getMessage().contains("6 rows") && rows.getMessage().contains("n = 7"), rows.getMessage());
        var width = assertThrows(IllegalArgumentException.class,
                () -> new PatternDualNorm(Fixtures.gaussian(rng, 6, 3), patterns));
        assertTrue(width.getMessage().contains("dimension 2") && width.getMessage().contains("d = 3"), width.getMessage());
        var empty = assertThrows(IllegalArgumentException.class,
                () -> new PatternDualNorm(data, new PatternSet(6, 2, new long[0], new double[0])));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        var length = assertThrows(IllegalArgumentException.class, () -> new PatternDualNorm(data, patterns).evaluate(new double[5]));
        assertTrue(length.getMessage().contains("length 5"), length.getMessage());
    }
}
