package org.cvxnn.solver.lp;

import java.util.Arrays;

/**
 * The explicit inverse of an m×m basis matrix, kept up to date by product-form pivots and rebuilt
 * from scratch by Gauss–Jordan elimination with partial pivoting. Stored row-major.
 */
final class BasisInverse {
    private final int m;
    private final double[] inv;
    private final double[] work;

    BasisInverse(int m) {
        this.m = m;
        this.inv = new double[m * m];
        this.work = new double[m * m];
    }

    /** Sets this to the inverse of the diagonal matrix {@code diag(d)}. */
    void setDiagonal(double[] d) {
        Arrays.fill(inv, 0.0);
        for (int i = 0; i < m; i++) inv[i * m + i] = 1.0 / d[i];
    }

    /**
     * Replaces this by the inverse of {@code b} (row-major, overwritten).
     *
     * @return false if a pivot fell below {@code singularTol} times the largest entry of its column
     */
    boolean invert(double[] b, double singularTol) {
        double[] e = work;
        Arrays.fill(e, 0.0);
        for (int i = 0; i < m; i++) e[i * m + i] = 1.0;
        for (int k = 0; k < m; k++) {
            int p = k;
            double best = Math.abs(b[k * m + k]);
            double colMax = best;
            for (int i = k + 1; i < m; i++) {
                double v = Math.abs(b[i * m + k]);
                colMax = Math.max(colMax, v);
                if (v > best) { best = v; p = i; }
            }
            if (best == 0.0 || best < singularTol * colMax || best < 1e-300) return false;
            if (p != k) { swapRows(b, p, k); swapRows(e, p, k); }
            double piv = b[k * m + k];
            for (int j = 0; j < m; j++) { b[k * m + j] /= piv; e[k * m + j] /= piv; }
            for (int i = 0; i < m; i++) {
                double f = b[i * m + k];
                if (i == k || f == 0.0) continue;
                for (int j = 0; j < m; j++) { b[i * m + j] -= f * b[k * m + j]; e[i * m + j] -= f * e[k * m + j]; }
            }
        }
        System.arraycopy(e, 0, inv, 0, m * m);
        return true;
    }

    private void swapRows(double[] a, int p, int q) {
        for (int j = 0; j < m; j++) {
            double t = a[p * m + j];
            a[p * m + j] = a[q * m + j];
            a[q * m + j] = t;
        }
    }

    /** {@code out = B⁻¹ v}. */
    void solve(double[] v, double[] out) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) s += inv[i * m + j] * v[j];
            out[i] = s;
        }
    }

    /** {@code out = B⁻¹ e_i · scale} (a column of the inverse). */
    void column(int i, double scale, double[] out) {
        for (int k = 0; k < m; k++) out[k] = inv[k * m + i] * scale;
    }

    /** {@code out = B⁻ᵀ v}. */
    void solveTransposed(double[] v, double[] out) {
        Arrays.fill(out, 0.0);
        for (int i = 0; i < m; i++) {
            double vi = v[i];
            if (vi == 0.0) continue;
            for (int j = 0; j < m; j++) out[j] += vi * inv[i * m + j];
        }
    }

    /** Updates the inverse after column {@code r} of B was replaced by a column with {@code B⁻¹a = alpha}. */
    void pivot(int r, double[] alpha) {
        double ar = alpha[r];
        for (int j = 0; j < m; j++) inv[r * m + j] /= ar;
        for (int i = 0; i < m; i++) {
            double f = alpha[i];
            if (i == r || f == 0.0) continue;
            for (int j = 0; j < m; j++) inv[i * m + j] -= f * inv[r * m + j];
        }
    }
}
