package org.cvxnn.solver.baseline;

import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;

/**
 * Unchecked dense kernels on column-major {@code double[]} blocks for the baseline trainers.
 *
 * <p>The loops are plain and unit-stride so that C2 auto-vectorises them; callers check shapes.
 * Row blocks of {@value #ROW_BLOCK} keep the slice of {@code X} that is reused across every
 * output column in L1/L2 when {@code X} itself does not fit.
 */
final class DenseOps {
    private static final int ROW_BLOCK = 256;
    private static final int POWER_ITERATIONS = 200;
    private static final double POWER_TOLERANCE = 1e-9;

    private DenseOps() {}

    /**
     * {@code z = x·w}: {@code x} is rows×d (leading dimension rows), {@code w} is d×m starting at
     * {@code w[wOffset]}, {@code z} is rows×m (leading dimension rows). Overwrites {@code z}.
     */
    static void multiply(double[] x, int rows, int d, double[] w, int wOffset, int m, double[] z) {
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int r1 = Math.min(rows, r0 + ROW_BLOCK);
            for (int j = 0; j < m; j++) {
                int zc = j * rows, wc = wOffset + j * d;
                double w0 = w[wc];
                for (int i = r0; i < r1; i++) z[zc + i] = x[i] * w0;
                for (int k = 1; k < d; k++) {
                    double wk = w[wc + k];
                    int xc = k * rows;
                    for (int i = r0; i < r1; i++) z[zc + i] += x[xc + i] * wk;
                }
            }
        }
    }

    /**
     * {@code g = xᵀ·delta}: {@code x} is rows×d, {@code delta} is rows×m (both leading dimension
     * rows), {@code g} is d×m starting at {@code g[gOffset]}. Overwrites that block of {@code g}.
     */
    static void multiplyTransposed(double[] x, int rows, int d, double[] delta, int m, double[] g, int gOffset) {
        Arrays.fill(g, gOffset, gOffset + d * m, 0.0);
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int len = Math.min(rows, r0 + ROW_BLOCK) - r0;
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < d; k++) {
                    g[gOffset + j * d + k] += dot(x, k * rows + r0, delta, j * rows + r0, len);
                }
            }
        }
    }

    /**
     * {@code Σ a[aOffset+i]·b[bOffset+i]} over {@code len} terms. C2 keeps floating-point sums in
     * program order and so does not vectorise this reduction; four independent accumulators hide the
     * add latency instead.
     */
    static double dot(double[] a, int aOffset, double[] b, int bOffset, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[aOffset + i] * b[bOffset + i];
            s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
            s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
            s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
        }
        for (; i < len; i++) s0 += a[aOffset + i] * b[bOffset + i];
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ a[from..to)²}. */
    static double sumOfSquares(double[] a, int from, int to) {
        return dot(a, from, a, from, to - from);
    }

    /**
     * The largest eigenvalue of {@code XᵀX} (= ‖X‖₂²) by power iteration from a fixed start vector,
     * so the estimate is deterministic. Converges from below; accurate to about 1e-9 relative unless
     * the two top eigenvalues are nearly equal, where it stops after {@value #POWER_ITERATIONS} steps.
     */
    static double largestGramEigenvalue(Dataset data) {
        int n = data.n(), d = data.d();
        double[] x = data.x();
        double[] v = new double[d];
        double[] xv = new double[n];
        // A start vector with unequal positive entries is not orthogonal to the top eigenvector of a generic Gram matrix.
        for (int k = 0; k < d; k++) v[k] = 1.0 + k / (double) d;
        scale(v, 1.0 / Math.sqrt(sumOfSquares(v, 0, d)));
        double lambda = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            multiply(x, n, d, v, 0, 1, xv);
            multiplyTransposed(x, n, d, xv, 1, v, 0);
            double norm = Math.sqrt(sumOfSquares(v, 0, d));
            if (norm == 0) return 0;
            double previous = lambda;
            lambda = norm;
            scale(v, 1.0 / norm);
            if (Math.abs(lambda - previous) <= POWER_TOLERANCE * lambda) break;
        }
        return lambda;
    }

    /** {@code max_i ‖x_i‖²} over the samples (rows) of {@code data}. */
    static double largestRowNormSquared(Dataset data) {
        int n = data.n(), d = data.d();
        double[] x = data.x();
        double best = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += x[i + k * n] * x[i + k * n];
            best = Math.max(best, s);
        }
        return best;
    }

    private static void scale(double[] v, double factor) {
        for (int k = 0; k < v.length; k++) v[k] *= factor;
    }
}
