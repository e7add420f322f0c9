package org.cvxnn.solver.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimplexSolverTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final SimplexSolver solver = new SimplexSolver();

    /** Column-major matrix from rows. */
    static double[] colMajor(double[][] rows) {
        int m = rows.length, n = rows[0].length;
        double[] a = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) a[i + j * m] = rows[i][j];
        return a;
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void textbookLpWithSlacks() {
        // max x + y s.t. x + 2y <= 4, 3x + y <= 6, x, y >= 0  ->  (1.6, 1.2), value 2.8
        StandardFormLp lp = new StandardFormLp(2, 4, colMajor(new double[][] {{1, 2, 1, 0}, {3, 1, 0, 1}}),
                new double[] {4, 6}, new double[] {-1, -1, 0, 0}, new double[4], filled(4, INF));
        LpSolution s = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, s.status());
        assertArrayEquals(new double[] {1.6, 1.2, 0, 0}, s.x(), 1e-12);
        assertEquals(-2.8, s.objective(), 1e-12);
        assertArrayEquals(new double[] {-0.4, -0.2}, s.duals(), 1e-12);
        assertCertificate(lp, s);
    }

    @Test
    void boxedAndFreeVariables() {
        // min x1 - x2 s.t. x1 + x2 = 1, -2 <= x1 <= 3, x2 free  ->  x1 = -2, x2 = 3, value -5
        StandardFormLp lp = new StandardFormLp(1, 2, new double[] {1, 1}, new double[] {1}, new double[] {1, -1},
                new double[] {-2, -INF}, new double[] {3, INF});
        LpSolution s = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, s.status());
        assertArrayEquals(new double[] {-2, 3}, s.x(), 1e-12);
        assertEquals(-5, s.objective(), 1e-12);
        assertCertificate(lp, s);
    }

    @Test
    void upperBoundsOnlyAndBoundFlips() {
        // max x1 + 2 x2 + 3 x3 s.t. x1 + x2 + x3 = 2, x <= 1 (no lower bound on x1, x2; x3 >= 0)
        StandardFormLp lp = new StandardFormLp(1, 3, new double[] {1, 1, 1}, new double[] {2},
                new double[] {-1, -2, -3}, new double[] {-INF, -INF, 0}, new double[] {1, 1, 1});
        LpSolution s = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, s.status());
        assertArrayEquals(new double[] {0, 1, 1}, s.x(), 1e-12);
        assertCertificate(lp, s);
    }

    @Test
    void infeasible() {
        StandardFormLp lp = new StandardFormLp(1, 2, new double[] {1, 1}, new double[] {-1}, new double[] {1, 1},
                new double[2], filled(2, INF));
        assertEquals(LpStatus.INFEASIBLE, solver.solve(lp).status());
    }

    @Test
    void infeasibleBoxes() {
        // x1 - x2 = 3 with both in [0, 1]
        StandardFormLp lp = new StandardFormLp(1, 2, new double[] {1, -1}, new double[] {3}, new double[] {0, 0},
                new double[2], new double[] {1, 1});
        assertEquals(LpStatus.INFEASIBLE, solver.solve(lp).status());
    }

    @Test
    void unbounded() {
        StandardFormLp lp = new StandardFormLp(1, 2, new double[] {1, -1}, new double[] {0}, new double[] {-1, 0},
                new double[2], filled(2, INF));
        assertEquals(LpStatus.UNBOUNDED, solver.solve(lp).status());
    }

    @Test
    void bealesCyclingExampleTerminates() {
        // Beale (1955): cycles under Dantzig's rule with naive tie-breaking; optimum -5/4
        double[][] rows = {
                {1, 0, 0, 0.25, -8, -1, 9},
                {0, 1, 0, 0.5, -12, -0.5, 3},
                {0, 0, 1, 0, 0, 1, 0}};
        StandardFormLp lp = new StandardFormLp(3, 7, colMajor(rows), new double[] {0, 0, 1},
                new double[] {0, 0, 0, -0.75, 20, -0.5, 6}, new double[7], filled(7, INF));
        LpSolution s = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, s.status());
        assertEquals(-1.25, s.objective(), 1e-12);
        assertCertificate(lp, s);
    }

    @Test
    void redundantRowsKeepAnArtificialAtZero() {
        // the second row is twice the first
        StandardFormLp lp = new StandardFormLp(2, 3, colMajor(new double[][] {{1, 1, 1}, {2, 2, 2}}),
                new double[] {1, 2}, new double[] {3, 1, 2}, new double[3], filled(3, INF));
        LpSolution s = solver.solve(lp);
        assertEquals(LpStatus.OPTIMAL, s.status());
        assertEquals(1.0, s.objective(), 1e-12);
        assertCertificate(lp, s);
    }

    @Test
    void randomBoundedLpsHaveMatchingPrimalAndDualCertificates() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + rnd.nextInt(8);
            int n = m + rnd.nextInt(16);
            StandardFormLp lp = randomBoundedLp(rnd, m, n, trial % 5 == 0);
            LpSolution s = solver.solve(lp);
            assertEquals(LpStatus.OPTIMAL, s.status(), "trial " + trial);
            assertCertificate(lp, s);
        }
    }

    @Test
    void randomDegenerateLpsWithIntegerData() {
        // small integer data give many ties and degenerate vertices
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int m = 2 + rnd.nextInt(6);
            int n = m + 2 + rnd.nextInt(10);
            double[] a = new double[m * n];
            for (int k = 0; k < a.length; k++) a[k] = rnd.nextInt(5) - 2;
            double[] x0 = new double[n];
            for (int j = 0; j < n; j++) x0[j] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(3);
            double[] b = times(a, m, n, x0);
            double[] c = new double[n];
            for (int j = 0; j < n; j++) c[j] = rnd.nextInt(5) - 2;
            StandardFormLp lp = new StandardFormLp(m, n, a, b, c, new double[n], filled(n, 3));
            LpSolution s = solver.solve(lp);
            assertEquals(LpStatus.OPTIMAL, s.status(), "trial " + trial);
            assertCertificate(lp, s);
        }
    }

    @Test
    void iterationLimitIsReported() {
        SplittableRandom rnd = new SplittableRandom(3);
        StandardFormLp lp = randomBoundedLp(rnd, 6, 20, false);
        LpSolution s = new SimplexSolver(new LpSettings(1e-9, 1e-9, 1e-9, 1, 50)).solve(lp);
        assertEquals(LpStatus.ITERATION_LIMIT, s.status());
    }

    @Test
    void invalidInputIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StandardFormLp(
                1, 2, new double[] {1, 1}, new double[] {1}, new double[] {0, 0}, new double[] {0, 2}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("variable 1 has invalid bounds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StandardFormLp(
                2, 2, new double[] {1, 1}, new double[] {1}, new double[] {0, 0}, new double[2], new double[2]));
        assertTrue(e.getMessage().contains("expected rows*cols = 2*2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LpSettings(0, 1e-9, 1e-9, 10, 10));
        assertTrue(e.getMessage().contains("feasibilityTol"), e.getMessage());
    }

    /**
     * A random feasible LP whose dual is feasible too (so it is bounded): {@code b = A x0} with
     * {@code x0} within the bounds, and {@code c = Aᵀy0 + z} with {@code z} of a sign each bound allows.
     */
    static StandardFormLp randomBoundedLp(SplittableRandom rnd, int m, int n, boolean duplicateRow) {
        double[] a = new double[m * n];
        for (int k = 0; k < a.length; k++) a[k] = rnd.nextGaussian();
        if (duplicateRow && m > 1) for (int j = 0; j < n; j++) a[m - 1 + j * m] = 2 * a[j * m];
        double[] lo = new double[n], hi = new double[n], x0 = new double[n], z = new double[n];
        for (int j = 0; j < n; j++) {
            int kind = rnd.nextInt(4);
            double l = rnd.nextDouble(-2, 2);
            switch (kind) {
                case 0 -> { lo[j] = l; hi[j] = l + rnd.nextDouble(0.1, 3); z[j] = rnd.nextGaussian(); }
                case 1 -> { lo[j] = l; hi[j] = INF; z[j] = Math.abs(rnd.nextGaussian()); }
                case 2 -> { lo[j] = -INF; hi[j] = l; z[j] = -Math.abs(rnd.nextGaussian()); }
                default -> { lo[j] = -INF; hi[j] = INF; z[j] = 0; }
            }
            double from = Double.isFinite(lo[j]) ? lo[j] : hi[j] - 2, to = Double.isFinite(hi[j]) ? hi[j] : from + 2;
            if (!Double.isFinite(from)) { from = -1; to = 1; }
            x0[j] = rnd.nextDouble(from, to + 1e-12);
        }
        double[] b = times(a, m, n, x0);
        double[] y0 = new double[m];
        for (int i = 0; i < m; i++) y0[i] = rnd.nextGaussian();
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            double s = z[j];
            for (int i = 0; i < m; i++) s += a[i + j * m] * y0[i];
            c[j] = s;
        }
        return new StandardFormLp(m, n, a, b, c, lo, hi);
    }

    static double[] times(double[] a, int m, int n, double[] x) {
        double[] r = new double[m];
        for (int j = 0; j < n; j++) for (int i = 0; i < m; i++) r[i] += a[i + j * m] * x[j];
        return r;
    }

    /** Primal feasibility, dual feasibility and equal objectives. */
    static void assertCertificate(StandardFormLp lp, LpSolution s) {
        int m = lp.rows(), n = lp.cols();
        double scale = 1;
        for (double v : lp.a()) scale = Math.max(scale, Math.abs(v));
        double[] ax = times(lp.a(), m, n, s.x());
        for (int i = 0; i < m; i++) assertEquals(lp.b()[i], ax[i], 1e-8 * scale, "primal residual of row " + i);
        double dualObjective = 0;
        for (int i = 0; i < m; i++) dualObjective += lp.b()[i] * s.duals()[i];
        for (int j = 0; j < n; j++) {
            double x = s.x()[j];
            assertTrue(x >= lp.lower()[j] - 1e-8 && x <= lp.upper()[j] + 1e-8, "variable " + j + " = " + x + " out of bounds");
            double d = lp.c()[j];
            for (int i = 0; i < m; i++) d -= lp.a()[i + j * m] * s.duals()[i];
            if (d > 1e-8) {
                assertTrue(Double.isFinite(lp.lower()[j]), "reduced cost " + d + " > 0 needs a finite lower bound, variable " + j);
                dualObjective += d * lp.lower()[j];
            } else if (d < -1e-8) {
                assertTrue(Double.isFinite(lp.upper()[j]), "reduced cost " + d + " < 0 needs a finite upper bound, variable " + j);
                dualObjective += d * lp.upper()[j];
            }
        }
        assertEquals(s.objective(), dualObjective, 1e-7 * Math.max(1, Math.abs(s.objective())), "duality gap");
    }
}
