package org.cvxnn.solver.arrangement;

import java.util.Arrays;
import org.cvxnn.solver.data.Dataset;

/**
 * The data in coordinates of its row space: a thin SVD {@code X = U Σ Vᵀ} by one-sided (Hestenes)
 * Jacobi rotations of the columns of X, truncated at the numerical rank
 * {@code r = #{σ_k > max(n, d)·ε·σ_max}} (LAPACK's default rank tolerance, ε = 2⁻⁵²).
 *
 * <p>Patterns are unchanged by the reduction: for a gate {@code g = V_r h}, {@code X g = Z h} with
 * {@code Z = X V_r = U_r Σ_r}, and every cell of R^d is a cell of R^r times the null space of X
 * (formulations §6.2). Cost O(sweeps·n·d²), typically 5–10 sweeps.
 */
final class RankReduction {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 60;

    /**
     * @param rank  numerical rank r
     * @param rows  {@code Z = X V_r}, row-major: row i is {@code rows[i*r .. i*r + r)}
     * @param basis {@code V_r}, {@code d × r} column-major, orthonormal columns
     */
    record Reduced(int rank, double[] rows, double[] basis) {}

    private RankReduction() {}

    static Reduced of(Dataset data) {
        int n = data.n(), d = data.d();
        double[] a = data.x().clone();
        double[] v = new double[d * d];
        for (int k = 0; k < d; k++) v[k + k * d] = 1.0;
        double orthTol = Math.max(n, 1) * EPS;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    rotated |= orthogonalise(a, n, p, q, v, d, orthTol);
                }
            }
            if (!rotated) break;
        }
        double[] sigma = new double[d];
        for (int k = 0; k < d; k++) sigma[k] = Math.sqrt(dot(a, k * n, a, k * n, n));
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Double.compare(sigma[q], sigma[p]));
        double threshold = Math.max(n, d) * EPS * sigma[order[0]];
        int r = 0;
        while (r < d && sigma[order[r]] > threshold) r++;
        double[] rows = new double[n * r];
        double[] basis = new double[d * r];
        for (int k = 0; k < r; k++) {
            int c = order[k];
            for (int i = 0; i < n; i++) rows[i * r + k] = a[i + c * n];
            System.arraycopy(v, c * d, basis, k * d, d);
        }
        return new Reduced(r, rows, basis);
    }

    /** Rotates columns p, q of {@code a} (and of {@code v}) to make them orthogonal; false if they already are. */
    private static boolean orthogonalise(double[] a, int n, int p, int q, double[] v, int d, double tol) {
        double alpha = dot(a, p * n, a, p * n, n);
        double beta = dot(a, q * n, a, q * n, n);
        double gamma = dot(a, p * n, a, q * n, n);
        if (gamma == 0.0 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) return false;
        double zeta = (beta - alpha) / (2 * gamma);
        double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.hypot(1.0, zeta));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = c * t;
        rotate(a, p * n, q * n, n, c, s);
        rotate(v, p * d, q * d, d, c, s);
        return true;
    }

    private static void rotate(double[] m, int p, int q, int len, double c, double s) {
        for (int i = 0; i < len; i++) {
            double x = m[p + i], y = m[q + i];
            m[p + i] = c * x - s * y;
            m[q + i] = s * x + c * y;
        }
    }

    private static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) s += x[xo + i] * y[yo + i];
        return s;
    }
}
