package org.cvxnn.linalg;

import java.lang.foreign.MemorySegment;

/** OpenBLAS's own controls and identification: threads, build configuration, selected core. */
public final class OpenBlas {
    private OpenBlas() { }

    /** Sets the number of threads OpenBLAS uses for subsequent calls (global to the process). */
    public static void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("OpenBLAS thread count must be >= 1, got " + threads);
        try {
            NativeCalls.SET_THREADS.invokeExact(threads);
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** The number of threads OpenBLAS currently uses. */
    public static int threads() {
        try {
            return (int) NativeCalls.GET_THREADS.invokeExact();
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }

    /** {@code openblas_get_config()}: version and build options. */
    public static String config() {
        return string(NativeCalls.GET_CONFIG);
    }

    /** {@code openblas_get_corename()}: the kernel set chosen for this CPU (e.g. Haswell, SkylakeX). */
    public static String coreName() {
        return string(NativeCalls.GET_CORENAME);
    }

    /** Where the loaded library came from and its path. */
    public static BlasLibrary.Loaded library() {
        return BlasLibrary.get();
    }

    private static String string(java.lang.invoke.MethodHandle h) {
        try {
            MemorySegment p = (MemorySegment) h.invokeExact();
            return p.equals(MemorySegment.NULL) ? "" : p.reinterpret(4096).getString(0).trim();
        } catch (Throwable t) {
            throw NativeCalls.rethrow(t);
        }
    }
}
