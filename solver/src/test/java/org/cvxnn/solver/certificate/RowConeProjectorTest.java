package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class RowConeProjectorTest {

    private static double[][] randomRows(Random rng, int rows, int dim) {
        double[][] k = new double[rows][dim];
        for (double[] row : k) for (int j = 0; j < dim; j++) row[j] = rng.nextGaussian();
        return k;
    }

    private static double[] flatten(double[][] rows) {
        int dim = rows[0].length;
        double[] k = new double[rows.length * dim];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, k, r * dim, dim);
        return k;
    }

    private static ConeProjection project(double[][] rows, double[] g) {
        return new RowConeProjector(rows.length, rows[0].length, flatten(rows)).project(g);
    }

    private static double[] randomVector(Random rng, int dim) {
        double[] g = new double[dim];
        for (int j = 0; j < dim; j++) g[j] = rng.nextGaussian();
        return g;
    }

    /**
     * {@code min_{a >= 0} ‖g + Kᵀa‖} by enumerating supports: an optimal a can be taken with
     * linearly independent rows on its support S (Carathéodory), where it is the unconstrained least
     * squares solution on S; so the best nonnegative least-squares solution over all S with
     * {@code |S| <= dim} is the optimum. Returns {@code g + Kᵀa}.
     */
    private static double[] nnlsBySupportEnumeration(double[][] rows, double[] g) {
        int m = rows.length, dim = g.length;
        double[] best = g.clone();
        double bestNorm = Fixtures.norm(g);
        for (int mask = 1; mask < (1 << m); mask++) {
            int k = Integer.bitCount(mask);
            if (k > dim) continue;
            int[] s = new int[k];
            for (int r = 0, p = 0; r < m; r++) if ((mask >>> r & 1) != 0) s[p++] = r;
            double[][] normal = new double[k][k + 1];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) normal[a][b] = Fixtures.dot(rows[s[a]], rows[s[b]]);
                normal[a][k] = -Fixtures.dot(rows[s[a]], g);
            }
            double[] a = Fixtures.solve(normal);
            if (a == null) continue;
            boolean nonnegative = true;
            for (double v : a) nonnegative &= v >= 0;
            if (!nonnegative) continue;
            double[] z = g.clone();
            for (int p = 0; p < k; p++) for (int j = 0; j < dim; j++) z[j] += a[p] * rows[s[p]][j];
            double norm = Fixtures.norm(z);
            if (norm < bestNorm) {
                bestNorm = norm;
                best = z;
            }
        }
        return best;
    }

    /** Moreau/KKT conditions: p ∈ K, ‖p‖ <= ‖g‖, pᵀ(g − p) = 0, and g − p has no positive correlation with sampled points of K. */
    private static void assertKkt(double[][] rows, double[] g, double[] p, Random rng, String label) {
        double scale = Fixtures.norm(g);
        for (double[] row : rows) assertTrue(Fixtures.dot(row, p) >= -1e-9 * scale * Fixtures.norm(row), label + ": p outside K");
        double[] residual = new double[g.length];
        for (int j = 0; j < g.length; j++) residual[j] = g[j] - p[j];
        assertEquals(0.0, Fixtures.dot(p, residual), 1e-9 * scale * scale, label + ": complementarity");
        int found = 0;
        for (int trial = 0; trial < 2000 && found < 50; trial++) {
            double[] u = randomVector(rng, g.length);
            boolean inside = true;
            for (double[] row : rows) inside &= Fixtures.dot(row, u) >= 0;
            if (!inside) continue;
            found++;
            assertTrue(Fixtures.dot(residual, u) <= 1e-9 * scale * Fixtures.norm(u), label + ": g − p not in the polar cone");
        }
    }

    @Test
    void matchesSupportEnumerationAndKktOnRandomCones() {
        Random rng = new Random(11);
        int[][] shapes = {{2, 3}, {3, 5}, {4, 8}, {4, 10}, {6, 9}};
        for (int[] shape : shapes) {
            for (int trial = 0; trial < 30; trial++) {
                double[][] rows = randomRows(rng, shape[1], shape[0]);
                double[] g = randomVector(rng, shape[0]);
                String label = "dim=" + shape[0] + " rows=" + shape[1] + " trial " + trial;
                ConeProjection p = project(rows, g);
                double[] expected = nnlsBySupportEnumeration(rows, g);
                assertArrayEquals(expected, p.point(), 1e-9 * Fixtures.norm(g), label);
                assertKkt(rows, g, p.point(), rng, label);
            }
        }
    }

    @Test
    void handlesDependentOppositeAndZeroRows() {
        // Duplicated, scaled and opposite rows (a hyperplane inside the cone) and zero rows.
        double[][] rows = {{1, 0.5, -0.2, 0}, {1, 0.5, -0.2, 0}, {2, 1, -0.4, 0}, {-1, -0.5, 0.2, 0}, {0, 0, 0, 0},
                {0.3, -1, 0.7, 0.1}, {-0.2, 0.4, 1, -1}, {0, 0, 0, 1}};
        Random rng = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            double[] g = randomVector(rng, 4);
            ConeProjection p = project(rows, g);
            assertArrayEquals(nnlsBySupportEnumeration(rows, g), p.point(), 1e-9 * Fixtures.norm(g), "trial " + trial);
            assertKkt(rows, g, p.point(), rng, "trial " + trial);
        }
    }

    @Test
    void agreesWithThePatternConeProjector() {
        Random rng = new Random(13);
        for (int trial = 0; trial < 50; trial++) {
            Dataset data = Fixtures.gaussian(rng, 9, 3);
            boolean[] pattern = Fixtures.activeRows(data, randomVector(rng, 3));
            double[][] rows = new double[data.n()][];
            for (int r = 0; r < data.n(); r++) {
                rows[r] = data.row(r);
                if (!pattern[r]) for (int j = 0; j < 3; j++) rows[r][j] = -rows[r][j];
            }
            double[] g = randomVector(rng, 3);
            ConeProjection expected = new PolyhedralConeProjector(data).project(Fixtures.single(3, pattern), 0, g);
            assertArrayEquals(expected.point(), project(rows, g).point(), 1e-10 * Fixtures.norm(g), "trial " + trial);
        }
    }

    @Test
    void trivialCones() {
        double[] g = {0.3, -2, 1};
        // Only zero rows: K is the whole space.
        assertArrayEquals(g, project(new double[][] {{0, 0, 0}}, g).point(), 0.0);
        // ±e_j for every j: K = {0}.
        double[][] origin = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        assertEquals(0.0, project(origin, g).norm(), 1e-12);
        // The nonnegative orthant: the positive part.
        assertArrayEquals(new double[] {0.3, 0, 1}, project(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, g).point(), 1e-12);
        assertEquals(0.0, project(origin, new double[3]).norm(), 0.0);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RowConeProjector(2, 3, new double[5]));
        assertTrue(e.getMessage().contains("rows*dim"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RowConeProjector(0, 3, new double[0]));
        assertTrue(e.getMessage().contains("at least one constraint row"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RowConeProjector(1, 2, new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("row 0, column 1"), e.getMessage());
        RowConeProjector cone = new RowConeProjector(1, 2, new double[] {1, 0});
        e = assertThrows(IllegalArgumentException.class, () -> cone.project(new double[3]));
        assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
    }
}
