package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PolyhedralConeProjectorTest {

    private static boolean[] randomPattern(Random rng, Dataset data) {
        if (rng.nextBoolean()) {
            double[] gate = new double[data.d()];
            for (int j = 0; j < gate.length; j++) gate[j] = rng.nextGaussian();
            return Fixtures.activeRows(data, gate);
        }
        boolean[] p = new boolean[data.n()];
        for (int r = 0; r < p.length; r++) p[r] = rng.nextBoolean();
        return p;
    }

    private static double[] randomVector(Random rng, int d) {
        double[] g = new double[d];
        for (int j = 0; j < d; j++) g[j] = rng.nextGaussian();
        return g;
    }

    private static void assertMatchesFaceEnumeration(Dataset data, boolean[] pattern, double[] g, String label) {
        double[] expected = Fixtures.projectByFaceEnumeration(data, pattern, g);
        ConeProjection actual = new PolyhedralConeProjector(data).project(Fixtures.single(data.d(), pattern), 0, g);
        assertArrayEquals(expected, actual.point(), 1e-8 * Fixtures.norm(g), label);
        assertEquals(Fixtures.norm(expected), actual.norm(), 1e-8 * Fixtures.norm(g), label);
    }

    @Test
    void matchesEnumerationOfAllFacesOnRandomCones() {
        Random rng = new Random(1);
        int[][] shapes = {{2, 6}, {3, 7}, {4, 7}, {5, 8}, {3, 12}};
        for (int[] shape : shapes) {
            for (int trial = 0; trial < 40; trial++) {
                Dataset data = Fixtures.gaussian(rng, shape[1], shape[0]);
                assertMatchesFaceEnumeration(data, randomPattern(rng, data), randomVector(rng, shape[0]),
                        "d=" + shape[0] + " n=" + shape[1] + " trial " + trial);
            }
        }
    }

    @Test
    void matchesEnumerationOfAllFacesWithDegenerateRows() {
        // Duplicated, scaled, opposite and zero rows: dependent constraint normals and a hyperplane cone.
        double[][] rows = {{1, 0.5, -0.2}, {1, 0.5, -0.2}, {2, 1, -0.4}, {-1, -0.5, 0.2}, {0, 0, 0}, {0.3, -1, 0.7}, {-0.2, 0.4, 1}};
        Dataset data = Dataset.ofRows(rows, new double[rows.length]);
        Random rng = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            assertMatchesFaceEnumeration(data, randomPattern(rng, data), randomVector(rng, 3), "trial " + trial);
        }
    }

    @Test
    void normMatchesSupportFunctionFoundByAngularSearchInThePlane() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            Dataset data = Fixtures.gaussian(rng, 9, 2);
            boolean[] pattern = randomPattern(rng, data);
            double[] g = randomVector(rng, 2);
            double best = 0; // max over u in K, ‖u‖ <= 1 of gᵀu (u = 0 is allowed)
            int samples = 200_000;
            for (int k = 0; k < samples; k++) {
                double th = 2 * Math.PI * k / samples;
                double[] u = {Math.cos(th), Math.sin(th)};
                boolean inside = true;
                for (int r = 0; r < data.n() && inside; r++) {
                    double z = Fixtures.dot(data.row(r), u);
                    inside = pattern[r] ? z >= 0 : z <= 0;
                }
                if (inside) best = Math.max(best, Fixtures.dot(g, u));
            }
            double value = new PolyhedralConeProjector(data).project(Fixtures.single(2, pattern), 0, g).norm();
            // A cone of zero width has no sample inside; then the value must be 0 as well.
            assertEquals(best, value, 1e-4 * Fixtures.norm(g), "trial " + trial);
        }
    }

    @Test
    void largeProblemSatisfiesMoreauOptimalityConditions() {
        Random rng = new Random(4);
        int n = 3000, d = 40;
        Dataset data = Fixtures.gaussian(rng, n, d);
        double[] gate = randomVector(rng, d);
        boolean[] pattern = Fixtures.activeRows(data, gate);
        PatternSet single = Fixtures.single(d, pattern);
        PolyhedralConeProjector projector = new PolyhedralConeProjector(data);
        int nonzero = 0;
        for (int trial = 0; trial < 6; trial++) {
            // ±XᵀD v as in σ(v), or a perturbed gate, whose projection is sure to be large.
            double[] v = randomVector(rng, n);
            double[] g = new double[d];
            for (int r = 0; r < n; r++) if (pattern[r]) for (int j = 0; j < d; j++) g[j] += data.get(r, j) * v[r];
            if (trial % 3 == 1) for (int j = 0; j < d; j++) g[j] = -g[j];
            if (trial % 3 == 2) for (int j = 0; j < d; j++) g[j] = 5 * gate[j] + rng.nextGaussian();
            ConeProjection proj = projector.project(single, 0, g);
            double[] z = proj.point();
            double gn = Fixtures.norm(g);
            for (int r = 0; r < n; r++) {
                double s = Fixtures.dot(data.row(r), z) / Fixtures.norm(data.row(r));
                assertTrue((pattern[r] ? s : -s) >= -1e-9 * gn, "z violates row " + r + " by " + s);
            }
            double[] rest = new double[d];
            for (int j = 0; j < d; j++) rest[j] = g[j] - z[j];
            assertEquals(0, Fixtures.dot(z, rest), 1e-9 * gn * gn, "Π_K(g) ⟂ g − Π_K(g)");
            assertTrue(Fixtures.dot(rest, gate) <= 1e-9 * gn * Fixtures.norm(gate), "g − Π_K(g) lies in the polar cone");
            // z is feasible, so gᵀz/‖z‖ is a lower bound on the support value and norm() an upper bound
            // (when z is not just rounding noise around 0).
            if (proj.norm() > 1e-6 * gn) {
                assertEquals(proj.norm(), Fixtures.dot(g, z) / proj.norm(), 1e-9 * gn);
                nonzero++;
            }
            assertTrue(proj.iterations() <= 3 * (n + d));
        }
        assertTrue(nonzero >= 2, "the trials include cones with a nonzero projection");
    }

    @Test
    void stoppingBelowAThresholdStillGivesAnUpperBound() {
        Random rng = new Random(8);
        Dataset data = Fixtures.gaussian(rng, 400, 8);
        PolyhedralConeProjector projector = new PolyhedralConeProjector(data);
        PolyhedralConeProjector.Workspace ws = projector.newWorkspace();
        int stopped = 0;
        for (int trial = 0; trial < 40; trial++) {
            long[] words = Fixtures.single(8, randomPattern(rng, data)).patternWords(0);
            double[] g = randomVector(rng, 8);
            double exact = projector.project(words, 0, g, ws, 0.0).norm();
            for (double factor : new double[] {0.5, 1.0, 1.2, 2, 10}) {
                double threshold = factor * Math.max(exact, 1e-3 * Fixtures.norm(g));
                double bound = projector.project(words, 0, g, ws, threshold).norm();
                assertTrue(bound >= exact * (1 - 1e-12), "an early stop never undercuts the exact value");
                if (bound < threshold) stopped++;
                else assertEquals(exact, bound, 1e-12 * Fixtures.norm(g), "above the threshold the value is exact");
            }
        }
        assertTrue(stopped > 40, "thresholds above the value stop early");
    }

    @Test
    void projectionIsPositivelyHomogeneous() {
        Random rng = new Random(5);
        Dataset data = Fixtures.gaussian(rng, 30, 6);
        PolyhedralConeProjector projector = new PolyhedralConeProjector(data);
        for (int trial = 0; trial < 20; trial++) {
            PatternSet single = Fixtures.single(6, randomPattern(rng, data));
            double[] g = randomVector(rng, 6);
            double[] base = projector.project(single, 0, g).point();
            for (double c : new double[] {1e-9, 0.5, 7, 1e8}) {
                double[] cg = g.clone();
                for (int j = 0; j < cg.length; j++) cg[j] *= c;
                double[] scaled = projector.project(single, 0, cg).point();
                for (int j = 0; j < base.length; j++) assertEquals(c * base[j], scaled[j], 1e-10 * c * Fixtures.norm(g));
            }
        }
    }

    @Test
    void pointsInsideTheConeAndInItsPolarProjectToThemselvesAndToZero() {
        Random rng = new Random(6);
        Dataset data = Fixtures.gaussian(rng, 20, 4);
        double[] gate = randomVector(rng, 4);
        boolean[] pattern = Fixtures.activeRows(data, gate);
        PatternSet single = Fixtures.single(4, pattern);
        PolyhedralConeProjector projector = new PolyhedralConeProjector(data);

        ConeProjection inside = projector.project(single, 0, gate);
        assertArrayEquals(gate, inside.point(), 0.0);
        assertEquals(0, inside.iterations());

        double[] polar = new double[4]; // −Aᵀa with a >= 0
        for (int r = 0; r < 20; r++) {
            double a = rng.nextDouble();
            for (int j = 0; j < 4; j++) polar[j] -= a * (pattern[r] ? 1 : -1) * data.get(r, j);
        }
        assertEquals(0, projector.project(single, 0, polar).norm(), 1e-12 * Fixtures.norm(polar));
        assertEquals(0, projector.project(single, 0, new double[4]).norm(), 0.0);
    }

    @Test
    void rejectsMismatchedArguments() {
        Random rng = new Random(7);
        Dataset data = Fixtures.gaussian(rng, 5, 3);
        PolyhedralConeProjector projector = new PolyhedralConeProjector(data);
        PatternSet single = Fixtures.single(3, new boolean[5]);
        var e1 = assertThrows(IllegalArgumentException.class, () -> projector.project(single, 0, new double[2]));
        assertTrue(e1.getMessage().contains("length 2"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> projector.project(Fixtures.single(3, new boolean[6]), 0, new double[3]));
        assertTrue(e2.getMessage().contains("6 rows"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> projector.project(single, 1, new double[3]));
        assertTrue(e3.getMessage().contains("pattern index 1"), e3.getMessage());
    }
}
