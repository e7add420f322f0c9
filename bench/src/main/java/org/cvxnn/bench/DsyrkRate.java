package org.cvxnn.bench;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Uplo;

/**
 * The machine's dsyrk rate on the solver's shape, measured in-process (BlasBench-style, without
 * JMH): {@code S ← S + Z·Zᵀ} (upper triangle, as {@code TwoLayerOperator.accumulateSchur}) with Z
 * n×k, through the {@link Blas} facade; one warm-up call, then {@code calls} timed calls, median.
 * GFLOP/s use the exact count n(n+1)k, like {@link FactorFlops#dsyrk()}.
 *
 * @param n       rows of Z (samples)
 * @param k       columns of Z
 * @param threads OpenBLAS threads during the measurement
 * @param seconds median seconds per call
 */
record DsyrkRate(int n, int k, int threads, double seconds) {

    /** Doubles of one Schur chunk in the solver (mirrors {@code TwoLayerOperator.CHUNK_DOUBLES}, 4 Mi). */
    static final long SOLVER_CHUNK_DOUBLES = 4L << 20;

    double gflops() {
        return (double) n * (n + 1) * k / seconds / 1e9;
    }

    /** The k of the solver's dsyrk calls: whole masks of d columns, at most 4 Mi doubles per chunk. */
    static int solverChunkColumns(int n, int d, int p) {
        long masks = Math.max(1, Math.min(p, SOLVER_CHUNK_DOUBLES / Math.max(1L, (long) n * d)));
        return (int) masks * d;
    }

    /** Measures; leaves OpenBLAS at {@code threads} threads. */
    static DsyrkRate measure(int n, int k, int threads, int calls) {
        if (calls < 1) throw new IllegalArgumentException("calls must be >= 1, got " + calls);
        OpenBlas.setThreads(threads);
        try (Arena arena = Arena.ofConfined()) {
            SplittableRandom rnd = new SplittableRandom(42);
            double[] zv = new double[n * k];
            for (int i = 0; i < zv.length; i++) zv[i] = rnd.nextDouble(-1, 1);
            Matrix z = Matrix.of(arena, n, k, zv), s = Matrix.allocate(arena, n, n);
            Blas.dsyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0, z, 0.0, s);
            double[] t = new double[calls];
            for (int c = 0; c < calls; c++) {
                long t0 = System.nanoTime();
                Blas.dsyrk(Uplo.UPPER, Trans.NO_TRANS, 1.0, z, 1.0, s);
                t[c] = (System.nanoTime() - t0) * 1e-9;
            }
            Arrays.sort(t);
            double median = calls % 2 == 1 ? t[calls / 2] : (t[calls / 2 - 1] + t[calls / 2]) / 2;
            return new DsyrkRate(n, k, threads, median);
        }
    }
}
