package org.cvxnn.solver.lowrank;

import java.lang.foreign.Arena;
import java.util.Arrays;

import org.cvxnn.linalg.Lapack;
import org.cvxnn.linalg.Matrix;

/**
 * The leading {@code k} singular triplets of an n×d matrix A, computed with LAPACK's dgesdd:
 * {@code A_k = U_k Σ_k V_kᵀ} is a best rank-k approximation of A and {@code ‖A − A_k‖₂ = σ_{k+1}}
 * (Eckart–Young), formulations §4.4 step 1.
 *
 * @param n              rows of A
 * @param d              columns of A
 * @param k              number of kept triplets, {@code 0 <= k <= min(n, d)}
 * @param singularValues all {@code min(n, d)} singular values of A, descending
 * @param u              {@code U_k}, n×k column-major, orthonormal columns
 * @param v              {@code V_k}, d×k column-major, orthonormal columns
 */
public record TruncatedSvd(int n, int d, int k, double[] singularValues, double[] u, double[] v) {

    public TruncatedSvd {
        if (k < 0 || k > Math.min(n, d))
            throw new IllegalArgumentException("kept triplets k = " + k + " must be in [0, min(n, d) = " + Math.min(n, d) + "]");
        if (singularValues.length != Math.min(n, d) || u.length != (long) n * k || v.length != (long) d * k)
            throw new IllegalArgumentException("shapes disagree with n = " + n + ", d = " + d + ", k = " + k);
        singularValues = singularValues.clone();
        u = u.clone();
        v = v.clone();
    }

    /**
     * The SVD of the column-major n×d matrix {@code a}, truncated to {@code k} triplets.
     *
     * @throws IllegalArgumentException if the shapes are inconsistent or k is out of range
     * @throws ArithmeticException      if dgesdd does not converge
     */
    public static TruncatedSvd of(int n, int d, double[] a, int k) {
        if (n < 1 || d < 1 || a.length != (long) n * d)
            throw new IllegalArgumentException("a must hold n*d values for n, d >= 1; got n = " + n + ", d = " + d + ", " + a.length + " values");
        if (k < 0 || k > Math.min(n, d))
            throw new IllegalArgumentException("kept triplets k = " + k + " must be in [0, min(n, d) = " + Math.min(n, d) + "]");
        int p = Math.min(n, d);
        try (Arena arena = Arena.ofConfined()) {
            Matrix m = Matrix.of(arena, n, d, a);
            Matrix s = Matrix.vector(arena, p);
            Matrix uu = Matrix.allocate(arena, n, p);
            Matrix vt = Matrix.allocate(arena, p, d);
            Lapack.dgesdd(m, s, uu, vt).orThrow();
            double[] uk = new double[n * k], vk = new double[d * k];
            for (int l = 0; l < k; l++) {
                for (int i = 0; i < n; i++) uk[i + l * n] = uu.get(i, l);
                for (int j = 0; j < d; j++) vk[j + l * d] = vt.get(l, j);
            }
            return new TruncatedSvd(n, d, k, s.toArray(), uk, vk);
        }
    }

    /** The first {@code k2 <= k} triplets of this truncation. */
    public TruncatedSvd truncated(int k2) {
        if (k2 < 0 || k2 > k) throw new IllegalArgumentException("cannot truncate " + k + " triplets to " + k2);
        return new TruncatedSvd(n, d, k2, singularValues, Arrays.copyOf(u, n * k2), Arrays.copyOf(v, d * k2));
    }

    /** {@code σ_{k+1}} = {@code ‖A − A_k‖₂}; 0 when every singular value is kept. */
    public double next() {
        return k < singularValues.length ? singularValues[k] : 0.0;
    }

    /**
     * The numerical rank {@code #{σ_l > max(n, d)·ε·σ_1}} (LAPACK's default tolerance, ε = 2⁻⁵²);
     * 0 for a zero matrix.
     */
    public int numericalRank() {
        if (singularValues.length == 0 || singularValues[0] == 0) return 0;
        double tol = Math.max(n, d) * Math.ulp(1.0) * singularValues[0];
        int r = 0;
        while (r < singularValues.length && singularValues[r] > tol) r++;
        return r;
    }

    /** {@code U_k Σ_k}, n×k column-major: the rows of A in the coordinates of {@code V_k}. */
    public double[] scores() {
        double[] z = new double[n * k];
        for (int l = 0; l < k; l++)
            for (int i = 0; i < n; i++) z[i + l * n] = u[i + l * n] * singularValues[l];
        return z;
    }

    /** {@code A_k = U_k Σ_k V_kᵀ}, n×d column-major. */
    public double[] approximation() {
        double[] z = scores();
        double[] ak = new double[n * d];
        for (int j = 0; j < d; j++)
            for (int l = 0; l < k; l++) {
                double vjl = v[j + l * d];
                for (int i = 0; i < n; i++) ak[i + j * n] += z[i + l * n] * vjl;
            }
        return ak;
    }
}
