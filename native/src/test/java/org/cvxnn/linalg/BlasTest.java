package org.cvxnn.linalg;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.Random;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlasTest {
    private static final Random RNG = new Random(7);

    static double[] random(int len) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = RNG.nextGaussian();
        return a;
    }

    /** Plain-Java reference: C = alpha op(A) op(B) + beta C (all column-major, dense). */
    static double[] gemmRef(boolean ta, boolean tb, double alpha, double[] a, int ar, int ac, double[] b, int br, int bc, double beta, double[] c) {
        int m = ta ? ac : ar, k = ta ? ar : ac, n = tb ? br : bc;
        double[] out = c.clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p + i * ar] : a[i + p * ar];
                    double bv = tb ? b[j + p * br] : b[p + j * br];
                    s += av * bv;
                }
                out[i + j * m] = alpha * s + beta * c[i + j * m];
            }
        return out;
    }

    static void assertClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])), "element " + i);
    }

    @Test
    void dgemmMatchesReferenceForAllTransposesAndAwkwardShapes() {
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {13, 1, 17}, {33, 65, 9}};
        try (Arena arena = Arena.ofConfined()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                for (Trans ta : Trans.values()) {
                    for (Trans tb : Trans.values()) {
                        int ar = ta == Trans.NO_TRANS ? m : k, ac = ta == Trans.NO_TRANS ? k : m;
                        int br = tb == Trans.NO_TRANS ? k : n, bc = tb == Trans.NO_TRANS ? n : k;
                        double[] a = random(ar * ac), b = random(br * bc), c = random(m * n);
                        // padded leading dimensions exercise ld != rows
                        Matrix ma = Matrix.allocate(arena, ar, ac, ar + 3);
                        ma.copyFrom(a);
                        Matrix mb = Matrix.allocate(arena, br, bc, br + 1);
                        mb.copyFrom(b);
                        Matrix mc = Matrix.of(arena, m, n, c);
                        Blas.dgemm(ta, tb, 1.5, ma, mb, -0.5, mc);
                        assertClose(gemmRef(ta == Trans.TRANS, tb == Trans.TRANS, 1.5, a, ar, ac, b, br, bc, -0.5, c), mc.toArray(), 1e-12 * k);
                    }
                }
            }
        }
    }

    @Test
    void dsyrkUpdatesTheRequestedTriangle() {
        int n = 19, k = 11;
        try (Arena arena = Arena.ofConfined()) {
            double[] a = random(n * k);
            Matrix ma = Matrix.of(arena, n, k, a);
            Matrix c = Matrix.allocate(arena, n, n);
            Blas.dsyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0, ma, 0.0, c);
            double[] ref = gemmRef(false, true, 1.0, a, n, k, a, n, k, 0.0, new double[n * n]);
            for (int j = 0; j < n; j++)
                for (int i = 0; i <= j; i++) assertEquals(ref[i + j * n], c.get(i, j), 1e-12 * k);
            assertEquals(0.0, c.get(n - 1, 0));
        }
    }

    @Test
    void ssyrkMatchesTheDoubleProductToSinglePrecision() {
        int n = 23, k = 37;
        try (Arena arena = Arena.ofConfined()) {
            double[] a = random(n * k);
            FloatMatrix fa = FloatMatrix.allocate(arena, n, k);
            for (int i = 0; i < n * k; i++) fa.segment().setAtIndex(JAVA_FLOAT, i, (float) a[i]);
            FloatMatrix c = FloatMatrix.allocate(arena, n, n);
            Blas.ssyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0f, fa, 0.0f, c);
            Blas.ssyrk(Uplo.UPPER, Trans.NO_TRANS, 2.0f, fa, 1.0f, c); // accumulates: 3·A·Aᵀ
            double[] ref = gemmRef(false, true, 3.0, a, n, k, a, n, k, 0.0, new double[n * n]);
            for (int j = 0; j < n; j++)
                for (int i = 0; i <= j; i++) assertEquals(ref[i + j * n], c.get(i, j), 1e-5 * 3 * k);
            assertEquals(0.0f, c.get(n - 1, 0));
            assertThrows(IllegalArgumentException.class, () -> Blas.ssyrk(Uplo.UPPER, Trans.NO_TRANS, 1f, fa, 0f, FloatMatrix.allocate(arena, n + 1, n + 1)));
            assertThrows(IllegalArgumentException.class, () -> Blas.ssyrk(Uplo.UPPER, Trans.TRANS, 1f, c, 0f, c));
        }
        FloatMatrix closed;
        try (Arena arena = Arena.ofConfined()) {
            closed = FloatMatrix.allocate(arena, 3, 3);
        }
        assertThrows(IllegalStateException.class, () -> Blas.ssyrk(Uplo.UPPER, Trans.NO_TRANS, 1f, closed, 0f, closed));
    }

    @Test
    void levelOneAndGemvMatchPlainLoops() {
        try (Arena arena = Arena.ofConfined()) {
            double[] a = random(6 * 4), x = random(4), y = random(6);
            Matrix ma = Matrix.of(arena, 6, 4, a), mx = Matrix.of(arena, 4, 1, x), my = Matrix.of(arena, 6, 1, y);
            Blas.dgemv(Trans.NO_TRANS, 2.0, ma, mx, 1.0, my);
            double[] ref = gemmRef(false, false, 2.0, a, 6, 4, x, 4, 1, 1.0, y);
            assertClose(ref, my.toArray(), 1e-13);
            double dot = 0;
            for (int i = 0; i < 4; i++) dot += x[i] * x[i];
            assertEquals(dot, Blas.ddot(mx, mx), 1e-13);
            Matrix mz = Matrix.of(arena, 4, 1, x);
            Blas.daxpy(-1.0, mx, mz);
            assertEquals(0.0, Blas.ddot(mz, mz), 0.0);
            Blas.dscal(3.0, mx);
            assertEquals(3 * x[2], mx.get(2), 1e-15);
            // a row of a matrix is a vector with stride ld
            Matrix row = ma.view(1, 0, 1, 4);
            assertEquals(4, row.length());
            assertEquals(6, row.increment());
            double rowDot = 0;
            for (int j = 0; j < 4; j++) rowDot += a[1 + j * 6] * 3 * x[j];
            assertEquals(rowDot, Blas.ddot(row, mx), 1e-12);
        }
    }

    @Test
    void dtrsmSolvesTriangularSystems() {
        int n = 9, r = 4;
        try (Arena arena = Arena.ofConfined()) {
            double[] l = new double[n * n];
            for (int j = 0; j < n; j++) for (int i = j; i < n; i++) l[i + j * n] = i == j ? 2 + RNG.nextDouble() : RNG.nextGaussian();
            double[] b = random(n * r);
            Matrix ml = Matrix.of(arena, n, n, l), mb = Matrix.of(arena, n, r, b);
            Blas.dtrsm(Side.LEFT, Uplo.LOWER, Trans.NO_TRANS, Diag.NON_UNIT, 1.0, ml, mb);
            double[] back = gemmRef(false, false, 1.0, l, n, n, mb.toArray(), n, r, 0.0, new double[n * r]);
            assertClose(b, back, 1e-12);
        }
    }

    /** Both triangles, both transposes: op(A)·x after the solve gives back the right-hand side; bad shapes are refused. */
    @Test
    void dtrsvSolvesTriangularSystemsWithOneVector() {
        int n = 11;
        try (Arena arena = Arena.ofConfined()) {
            for (Uplo uplo : Uplo.values())
                for (Trans trans : Trans.values()) {
                    double[] t = new double[n * n];
                    for (int j = 0; j < n; j++)
                        for (int i = 0; i < n; i++)
                            if (uplo == Uplo.LOWER ? i >= j : i <= j) t[i + j * n] = i == j ? 2 + RNG.nextDouble() : RNG.nextGaussian();
                    double[] b = random(n);
                    Matrix a = Matrix.of(arena, n, n, t), x = Matrix.of(arena, n, 1, b);
                    Blas.dtrsv(uplo, trans, Diag.NON_UNIT, a, x);
                    double[] back = gemmRef(trans == Trans.TRANS, false, 1.0, t, n, n, x.toArray(), n, 1, 0.0, new double[n]);
                    assertClose(b, back, 1e-12);
                }
            Matrix rect = Matrix.allocate(arena, n, n + 1), sq = Matrix.allocate(arena, n, n);
            assertThrows(IllegalArgumentException.class, () -> Blas.dtrsv(Uplo.UPPER, Trans.NO_TRANS, Diag.NON_UNIT, rect, Matrix.vector(arena, n)));
            assertThrows(IllegalArgumentException.class, () -> Blas.dtrsv(Uplo.UPPER, Trans.NO_TRANS, Diag.NON_UNIT, sq, Matrix.vector(arena, n - 1)));
        }
    }

    @Test
    void dsymvReadsOnlyOneTriangle() {
        int n = 9;
        try (Arena arena = Arena.ofConfined()) {
            double[] sym = new double[n * n];
            for (int j = 0; j < n; j++)
                for (int i = 0; i <= j; i++) sym[i + j * n] = sym[j + i * n] = RNG.nextGaussian();
            double[] x = random(n), y = random(n);
            double[] ref = gemmRef(false, false, 2.0, sym, n, n, x, n, 1, -1.0, y);
            for (Uplo uplo : Uplo.values()) {
                double[] half = sym.clone(); // the other triangle holds garbage
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < n; i++) if (uplo == Uplo.UPPER ? i > j : i < j) half[i + j * n] = 1e300;
                Matrix a = Matrix.of(arena, n, n, half), mx = Matrix.of(arena, n, 1, x), my = Matrix.of(arena, n, 1, y);
                Blas.dsymv(uplo, 2.0, a, mx, -1.0, my);
                assertClose(ref, my.toArray(), 1e-12);
            }
            Matrix rect = Matrix.allocate(arena, n, n + 1), sq = Matrix.allocate(arena, n, n);
            assertThrows(IllegalArgumentException.class, () -> Blas.dsymv(Uplo.UPPER, 1.0, rect, Matrix.vector(arena, n), 0.0, Matrix.vector(arena, n)));
            assertThrows(IllegalArgumentException.class, () -> Blas.dsymv(Uplo.UPPER, 1.0, sq, Matrix.vector(arena, n - 1), 0.0, Matrix.vector(arena, n)));
            assertThrows(IllegalArgumentException.class, () -> Blas.dsymv(Uplo.UPPER, 1.0, sq, sq.column(0), 0.0, sq.column(1)));
        }
    }

    @Test
    void shapeErrorsNameTheOperands() {
        try (Arena arena = Arena.ofConfined()) {
            Matrix a = Matrix.allocate(arena, 3, 4), b = Matrix.allocate(arena, 5, 2), c = Matrix.allocate(arena, 3, 2);
            var e = assertThrows(IllegalArgumentException.class, () -> Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1, a, b, 0, c));
            assertTrue(e.getMessage().contains("op(A) is 3×4"), e.getMessage());
            var e2 = assertThrows(IllegalArgumentException.class, () -> Blas.dgemm(Trans.NO_TRANS, Trans.TRANS, 1, a, a, 0, c));
            assertTrue(e2.getMessage().contains("C is 3×2"), e2.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Matrix.allocate(arena, 5, 2, 4));
            assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(arena.allocate(8 * 10), 5, 3, 5));
            Matrix sq = Matrix.allocate(arena, 4, 4);
            assertThrows(IllegalArgumentException.class, () -> Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1, sq, sq, 0, sq));
            assertThrows(IllegalArgumentException.class, () -> Blas.ddot(a, a));
        }
    }

    @Test
    void useAfterCloseIsAnErrorNotACrash() {
        Matrix a;
        try (Arena arena = Arena.ofConfined()) {
            a = Matrix.allocate(arena, 4, 4);
        }
        Matrix dead = a;
        try (Arena arena = Arena.ofConfined()) {
            Matrix c = Matrix.allocate(arena, 4, 4);
            var e = assertThrows(IllegalStateException.class, () -> Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1, dead, c, 0, Matrix.allocate(arena, 4, 4)));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> dead.get(0, 0));
    }
}
