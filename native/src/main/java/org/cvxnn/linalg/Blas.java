package org.cvxnn.linalg;

import static org.cvxnn.linalg.NativeCalls.COL_MAJOR;

/**
 * Typed, checked BLAS (OpenBLAS CBLAS) on {@link Matrix} operands. Every call validates shapes,
 * leading dimensions and liveness before the downcall and throws an
 * {@link IllegalArgumentException} naming the bad operand — a bad argument never reaches native
 * code. Output operands must not overlap inputs.
 */
public final class Blas {
    private Blas() { }

    /** {@code C ← alpha·op(A)·op(B) + beta·C}. */
    public static void dgemm(Trans ta, Trans tb, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int m = rows(a, ta), k = cols(a, ta), n = cols(b, tb);
        if (rows(b, tb) != k)
            throw new IllegalArgumentException("dgemm: op(A) is " + m + "×" + k + " but op(B) is " + rows(b, tb) + "×" + n);
        if (c.rows() != m || c.cols() != n)
            throw new IllegalArgumentException("dgemm: C is " + c.rows() + "×" + c.cols() + ", expected " + m + "×" + n);
        alive("dgemm", a, b, c);
        distinct("dgemm", c, a, b);
        if (m == 0 || n == 0) return;
        try {
            NativeCalls.DGEMM.invokeExact(COL_MAJOR, ta.cblas, tb.cblas, m, n, k, alpha,
                    a.segment(), a.ld(), b.segment(), b.ld(), beta, c.segment(), c.ld());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** {@code C ← alpha·A·Aᵀ + beta·C} ({@code NO_TRANS}) or {@code alpha·Aᵀ·A + beta·C}, updating one triangle. */
    public static void dsyrk(Uplo uplo, Trans trans, double alpha, Matrix a, double beta, Matrix c) {
        int n = rows(a, trans), k = cols(a, trans);
        if (c.rows() != n || c.cols() != n)
            throw new IllegalArgumentException("dsyrk: C is " + c.rows() + "×" + c.cols() + ", expected " + n + "×" + n);
        alive("dsyrk", a, c);
        distinct("dsyrk", c, a);
        if (n == 0) return;
        try {
            NativeCalls.DSYRK.invokeExact(COL_MAJOR, uplo.cblas, trans.cblas, n, k, alpha, a.segment(), a.ld(), beta, c.segment(), c.ld());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /**
     * Single-precision {@link #dsyrk}: {@code C ← alpha·A·Aᵀ + beta·C} ({@code NO_TRANS}) or
     * {@code alpha·Aᵀ·A + beta·C}, updating one triangle.
     */
    public static void ssyrk(Uplo uplo, Trans trans, float alpha, FloatMatrix a, float beta, FloatMatrix c) {
        int n = trans == Trans.NO_TRANS ? a.rows() : a.cols(), k = trans == Trans.NO_TRANS ? a.cols() : a.rows();
        if (c.rows() != n || c.cols() != n)
            throw new IllegalArgumentException("ssyrk: C is " + c.rows() + "×" + c.cols() + ", expected " + n + "×" + n);
        a.requireAlive("ssyrk");
        c.requireAlive("ssyrk");
        if (c.segment().asOverlappingSlice(a.segment()).isPresent())
            throw new IllegalArgumentException("ssyrk: the output operand overlaps an input operand");
        if (n == 0) return;
        try {
            NativeCalls.SSYRK.invokeExact(COL_MAJOR, uplo.cblas, trans.cblas, n, k, alpha, a.segment(), a.ld(), beta, c.segment(), c.ld());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** Solves {@code op(A)·X = alpha·B} ({@code LEFT}) or {@code X·op(A) = alpha·B}, overwriting B with X. */
    public static void dtrsm(Side side, Uplo uplo, Trans trans, Diag diag, double alpha, Matrix a, Matrix b) {
        int m = b.rows(), n = b.cols();
        int order = side == Side.LEFT ? m : n;
        if (a.rows() != order || a.cols() != order)
            throw new IllegalArgumentException("dtrsm: A is " + a.rows() + "×" + a.cols() + ", expected " + order + "×" + order
                    + " for a " + m + "×" + n + " B from the " + side);
        alive("dtrsm", a, b);
        distinct("dtrsm", b, a);
        if (m == 0 || n == 0) return;
        try {
            NativeCalls.DTRSM.invokeExact(COL_MAJOR, side.cblas, uplo.cblas, trans.cblas, diag.cblas, m, n, alpha,
                    a.segment(), a.ld(), b.segment(), b.ld());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /**
     * {@code x ← op(A)⁻¹ x} for a triangular n×n A and a vector x (BLAS-2: one pass over the triangle,
     * cheaper than {@link #dtrsm} with one column).
     */
    public static void dtrsv(Uplo uplo, Trans trans, Diag diag, Matrix a, Matrix x) {
        if (a.rows() != a.cols()) throw new IllegalArgumentException("dtrsv: A is " + a.rows() + "×" + a.cols() + ", expected square");
        vector("dtrsv", "x", x, a.rows());
        alive("dtrsv", a, x);
        distinct("dtrsv", x, a);
        if (a.rows() == 0) return;
        try {
            NativeCalls.DTRSV.invokeExact(COL_MAJOR, uplo.cblas, trans.cblas, diag.cblas, a.rows(), a.segment(), a.ld(),
                    x.segment(), x.increment());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** {@code y ← alpha·op(A)·x + beta·y} for vectors x and y. */
    public static void dgemv(Trans trans, double alpha, Matrix a, Matrix x, double beta, Matrix y) {
        int m = rows(a, trans), n = cols(a, trans);
        vector("dgemv", "x", x, n);
        vector("dgemv", "y", y, m);
        alive("dgemv", a, x, y);
        distinct("dgemv", y, a, x);
        if (a.rows() == 0 || a.cols() == 0) {
            if (m > 0) dscal(beta, y);
            return;
        }
        try {
            NativeCalls.DGEMV.invokeExact(COL_MAJOR, trans.cblas, a.rows(), a.cols(), alpha, a.segment(), a.ld(),
                    x.segment(), x.increment(), beta, y.segment(), y.increment());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /**
     * {@code y ← alpha·A·x + beta·y} for a symmetric A of which only the {@code uplo} triangle is
     * read (about half the memory traffic of {@link #dgemv} on the full matrix).
     */
    public static void dsymv(Uplo uplo, double alpha, Matrix a, Matrix x, double beta, Matrix y) {
        if (a.rows() != a.cols()) throw new IllegalArgumentException("dsymv: A is " + a.rows() + "×" + a.cols() + ", expected square");
        vector("dsymv", "x", x, a.rows());
        vector("dsymv", "y", y, a.rows());
        alive("dsymv", a, x, y);
        distinct("dsymv", y, a, x);
        if (a.rows() == 0) return;
        try {
            NativeCalls.DSYMV.invokeExact(COL_MAJOR, uplo.cblas, a.rows(), alpha, a.segment(), a.ld(),
                    x.segment(), x.increment(), beta, y.segment(), y.increment());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** {@code xᵀy} for vectors of equal length. */
    public static double ddot(Matrix x, Matrix y) {
        int n = requireVector("ddot", "x", x);
        vector("ddot", "y", y, n);
        alive("ddot", x, y);
        if (n == 0) return 0.0;
        try {
            return (double) NativeCalls.DDOT.invokeExact(n, x.segment(), x.increment(), y.segment(), y.increment());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** {@code y ← alpha·x + y} for vectors of equal length. */
    public static void daxpy(double alpha, Matrix x, Matrix y) {
        int n = requireVector("daxpy", "x", x);
        vector("daxpy", "y", y, n);
        alive("daxpy", x, y);
        distinct("daxpy", y, x);
        if (n == 0) return;
        try {
            NativeCalls.DAXPY.invokeExact(n, alpha, x.segment(), x.increment(), y.segment(), y.increment());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** {@code x ← alpha·x} for a vector x. */
    public static void dscal(double alpha, Matrix x) {
        int n = requireVector("dscal", "x", x);
        alive("dscal", x);
        if (n == 0) return;
        try {
            NativeCalls.DSCAL.invokeExact(n, alpha, x.segment(), x.increment());
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    private static int rows(Matrix a, Trans t) {
        return t == Trans.NO_TRANS ? a.rows() : a.cols();
    }

    private static int cols(Matrix a, Trans t) {
        return t == Trans.NO_TRANS ? a.cols() : a.rows();
    }

    private static int requireVector(String op, String name, Matrix v) {
        if (!v.isVector()) throw new IllegalArgumentException(op + ": " + name + " must be a vector, got a " + v.rows() + "×" + v.cols() + " matrix");
        return v.length();
    }

    private static void vector(String op, String name, Matrix v, int expected) {
        int len = requireVector(op, name, v);
        if (len != expected) throw new IllegalArgumentException(op + ": " + name + " has length " + len + ", expected " + expected);
    }

    static void alive(String op, Matrix... ms) {
        for (Matrix m : ms) m.requireAlive(op);
    }

    /** Rejects an output operand that shares memory with an input (BLAS results would be undefined). */
    static void distinct(String op, Matrix out, Matrix... inputs) {
        for (Matrix in : inputs) {
            if (out.segment().asOverlappingSlice(in.segment()).isPresent())
                throw new IllegalArgumentException(op + ": the output operand overlaps an input operand");
        }
    }
}
