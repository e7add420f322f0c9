package org.cvxnn.solver.lp;

import java.util.Arrays;

/**
 * Max-margin directions of a polyhedral cone {@code {h : A h ≥ 0}}: the LP
 * <pre>  maximise t  s.t.  (A h)_a ≥ t for the margin rows a,  (A h)_a ≥ 0 for the others,  −1 ≤ h ≤ 1.</pre>
 * Used to find interior points of arrangement cells and to repair certificates (ipm.md §5.2, with
 * {@code A = S_i X}).
 *
 * <p>It is solved through its dual, which has only {@code d + 1} rows:
 * minimise {@code ‖Aᵀy‖₁} over {@code y ≥ 0} with {@code Σ_margin rows y_a = 1}, written in standard
 * form with {@code Aᵀy − p + q = 0}, {@code p, q ≥ 0}; the simplex multipliers of that program are
 * {@code (−h, t)}. The LP is always feasible ({@code h = 0, t = 0}) and bounded, so a non-optimal
 * outcome is a numerical failure.
 */
public final class MarginLp {
    private static final SimplexSolver SOLVER = new SimplexSolver();

    private MarginLp() {}

    /**
     * The direction {@code h}, {@code ‖h‖∞ ≤ 1}, maximising {@code min_a (A h)_a}.
     *
     * @param rows {@code n × d} matrix A, column-major ({@code rows[a + j*n]}), e.g. {@code S_i X}
     * @throws IllegalArgumentException if the sizes do not match
     * @throws IllegalStateException if the LP solver fails numerically
     */
    public static double[] maxMarginDirection(double[] rows, int n, int d) {
        boolean[] all = new boolean[Math.max(n, 0)];
        Arrays.fill(all, true);
        return maxMarginDirection(rows, n, d, all);
    }

    /**
     * The direction {@code h}, {@code ‖h‖∞ ≤ 1}, maximising {@code min (A h)_a} over the rows with
     * {@code withMargin[a]}, subject to {@code (A h)_a ≥ 0} on the other rows. If no direction gives
     * a positive margin, the returned {@code h} has margin ≤ 0 (typically {@code h = 0}).
     *
     * @param rows       {@code n × d} matrix A, column-major
     * @param withMargin which rows must reach the margin; at least one must be true
     * @throws IllegalArgumentException if the sizes do not match or no row has a margin
     * @throws IllegalStateException if the LP solver fails numerically
     */
    public static double[] maxMarginDirection(double[] rows, int n, int d, boolean[] withMargin) {
        if (n < 1) throw new IllegalArgumentException("need at least one row, got n = " + n);
        if (d < 1) throw new IllegalArgumentException("need at least one column, got d = " + d);
        if (rows.length != (long) n * d)
            throw new IllegalArgumentException("rows has " + rows.length + " values, expected n*d = " + n + "*" + d);
        if (withMargin.length != n)
            throw new IllegalArgumentException("withMargin has " + withMargin.length + " entries, expected n = " + n);
        int m = d + 1;
        int cols = n + 2 * d;
        double[] a = new double[m * cols];
        boolean anyMargin = false;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) a[r * m + j] = rows[r + j * n];
            if (withMargin[r]) {
                a[r * m + d] = 1.0;
                anyMargin = true;
            }
        }
        if (!anyMargin) throw new IllegalArgumentException("withMargin selects no row; at least one row must reach the margin");
        double[] c = new double[cols];
        for (int j = 0; j < d; j++) {
            a[(n + j) * m + j] = -1.0;      // p_j
            a[(n + d + j) * m + j] = 1.0;   // q_j
            c[n + j] = 1.0;
            c[n + d + j] = 1.0;
        }
        double[] b = new double[m];
        b[d] = 1.0;
        double[] upper = new double[cols];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        LpSolution s = SOLVER.solve(new StandardFormLp(m, cols, a, b, c, new double[cols], upper));
        if (s.status() != LpStatus.OPTIMAL)
            throw new IllegalStateException("the max-margin LP (" + n + " rows, " + d + " columns) ended with status " + s.status());
        double[] h = new double[d];
        for (int j = 0; j < d; j++) h[j] = Math.max(-1.0, Math.min(1.0, -s.duals()[j]));
        return h;
    }

    /** The margin {@code min_a (A h)_a} of direction {@code h} over all n rows of A ({@code n × d}, column-major). */
    public static double margin(double[] rows, int n, int d, double[] h) {
        double margin = Double.POSITIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int l = 0; l < d; l++) s += rows[r + l * n] * h[l];
            margin = Math.min(margin, s);
        }
        return margin;
    }
}
