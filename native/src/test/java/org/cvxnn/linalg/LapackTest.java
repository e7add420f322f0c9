package org.cvxnn.linalg;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.cvxnn.linalg.BlasTest.assertClose;
import static org.cvxnn.linalg.BlasTest.gemmRef;
import static org.cvxnn.linalg.BlasTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LapackTest {

    static double[] spd(int n) {
        double[] g = random(n * n);
        double[] a = gemmRef(true, false, 1.0, g, n, n, g, n, n, 0.0, new double[n * n]);
        for (int i = 0; i < n; i++) a[i + i * n] += n;
        return a;
    }

    @Test
    void choleskySolveAndInverse() {
        int n = 23, r = 3;
        double[] a = spd(n), b = random(n * r);
        try (Arena arena = Arena.ofConfined()) {
            Matrix f = Matrix.of(arena, n, n, a);
            assertTrue(Lapack.dpotrf(Uplo.UPPER, f).ok());
            Matrix x = Matrix.of(arena, n, r, b);
            Lapack.dpotrs(Uplo.UPPER, f, x).orThrow();
            assertClose(b, gemmRef(false, false, 1.0, a, n, n, x.toArray(), n, r, 0.0, new double[n * r]), 1e-11);

            Matrix inv = Matrix.allocate(arena, n, n);
            inv.copyFrom(f);
            Lapack.dpotri(Uplo.UPPER, inv).orThrow();
            double[] full = inv.toArray();
            for (int j = 0; j < n; j++) for (int i = j + 1; i < n; i++) full[i + j * n] = full[j + i * n];
            double[] eye = gemmRef(false, false, 1.0, a, n, n, full, n, n, 0.0, new double[n * n]);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(i == j ? 1 : 0, eye[i + j * n], 1e-11);

            Matrix l = Matrix.of(arena, n, n, a);
            Lapack.dpotrf(Uplo.LOWER, l).orThrow();
            Matrix y = Matrix.of(arena, n, r, b);
            Lapack.dtrtrs(Uplo.LOWER, Trans.NO_TRANS, Diag.NON_UNIT, l, y).orThrow();
            Lapack.dtrtrs(Uplo.LOWER, Trans.TRANS, Diag.NON_UNIT, l, y).orThrow();
            assertClose(x.toArray(), y.toArray(), 1e-11);
        }
    }

    @Test
    void notPositiveDefiniteIsATypedOutcome() {
        try (Arena arena = Arena.ofConfined()) {
            Matrix a = Matrix.of(arena, 3, 3, new double[]{1, 0, 0, 0, -1, 0, 0, 0, 1});
            LapackInfo info = Lapack.dpotrf(Uplo.UPPER, a);
            assertFalse(info.ok());
            assertEquals(2, info.info());
            assertTrue(info.toString().contains("order 2"), info.toString());
            assertThrows(ArithmeticException.class, info::orThrow);
        }
    }

    @Test
    void symmetricEigenAndSvdAgreeWithEachOther() {
        int m = 12, n = 5;
        double[] g = random(m * n);
        double[] gram = gemmRef(true, false, 1.0, g, m, n, g, m, n, 0.0, new double[n * n]);
        double[] sv = Lapack.singularValues(m, n, g);
        try (Arena arena = Arena.ofConfined()) {
            Matrix a = Matrix.of(arena, n, n, gram), w = Matrix.vector(arena, n);
            Lapack.dsyevd(true, Uplo.UPPER, a, w).orThrow();
            for (int k = 0; k < n; k++) assertEquals(sv[k] * sv[k], w.get(n - 1 - k), 1e-10 * sv[0] * sv[0]);
            // eigenvector check: G v = λ v
            double[] v = a.column(n - 1).toArray();
            double[] gv = gemmRef(false, false, 1.0, gram, n, n, v, n, 1, 0.0, new double[n]);
            for (int i = 0; i < n; i++) assertEquals(w.get(n - 1) * v[i], gv[i], 1e-9 * w.get(n - 1));

            Matrix q = Matrix.of(arena, m, n, g), tau = Matrix.vector(arena, n);
            Lapack.dgeqrf(q, tau).orThrow();
            // |R_kk| product equals the product of singular values (|det| of the n×n R)
            double logR = 0, logS = 0;
            for (int k = 0; k < n; k++) {
                logR += Math.log(Math.abs(q.get(k, k)));
                logS += Math.log(sv[k]);
            }
            assertEquals(logS, logR, 1e-10);
        }
    }

    @Test
    void argumentErrorsAreCaughtBeforeTheDowncall() {
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class, () -> Lapack.dpotrf(Uplo.UPPER, Matrix.allocate(arena, 3, 4)));
            assertThrows(IllegalArgumentException.class, () -> Lapack.dpotrs(Uplo.UPPER, Matrix.allocate(arena, 3, 3), Matrix.allocate(arena, 4, 1)));
            assertThrows(IllegalArgumentException.class, () -> Lapack.dsyevd(false, Uplo.UPPER, Matrix.allocate(arena, 3, 3), Matrix.vector(arena, 2)));
            assertThrows(IllegalArgumentException.class, () -> new LapackInfo("dpotrf", -4));
        }
    }
}
