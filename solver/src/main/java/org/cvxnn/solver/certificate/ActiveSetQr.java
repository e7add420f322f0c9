package org.cvxnn.solver.certificate;

import java.util.Arrays;

/**
 * QR factorisation {@code C = Q R} of a growing and shrinking set of {@code k <= dim} columns in
 * {@code R^dim}, together with {@code Qᵀb} for one right-hand side, so that the least-squares
 * solution {@code argmin_s ‖C s − b‖} costs {@code O(k²)} after each change.
 *
 * <p>Adding a column costs {@code O(dim²)} (one Householder reflector), removing one costs
 * {@code O(dim·k)} (Givens rotations). Orthogonal updates keep the factorisation backward stable
 * over many changes. Not thread-safe; all storage is allocated once.
 */
final class ActiveSetQr {
    private final int dim;
    /** Qᵀ, row-major: row {@code i} is column {@code i} of Q. */
    private final double[] qt;
    /** R, column-major with leading dimension {@code dim}; the first {@code k} columns are used. */
    private final double[] r;
    /** Qᵀ b. */
    private final double[] qtb;
    private final double[] work;
    private final double[] tau;
    private int k;

    ActiveSetQr(int dim) {
        this.dim = dim;
        this.qt = new double[dim * dim];
        this.r = new double[dim * dim];
        this.qtb = new double[dim];
        this.work = new double[dim];
        this.tau = new double[dim];
    }

    /** Empties the column set ({@code Q = I}) and takes {@code b} (length dim) as right-hand side. */
    void reset(double[] b) {
        Arrays.fill(qt, 0.0);
        for (int i = 0; i < dim; i++) qt[i * dim + i] = 1.0;
        System.arraycopy(b, 0, qtb, 0, dim);
        k = 0;
    }

    /** Number of columns currently factored. */
    int size() {
        return k;
    }

    /**
     * Appends {@code column} as column {@code k} unless its distance to the span of the current
     * columns is at most {@code dependenceTol · ‖column‖}; returns whether it was appended (if not,
     * nothing changes).
     */
    boolean add(double[] column, double dependenceTol) {
        if (k == dim) return false;
        double[] v = work;
        double colNorm2 = 0;
        for (int i = 0; i < dim; i++) {
            double s = 0;
            for (int j = 0; j < dim; j++) s += qt[i * dim + j] * column[j];
            v[i] = s;
            colNorm2 += column[i] * column[i];
        }
        double tail2 = 0;
        for (int i = k; i < dim; i++) tail2 += v[i] * v[i];
        double tail = Math.sqrt(tail2);
        if (tail <= dependenceTol * Math.sqrt(colNorm2)) return false;

        // Householder reflector I − scale·w wᵀ on rows k.., w = v[k..] − alpha·e_k, maps v[k..] to alpha·e_k.
        double alpha = v[k] > 0 ? -tail : tail;
        v[k] -= alpha;
        double wNorm2 = 0;
        for (int i = k; i < dim; i++) wNorm2 += v[i] * v[i];
        reflectRows(v, 2.0 / wNorm2);
        int col = k * dim;
        for (int i = 0; i < k; i++) r[col + i] = v[i];
        r[col + k] = alpha;
        for (int i = k + 1; i < dim; i++) r[col + i] = 0.0;
        k++;
        return true;
    }

    /** Applies {@code I − scale·w wᵀ}, {@code w = w[k..dim)}, to rows k.. of Qᵀ and of Qᵀb. */
    private void reflectRows(double[] w, double scale) {
        double t = 0;
        for (int i = k; i < dim; i++) t += w[i] * qtb[i];
        t *= scale;
        for (int i = k; i < dim; i++) qtb[i] -= t * w[i];
        // tau = (rows k.. of Qᵀ)ᵀ w, accumulated row by row for contiguous access.
        Arrays.fill(tau, 0.0);
        for (int i = k; i < dim; i++) {
            double wi = w[i];
            int row = i * dim;
            for (int j = 0; j < dim; j++) tau[j] += wi * qt[row + j];
        }
        for (int i = k; i < dim; i++) {
            double wi = scale * w[i];
            int row = i * dim;
            for (int j = 0; j < dim; j++) qt[row + j] -= wi * tau[j];
        }
    }

    /** Removes the column at {@code position} (0-based); later columns move down by one. */
    void remove(int position) {
        assert position >= 0 && position < k;
        System.arraycopy(r, (position + 1) * dim, r, position * dim, (k - 1 - position) * dim);
        k--;
        for (int p = position; p < k; p++) {
            // Column p now has a nonzero at row p+1: rotate rows (p, p+1) to zero it.
            double a = r[p * dim + p];
            double b = r[p * dim + p + 1];
            double h = Math.hypot(a, b);
            if (h == 0) continue;
            double c = a / h;
            double s = b / h;
            for (int col = p; col < k; col++) {
                double top = r[col * dim + p];
                double bottom = r[col * dim + p + 1];
                r[col * dim + p] = c * top + s * bottom;
                r[col * dim + p + 1] = -s * top + c * bottom;
            }
            r[p * dim + p + 1] = 0.0;
            for (int j = 0; j < dim; j++) {
                double top = qt[p * dim + j];
                double bottom = qt[(p + 1) * dim + j];
                qt[p * dim + j] = c * top + s * bottom;
                qt[(p + 1) * dim + j] = -s * top + c * bottom;
            }
            double top = qtb[p];
            double bottom = qtb[p + 1];
            qtb[p] = c * top + s * bottom;
            qtb[p + 1] = -s * top + c * bottom;
        }
    }

    /** Writes {@code argmin_s ‖C s − b‖} into {@code s[0..k)}. */
    void solve(double[] s) {
        for (int i = k - 1; i >= 0; i--) {
            double acc = qtb[i];
            for (int j = i + 1; j < k; j++) acc -= r[j * dim + i] * s[j];
            s[i] = acc / r[i * dim + i];
        }
    }
}
