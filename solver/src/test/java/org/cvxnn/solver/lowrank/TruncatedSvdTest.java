package org.cvxnn.solver.lowrank;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruncatedSvdTest {

    static double[] gaussian(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int k = 0; k < len; k++) a[k] = r.nextGaussian();
        return a;
    }

    @ParameterizedTest
    @CsvSource({"30, 6, 2", "7, 12, 3", "25, 4, 1", "9, 5, 5"})
    void truncationIsOrthonormalAndItsErrorIsTheNextSingularValue(int n, int d, int k) {
        double[] a = gaussian(n * d, 11L * n + d);
        TruncatedSvd svd = TruncatedSvd.of(n, d, a, k);
        assertOrthonormal(svd.u(), n, k);
        assertOrthonormal(svd.v(), d, k);
        double[] s = svd.singularValues();
        for (int l = 1; l < s.length; l++) assertTrue(s[l] <= s[l - 1] && s[l] >= 0, "not descending at " + l);

        double[] err = a.clone();
        double[] ak = svd.approximation();
        for (int t = 0; t < err.length; t++) err[t] -= ak[t];
        double tail = 0, total = 0;
        for (int l = 0; l < s.length; l++) {
            total += s[l] * s[l];
            if (l >= k) tail += s[l] * s[l];
        }
        assertEquals(total, sumSquares(a), 1e-10 * total, "‖A‖_F² = Σσ²");
        assertEquals(tail, sumSquares(err), 1e-10 * total, "‖A − A_k‖_F² = Σ_{l>k} σ_l²");
        assertEquals(svd.next(), spectralNorm(err, n, d), 1e-8 * s[0], "‖A − A_k‖₂ = σ_{k+1} (power iteration)");
        // A V_k = U_k Σ_k
        double[] av = new double[n * k], z = svd.scores();
        for (int l = 0; l < k; l++)
            for (int j = 0; j < d; j++)
                for (int i = 0; i < n; i++) av[i + l * n] += a[i + j * n] * svd.v()[j + l * d];
        for (int t = 0; t < av.length; t++) assertEquals(z[t], av[t], 1e-12 * s[0] * Math.sqrt(n * d));
    }

    @Test
    void numericalRankOfAnExactlyLowRankMatrix() {
        int n = 40, d = 7, r = 3;
        double[] g = gaussian(n * r, 1), h = gaussian(r * d, 2), a = new double[n * d];
        for (int j = 0; j < d; j++)
            for (int l = 0; l < r; l++)
                for (int i = 0; i < n; i++) a[i + j * n] += g[i + l * n] * h[l + j * r];
        TruncatedSvd svd = TruncatedSvd.of(n, d, a, r);
        assertEquals(r, svd.numericalRank());
        assertTrue(svd.next() < 1e-12 * svd.singularValues()[0], "σ_{r+1} = " + svd.next());
        assertEquals(0, TruncatedSvd.of(3, 2, new double[6], 1).numericalRank());
        assertEquals(2, svd.truncated(2).k());
        assertEquals(svd.singularValues()[2], svd.truncated(2).next(), 0);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> TruncatedSvd.of(3, 2, new double[6], 3));
        assertThrows(IllegalArgumentException.class, () -> TruncatedSvd.of(3, 2, new double[6], -1));
        assertThrows(IllegalArgumentException.class, () -> TruncatedSvd.of(3, 2, new double[5], 1));
        assertThrows(IllegalArgumentException.class, () -> TruncatedSvd.of(3, 2, new double[6], 1).truncated(2));
    }

    private static void assertOrthonormal(double[] q, int rows, int cols) {
        for (int a = 0; a < cols; a++)
            for (int b = 0; b < cols; b++) {
                double s = 0;
                for (int i = 0; i < rows; i++) s += q[i + a * rows] * q[i + b * rows];
                assertEquals(a == b ? 1 : 0, s, 1e-12, "column " + a + " · column " + b);
            }
    }

    private static double sumSquares(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }

    /** ‖E‖₂ by power iteration on EᵀE from a fixed start, run to convergence. */
    private static double spectralNorm(double[] e, int n, int d) {
        double[] v = gaussian(d, 99);
        double lambda = 0;
        for (int it = 0; it < 20_000; it++) {
            double[] ev = new double[n];
            for (int j = 0; j < d; j++)
                for (int i = 0; i < n; i++) ev[i] += e[i + j * n] * v[j];
            double[] w = new double[d];
            for (int j = 0; j < d; j++)
                for (int i = 0; i < n; i++) w[j] += e[i + j * n] * ev[i];
            double len = Math.sqrt(sumSquares(w));
            if (len == 0) return 0;
            for (int j = 0; j < d; j++) w[j] /= len;
            double prev = lambda;
            lambda = len;
            v = w;
            if (Math.abs(lambda - prev) <= 1e-15 * lambda) break;
        }
        return Math.sqrt(lambda);
    }
}
