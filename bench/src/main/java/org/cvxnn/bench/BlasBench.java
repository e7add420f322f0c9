package org.cvxnn.bench;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Uplo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OpenBLAS through the checked {@link Blas} facade: what the solver's dense steps cost.
 *
 * <ul>
 *   <li>{@link #dgemm}: {@code C ← A·B}, square n×n, n ∈ {256, 777, 1024} (777: awkward, not a
 *       multiple of any blocking factor); 2n³ flops.</li>
 *   <li>{@link #dsyrk}: {@code S ← S + Z·Zᵀ} (lower triangle) with Z n×k, n = 1000, k = 2000 — the
 *       shape of the IPM's dominant step, accumulating the normal matrix chunk by chunk; n²k flops
 *       (the convention for the GFLOP/s figures; the exact count is n(n+1)k).</li>
 *   <li>{@link #overheadThreads}, {@link #overheadDdot1}, {@link #overheadDgemm8}: the fixed cost of
 *       a downcall — a call that does nothing ({@code openblas_get_num_threads}), a 1-element
 *       {@code ddot} and an 8×8 {@code dgemm}, both including the facade's argument checks; in ns.</li>
 * </ul>
 *
 * <p>{@code threads} sets {@link OpenBlas#setThreads} once per trial (process-global; every
 * parameter combination runs in its own fork). Each trial first checks its own answer: a small
 * awkward-sized dgemm/dsyrk against a plain Java triple loop, then sampled entries of the
 * benchmark-sized result against Java dot products; a wrong answer throws and fails the run.
 *
 * <p>The core type OpenBLAS picked (environment variable {@code OPENBLAS_CORETYPE}, else CPU
 * detection) decides the kernels; each trial prints it to the fork's output.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BlasBench {

    /** Operands of {@link #dgemm}. */
    @State(Scope.Benchmark)
    public static class Gemm {
        @Param({"256", "777", "1024"})
        public int n;
        @Param({"1", "2"})
        public int threads;

        Arena arena;
        Matrix a, b, c;

        @Setup(Level.Trial)
        public void setUp() {
            OpenBlas.setThreads(threads);
            announce("dgemm n=" + n, threads);
            arena = Arena.ofConfined();
            checkSmallGemm(arena);
            SplittableRandom rnd = new SplittableRandom(42);
            a = random(arena, n, n, rnd);
            b = random(arena, n, n, rnd);
            c = Matrix.allocate(arena, n, n);
            Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, a, b, 0.0, c);
            checkSampledProduct("dgemm n=" + n, a, b, c, false, rnd);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    /** Operands of {@link #dsyrk}. */
    @State(Scope.Benchmark)
    public static class Syrk {
        @Param({"1000"})
        public int n;
        @Param({"2000"})
        public int k;
        @Param({"1", "2"})
        public int threads;

        Arena arena;
        Matrix z, s;

        @Setup(Level.Trial)
        public void setUp() {
            OpenBlas.setThreads(threads);
            announce("dsyrk n=" + n + " k=" + k, threads);
            arena = Arena.ofConfined();
            checkSmallSyrk(arena);
            SplittableRandom rnd = new SplittableRandom(43);
            z = random(arena, n, k, rnd);
            s = Matrix.allocate(arena, n, n);
            Blas.dsyrk(Uplo.LOWER, Trans.NO_TRANS, 1.0, z, 0.0, s);
            checkSampledProduct("dsyrk n=" + n + " k=" + k, z, z, s, true, rnd);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    /** Operands of the overhead benchmarks: 1-element vectors and 8×8 matrices; one thread. */
    @State(Scope.Benchmark)
    public static class Tiny {
        Arena arena;
        Matrix x, y, a8, b8, c8;

        @Setup(Level.Trial)
        public void setUp() {
            OpenBlas.setThreads(1);
            announce("overhead", 1);
            arena = Arena.ofConfined();
            x = Matrix.of(arena, 1, 1, new double[] {3.0});
            y = Matrix.of(arena, 1, 1, new double[] {-2.5});
            if (Blas.ddot(x, y) != -7.5) throw new IllegalStateException("ddot of 3 and -2.5 gave " + Blas.ddot(x, y));
            if (OpenBlas.threads() != 1) throw new IllegalStateException("OpenBLAS reports " + OpenBlas.threads() + " threads after setThreads(1)");
            SplittableRandom rnd = new SplittableRandom(44);
            a8 = random(arena, 8, 8, rnd);
            b8 = random(arena, 8, 8, rnd);
            c8 = Matrix.allocate(arena, 8, 8);
            Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, a8, b8, 0.0, c8);
            checkAgainstReference("dgemm 8x8", c8.toArray(), gemmReference(a8.toArray(), b8.toArray(), 8, 8, 8), 8);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Matrix dgemm(Gemm g) {
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, g.a, g.b, 0.0, g.c);
        return g.c;
    }

    /** {@code S += Z Zᵀ} with β = 1 as in the IPM; S grows by O(k) per call, far from overflow. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Matrix dsyrk(Syrk st) {
        Blas.dsyrk(Uplo.LOWER, Trans.NO_TRANS, 1.0, st.z, 1.0, st.s);
        return st.s;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int overheadThreads(Tiny t) {
        return OpenBlas.threads();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double overheadDdot1(Tiny t) {
        return Blas.ddot(t.x, t.y);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Matrix overheadDgemm8(Tiny t) {
        Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1.0, t.a8, t.b8, 0.0, t.c8);
        return t.c8;
    }

    // ---------------------------------------------------------------- self-checks

    private static void announce(String what, int threads) {
        System.out.println("# cvxnn BlasBench " + what + ": OpenBLAS core " + OpenBlas.coreName() + ", threads " + OpenBlas.threads()
                + " (asked " + threads + "), OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE"));
    }

    static Matrix random(Arena arena, int rows, int cols, SplittableRandom rnd) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextDouble(-1.0, 1.0);
        return Matrix.of(arena, rows, cols, v);
    }

    /** {@code A·B} for column-major A (m×k) and B (k×n), plain triple loop. */
    static double[] gemmReference(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int j = 0; j < n; j++)
            for (int p = 0; p < k; p++) {
                double bpj = b[p + j * k];
                for (int i = 0; i < m; i++) c[i + j * m] += a[i + p * m] * bpj;
            }
        return c;
    }

    /** Compares element-wise with a tolerance scaled by the inner dimension k (inputs in [-1, 1]). */
    static void checkAgainstReference(String what, double[] got, double[] want, int k) {
        double tol = 1e-14 * (k + 1) * 8;
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= tol * Math.max(1.0, Math.abs(want[i]))))
                throw new IllegalStateException(what + ": element " + i + " is " + got[i] + ", the Java reference says " + want[i]);
        }
    }

    /** An awkward-sized {@code C ← 1.5·Aᵀ·B − 0.5·C} against the triple loop (exercises trans, alpha, beta). */
    private static void checkSmallGemm(Arena arena) {
        int m = 37, k = 29, n = 41;
        SplittableRandom rnd = new SplittableRandom(7);
        Matrix at = random(arena, k, m, rnd), b = random(arena, k, n, rnd), c = random(arena, m, n, rnd);
        double[] c0 = c.toArray();
        double[] a = new double[m * k];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) a[i + p * m] = at.get(p, i);
        double[] want = gemmReference(a, b.toArray(), m, k, n);
        for (int i = 0; i < want.length; i++) want[i] = 1.5 * want[i] - 0.5 * c0[i];
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.5, at, b, -0.5, c);
        checkAgainstReference("dgemm 37x29x41 (Aᵀ·B, alpha 1.5, beta -0.5)", c.toArray(), want, k);
    }

    /** An awkward-sized lower {@code S ← Z·Zᵀ + S} against the triple loop; the upper triangle must stay untouched. */
    private static void checkSmallSyrk(Arena arena) {
        int n = 45, k = 31;
        SplittableRandom rnd = new SplittableRandom(8);
        Matrix z = random(arena, n, k, rnd), s = random(arena, n, n, rnd);
        double[] s0 = s.toArray(), zz = z.toArray();
        double[] zt = new double[k * n];
        for (int i = 0; i < n; i++) for (int p = 0; p < k; p++) zt[p + i * k] = zz[i + p * n];
        double[] want = gemmReference(zz, zt, n, k, n);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) want[i + j * n] = i >= j ? want[i + j * n] + s0[i + j * n] : s0[i + j * n];
        Blas.dsyrk(Uplo.LOWER, Trans.NO_TRANS, 1.0, z, 1.0, s);
        checkAgainstReference("dsyrk 45x31 (lower, beta 1)", s.toArray(), want, k);
    }

    /**
     * Checks 64 sampled entries of {@code c = a·b} ({@code a·aᵀ}, lower triangle, when {@code syrk})
     * against Java dot products — O(k) each, so the benchmark-sized result is verified too.
     */
    private static void checkSampledProduct(String what, Matrix a, Matrix b, Matrix c, boolean syrk, SplittableRandom rnd) {
        int k = a.cols();
        for (int s = 0; s < 64; s++) {
            int i = rnd.nextInt(c.rows()), j = rnd.nextInt(c.cols());
            if (syrk && i < j) { int t = i; i = j; j = t; }
            double want = 0.0;
            for (int p = 0; p < k; p++) want += a.get(i, p) * (syrk ? b.get(j, p) : b.get(p, j));
            double got = c.get(i, j), tol = 1e-14 * (k + 1) * 8;
            if (!(Math.abs(got - want) <= tol * Math.max(1.0, Math.abs(want))))
                throw new IllegalStateException(what + ": C(" + i + ", " + j + ") is " + got + ", the Java dot product says " + want);
        }
    }
}
