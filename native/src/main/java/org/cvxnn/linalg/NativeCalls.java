package org.cvxnn.linalg;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The raw downcall handles, bound once when the library is loaded. Unchecked: callers
 * ({@link Blas}, {@link Lapack}, {@link OpenBlas}) validate every argument first, because a bad
 * argument reaching OpenBLAS kills the JVM or prints to native stdout.
 */
final class NativeCalls {
    private NativeCalls() { }

    static final MethodHandle DGEMM = cblas("cblas_dgemm", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
    static final MethodHandle DGEMV = cblas("cblas_dgemv", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
    static final MethodHandle DSYMV = cblas("cblas_dsymv", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
    static final MethodHandle DSYRK = cblas("cblas_dsyrk", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
    static final MethodHandle SSYRK = cblas("cblas_ssyrk", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT);
    static final MethodHandle DTRSM = cblas("cblas_dtrsm", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DTRSV = cblas("cblas_dtrsv", null,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DDOT = cblas("cblas_ddot", JAVA_DOUBLE, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DAXPY = cblas("cblas_daxpy", null, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DSCAL = cblas("cblas_dscal", null, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);

    static final MethodHandle DPOTRF = cblas("LAPACKE_dpotrf_work", JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DPOTRS = cblas("LAPACKE_dpotrs_work", JAVA_INT,
            JAVA_INT, JAVA_BYTE, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DPOTRI = cblas("LAPACKE_dpotri_work", JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DTRTRS = cblas("LAPACKE_dtrtrs_work", JAVA_INT,
            JAVA_INT, JAVA_BYTE, JAVA_BYTE, JAVA_BYTE, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DSYEVD = cblas("LAPACKE_dsyevd", JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_BYTE, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
    static final MethodHandle DGESDD = cblas("LAPACKE_dgesdd", JAVA_INT,
            JAVA_INT, JAVA_BYTE, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle DGEQRF = cblas("LAPACKE_dgeqrf", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);

    static final MethodHandle SET_THREADS = cblas("openblas_set_num_threads", null, JAVA_INT);
    static final MethodHandle GET_THREADS = cblas("openblas_get_num_threads", JAVA_INT);
    static final MethodHandle GET_CONFIG = cblas("openblas_get_config", ADDRESS);
    static final MethodHandle GET_CORENAME = cblas("openblas_get_corename", ADDRESS);

    /** Column-major storage, the only layout cvxnn uses (CBLAS and LAPACKE constant). */
    static final int COL_MAJOR = 102;

    private static MethodHandle cblas(String name, MemoryLayout result, MemoryLayout... args) {
        MemorySegment symbol = BlasLibrary.get().lookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "symbol " + name + " not found in " + BlasLibrary.get().path() + "; cvxnn needs an OpenBLAS with CBLAS and LAPACKE"));
        FunctionDescriptor fd = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        return Linker.nativeLinker().downcallHandle(symbol, fd);
    }

    /** Rethrows what a downcall threw; they declare {@code Throwable}. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call failed", t);
    }
}
