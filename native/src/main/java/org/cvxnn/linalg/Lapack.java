package org.cvxnn.linalg;

import java.lang.foreign.Arena;

import static org.cvxnn.linalg.NativeCalls.COL_MAJOR;

/**
 * Typed, checked LAPACK (LAPACKE) on {@link Matrix} operands. Shapes are validated before the
 * downcall; a negative {@code info} (an argument error, i.e. a bug) throws, a positive one is
 * returned in a {@link LapackInfo} for the caller to handle (e.g. "not positive definite").
 */
public final class Lapack {
    private Lapack() { }

    /** Cholesky factorisation of a symmetric positive definite A in place: {@code A = UᵀU} or {@code LLᵀ}. */
    public static LapackInfo dpotrf(Uplo uplo, Matrix a) {
        square("dpotrf", a);
        Blas.alive("dpotrf", a);
        if (a.rows() == 0) return new LapackInfo("dpotrf", 0);
        try {
            return new LapackInfo("dpotrf", (int) NativeCalls.DPOTRF.invokeExact(COL_MAJOR, uplo.lapack, a.rows(), a.segment(), a.ld()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** Solves {@code A X = B} with the Cholesky factor from {@link #dpotrf}, overwriting B. */
    public static LapackInfo dpotrs(Uplo uplo, Matrix factor, Matrix b) {
        square("dpotrs", factor);
        if (b.rows() != factor.rows())
            throw new IllegalArgumentException("dpotrs: B has " + b.rows() + " rows, the factor is " + factor.rows() + "×" + factor.rows());
        Blas.alive("dpotrs", factor, b);
        Blas.distinct("dpotrs", b, factor);
        if (b.rows() == 0 || b.cols() == 0) return new LapackInfo("dpotrs", 0);
        try {
            return new LapackInfo("dpotrs", (int) NativeCalls.DPOTRS.invokeExact(COL_MAJOR, uplo.lapack, factor.rows(), b.cols(),
                    factor.segment(), factor.ld(), b.segment(), b.ld()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** Inverse of A from its Cholesky factor (from {@link #dpotrf}), in place; only the {@code uplo} triangle is set. */
    public static LapackInfo dpotri(Uplo uplo, Matrix factor) {
        square("dpotri", factor);
        Blas.alive("dpotri", factor);
        if (factor.rows() == 0) return new LapackInfo("dpotri", 0);
        try {
            return new LapackInfo("dpotri", (int) NativeCalls.DPOTRI.invokeExact(COL_MAJOR, uplo.lapack, factor.rows(), factor.segment(), factor.ld()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** Solves {@code op(A) X = B} for triangular A, overwriting B. */
    public static LapackInfo dtrtrs(Uplo uplo, Trans trans, Diag diag, Matrix a, Matrix b) {
        square("dtrtrs", a);
        if (b.rows() != a.rows())
            throw new IllegalArgumentException("dtrtrs: B has " + b.rows() + " rows, A is " + a.rows() + "×" + a.rows());
        Blas.alive("dtrtrs", a, b);
        Blas.distinct("dtrtrs", b, a);
        if (b.rows() == 0 || b.cols() == 0) return new LapackInfo("dtrtrs", 0);
        try {
            return new LapackInfo("dtrtrs", (int) NativeCalls.DTRTRS.invokeExact(COL_MAJOR, uplo.lapack, trans.lapack, diag.lapack,
                    a.rows(), b.cols(), a.segment(), a.ld(), b.segment(), b.ld()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /**
     * Eigenvalues (ascending, into vector {@code w}) and, if {@code vectors}, eigenvectors (into the
     * columns of A) of a symmetric A; A is overwritten either way.
     */
    public static LapackInfo dsyevd(boolean vectors, Uplo uplo, Matrix a, Matrix w) {
        square("dsyevd", a);
        vectorOf("dsyevd", "w", w, a.rows());
        Blas.alive("dsyevd", a, w);
        Blas.distinct("dsyevd", w, a);
        if (a.rows() == 0) return new LapackInfo("dsyevd", 0);
        try {
            return new LapackInfo("dsyevd", (int) NativeCalls.DSYEVD.invokeExact(COL_MAJOR, (byte) (vectors ? 'V' : 'N'), uplo.lapack,
                    a.rows(), a.segment(), a.ld(), w.segment()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /**
     * Thin SVD {@code A = U Σ Vᵀ} (divide and conquer, {@code jobz = 'S'}) of an m×n A, k = min(m, n):
     * singular values (descending) into vector {@code s} of length k, U (m×k) and Vᵀ (k×n). A is destroyed.
     */
    public static LapackInfo dgesdd(Matrix a, Matrix s, Matrix u, Matrix vt) {
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        vectorOf("dgesdd", "s", s, k);
        if (u.rows() != m || u.cols() != k) throw new IllegalArgumentException("dgesdd: U is " + u.rows() + "×" + u.cols() + ", expected " + m + "×" + k);
        if (vt.rows() != k || vt.cols() != n) throw new IllegalArgumentException("dgesdd: Vᵀ is " + vt.rows() + "×" + vt.cols() + ", expected " + k + "×" + n);
        Blas.alive("dgesdd", a, s, u, vt);
        Blas.distinct("dgesdd", s, a, u, vt);
        Blas.distinct("dgesdd", u, a, vt);
        Blas.distinct("dgesdd", vt, a);
        if (k == 0) return new LapackInfo("dgesdd", 0);
        try {
            return new LapackInfo("dgesdd", (int) NativeCalls.DGESDD.invokeExact(COL_MAJOR, (byte) 'S', m, n, a.segment(), a.ld(),
                    s.segment(), u.segment(), u.ld(), vt.segment(), vt.ld()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** QR factorisation of an m×n A in place (R above the diagonal, reflectors below), {@code tau} of length min(m, n). */
    public static LapackInfo dgeqrf(Matrix a, Matrix tau) {
        vectorOf("dgeqrf", "tau", tau, Math.min(a.rows(), a.cols()));
        Blas.alive("dgeqrf", a, tau);
        Blas.distinct("dgeqrf", tau, a);
        if (a.rows() == 0 || a.cols() == 0) return new LapackInfo("dgeqrf", 0);
        try {
            return new LapackInfo("dgeqrf", (int) NativeCalls.DGEQRF.invokeExact(COL_MAJOR, a.rows(), a.cols(), a.segment(), a.ld(), tau.segment()));
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** Convenience: singular values (descending) of a column-major m×n array, using a scratch arena. */
    public static double[] singularValues(int m, int n, double[] data) {
        try (Arena arena = Arena.ofConfined()) {
            int k = Math.min(m, n);
            Matrix a = Matrix.of(arena, m, n, data);
            Matrix s = Matrix.vector(arena, k);
            Matrix u = Matrix.allocate(arena, m, k);
            Matrix vt = Matrix.allocate(arena, Math.max(k, 0), n, Math.max(1, k));
            dgesdd(a, s, u, vt).orThrow();
            return s.toArray();
        }
    }

    private static void square(String op, Matrix a) {
        if (a.rows() != a.cols()) throw new IllegalArgumentException(op + ": A must be square, got " + a.rows() + "×" + a.cols());
    }

    private static void vectorOf(String op, String name, Matrix v, int len) {
        if (!v.isVector() || v.length() != len)
            throw new IllegalArgumentException(op + ": " + name + " must be a vector of length " + len + ", got " + v.rows() + "×" + v.cols());
    }
}
