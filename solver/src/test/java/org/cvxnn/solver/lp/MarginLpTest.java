package org.cvxnn.solver.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginLpTest {

    static double margin(double[] rows, int n, int d, double[] h, boolean[] sel) {
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += rows[a + j * n] * h[j];
            if (sel[a]) min = Math.min(min, s);
            else assertTrue(s >= -1e-9, "row " + a + " without margin must stay >= 0, got " + s);
        }
        return min;
    }

    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    @Test
    void handSolvedCones() {
        // rows e1, e2: h = (1, 1), margin 1
        assertArrayEquals(new double[] {1, 1}, MarginLp.maxMarginDirection(new double[] {1, 0, 0, 1}, 2, 2), 1e-12);
        // rows (1, 1), (1, -1): h = (1, 0), margin 1
        double[] h = MarginLp.maxMarginDirection(new double[] {1, 1, 1, -1}, 2, 2);
        assertEquals(1.0, margin(new double[] {1, 1, 1, -1}, 2, 2, h, all(2)), 1e-12);
        // rows (1, 0), (-1, 0): the cone is a line, margin 0
        h = MarginLp.maxMarginDirection(new double[] {1, -1, 0, 0}, 2, 2);
        assertEquals(0.0, margin(new double[] {1, -1, 0, 0}, 2, 2, h, all(2)), 1e-12);
    }

    @Test
    void selectedRowsOnly() {
        // rows (1, 0) with margin, (-1, 1) only >= 0: h = (1, 1), margin 1
        double[] rows = {1, -1, 0, 1};
        boolean[] sel = {true, false};
        double[] h = MarginLp.maxMarginDirection(rows, 2, 2, sel);
        assertEquals(1.0, margin(rows, 2, 2, h, sel), 1e-12);
    }

    /** The margin found through the dual equals the optimum of the primal LP solved directly. */
    @Test
    void randomConesAgreeWithThePrimalFormulation() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(40);
            double[] rows = new double[n * d];
            double[] center = new double[d];
            for (int j = 0; j < d; j++) center[j] = rnd.nextGaussian();
            for (int k = 0; k < rows.length; k++) rows[k] = rnd.nextGaussian() + (trial % 2 == 0 ? center[k / n] : 0);
            boolean[] sel = all(n);
            if (trial % 3 == 0) for (int a = 1; a < n; a++) sel[a] = rnd.nextBoolean();
            double[] h = MarginLp.maxMarginDirection(rows, n, d, sel);
            for (double v : h) assertTrue(Math.abs(v) <= 1.0);
            assertEquals(primalOptimum(rows, n, d, sel), margin(rows, n, d, h, sel), 1e-8, "trial " + trial);
        }
    }

    /** max t s.t. A h − [sel] t − s = 0, s ≥ 0, −1 ≤ h ≤ 1, t free; as min −t. */
    static double primalOptimum(double[] rows, int n, int d, boolean[] sel) {
        int cols = d + 1 + n;
        double[] a = new double[n * cols];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) a[r + j * n] = rows[r + j * n];
            a[r + d * n] = sel[r] ? -1 : 0;
            a[r + (d + 1 + r) * n] = -1;
        }
        double[] c = new double[cols];
        c[d] = -1;
        double[] lo = new double[cols], hi = new double[cols];
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        for (int j = 0; j < d; j++) { lo[j] = -1; hi[j] = 1; }
        lo[d] = Double.NEGATIVE_INFINITY;
        LpSolution s = new SimplexSolver().solve(new StandardFormLp(n, cols, a, new double[n], c, lo, hi));
        assertEquals(LpStatus.OPTIMAL, s.status());
        return -s.objective();
    }

    @Test
    void degenerateAndLargerConesAgreeWithThePrimalFormulation() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 40; trial++) {
            int d = 2 + rnd.nextInt(4), n = 5 + rnd.nextInt(30);
            double[] rows = new double[n * d];
            for (int k = 0; k < rows.length; k++) rows[k] = rnd.nextInt(5) - 1; // small integers: ties, repeats, zero rows
            double[] h = MarginLp.maxMarginDirection(rows, n, d);
            assertEquals(primalOptimum(rows, n, d, all(n)), margin(rows, n, d, h, all(n)), 1e-9, "trial " + trial);
        }
        int n = 120, d = 10;
        double[] rows = new double[n * d];
        for (int k = 0; k < rows.length; k++) rows[k] = rnd.nextGaussian() + (k / n == 0 ? 3 : 0);
        double[] h = MarginLp.maxMarginDirection(rows, n, d);
        double best = primalOptimum(rows, n, d, all(n));
        assertTrue(best > 0);
        assertEquals(best, margin(rows, n, d, h, all(n)), 1e-9);
    }

    @Test
    void invalidArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarginLp.maxMarginDirection(new double[5], 2, 3));
        assertTrue(e.getMessage().contains("expected n*d = 2*3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MarginLp.maxMarginDirection(new double[4], 2, 2, new boolean[2]));
        assertTrue(e.getMessage().contains("selects no row"), e.getMessage());
    }

    @Test
    void marginIsTheSmallestRowValue() {
        // rows (1, 0), (0, 2), (-1, 1) column-major; h = (1, 1): row values 1, 2, 0
        double[] rows = {1, 0, -1, 0, 2, 1};
        assertEquals(0.0, MarginLp.margin(rows, 3, 2, new double[] {1, 1}), 0.0);
        assertEquals(-1.0, MarginLp.margin(rows, 3, 2, new double[] {-1, 0}), 0.0);
    }
}
