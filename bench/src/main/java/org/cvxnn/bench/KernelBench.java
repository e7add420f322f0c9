package org.cvxnn.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.cvxnn.kernels.Kernels;
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
 * Every kernel family, scalar reference against Vector API ({@code impl}), on the shapes the solver
 * uses: an {@code n × cols} panel with an odd leading dimension ({@code n | 1}) and one mask per
 * column; row masking with {@value #COLS_PER_MASK} columns per mask; orthant and elementwise
 * operations on vectors of {@code n · cols} doubles; {@code n} second-order cones of dimension
 * {@code cols + 1}; the three-layer kernels treat the {@code cols} columns as {@code cols / }{@value #M1}
 * combos of {@value #M1} neurons with random signs. Sizes are awkward on purpose (4099 is prime;
 * neither is a multiple of 64).
 *
 * <p>Each trial first checks its own answers: every kernel of {@code impl} is run once on the
 * benchmark data and compared with the scalar reference; a mismatch throws and fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class KernelBench {

    /** Columns sharing one mask in {@link #rowMasking} (the feature count d of a Z chunk). */
    static final int COLS_PER_MASK = 8;
    /** First-layer neurons per combo in the three-layer kernels. */
    static final int M1 = 2;

    @Param({"scalar", "vector"})
    public String impl;
    @Param({"1000", "4099"})
    public int n;
    @Param({"64"})
    public int cols;

    private Kernels kernels;
    private Arena arena;
    private int ld;
    private int wpm;
    private long len;
    private MemorySegment panel, work, masks, patterns, r, rowSums;
    private MemorySegment s, ds, a, b, out, x, dx;
    private int combos;
    private MemorySegment signs, z;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = switch (impl) {
            case "scalar" -> Kernels.scalar();
            case "vector" -> Kernels.vector();
            default -> throw new IllegalArgumentException("impl = " + impl + "; use scalar or vector");
        };
        System.out.println("kernels: " + kernels.info().describe());
        ld = n | 1;
        wpm = (n + 63) >>> 6;
        len = (long) n * cols;
        // Shared, not confined: JMH may run @Setup and the benchmark on different threads (-t > 1).
        arena = Arena.ofShared();
        SplittableRandom rnd = new SplittableRandom(42);
        panel = gaussian((long) ld * cols, rnd);
        work = doubles((long) ld * cols);
        masks = longs((long) cols * wpm);
        for (long k = 0; k < (long) cols * wpm; k++) masks.setAtIndex(JAVA_LONG, k, rnd.nextLong());
        patterns = longs((long) cols * wpm);
        r = gaussian(n, rnd);
        rowSums = doubles(n);
        combos = cols / M1;
        signs = doubles(cols);
        for (int k = 0; k < cols; k++) signs.setAtIndex(JAVA_DOUBLE, k, rnd.nextBoolean() ? 1.0 : -1.0);
        z = doubles((long) ld * combos);
        s = doubles(len);
        ds = gaussian(len, rnd);
        a = doubles(len);
        b = gaussian(len, rnd);
        out = doubles(len);
        for (long k = 0; k < len; k++) {
            s.setAtIndex(JAVA_DOUBLE, k, Math.exp(rnd.nextGaussian()));
            a.setAtIndex(JAVA_DOUBLE, k, Math.exp(rnd.nextGaussian()));
        }
        int dim = cols + 1;
        x = doubles((long) n * dim);
        dx = gaussian((long) n * dim, rnd);
        for (long c = 0; c < n; c++) {
            double norm2 = 0;
            for (int j = 1; j < dim; j++) {
                double u = rnd.nextGaussian();
                x.setAtIndex(JAVA_DOUBLE, c * dim + j, u);
                norm2 += u * u;
            }
            x.setAtIndex(JAVA_DOUBLE, c * dim, 1.5 * Math.sqrt(norm2) + 0.1);
        }
        checkAgainstScalar();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public MemorySegment signPatterns() {
        kernels.signPatterns().extract(panel, ld, n, cols, patterns, 0, wpm);
        return patterns;
    }

    @Benchmark
    public MemorySegment rowMasking() {
        kernels.rowMasking().apply(work, ld, n, cols, COLS_PER_MASK, masks, 0, wpm);
        return work;
    }

    @Benchmark
    public MemorySegment maskedPanel() {
        kernels.maskedPanel().expand(r, n, cols, masks, 0, wpm, work, ld);
        return work;
    }

    /** {@code z_c} for every combo and the prediction {@code Σ_c D_2c z_c} (masks double as second-layer masks). */
    @Benchmark
    public MemorySegment twoLevelRowSum() {
        kernels.twoLevelRowSum().sum(panel, ld, n, combos, M1, signs, masks, 0, masks, 0, wpm, z, ld, rowSums, false);
        return rowSums;
    }

    @Benchmark
    public MemorySegment twoLevelPanel() {
        kernels.twoLevelPanel().expand(r, n, combos, M1, signs, masks, 0, masks, 0, wpm, work, ld);
        return work;
    }

    /** {@code −(2D − I) P}, out of place. */
    @Benchmark
    public MemorySegment signFlip() {
        kernels.signFlip().apply(panel, ld, n, combos * M1, 1, masks, 0, wpm, -1.0, work, ld);
        return work;
    }

    @Benchmark
    public double orthantStep() {
        return kernels.stepLength().orthant(s, ds, len);
    }

    @Benchmark
    public double socStep() {
        return kernels.stepLength().secondOrderCones(x, dx, cols + 1, n);
    }

    @Benchmark
    public MemorySegment mul() {
        kernels.elementwise().mul(a, b, out, len);
        return out;
    }

    @Benchmark
    public MemorySegment div() {
        kernels.elementwise().div(a, b, out, len);
        return out;
    }

    @Benchmark
    public MemorySegment axpby() {
        kernels.elementwise().axpby(0.5, a, -2.0, b, out, len);
        return out;
    }

    @Benchmark
    public MemorySegment correctorRhs() {
        kernels.elementwise().correctorRhs(s, a, ds, b, a, 0.25, out, len);
        return out;
    }

    @Benchmark
    public double dot() {
        return kernels.elementwise().dot(a, b, len);
    }

    @Benchmark
    public double sumSquares() {
        return kernels.elementwise().sumSquares(b, len);
    }

    @Benchmark
    public double maxAbs() {
        return kernels.elementwise().maxAbs(b, len);
    }

    /** Runs every kernel of {@link #kernels} once and compares it with the scalar reference. */
    private void checkAgainstScalar() {
        Kernels ref = Kernels.scalar();
        MemorySegment expected = doubles(Math.max(len, (long) ld * cols));

        signPatterns();
        ref.signPatterns().extract(panel, ld, n, cols, expected, 0, wpm);
        same("signPatterns", expected, patterns, (long) cols * wpm * Long.BYTES);

        work.copyFrom(panel);
        rowMasking();
        expected.copyFrom(panel);
        ref.rowMasking().apply(expected, ld, n, cols, COLS_PER_MASK, masks, 0, wpm);
        same("rowMasking", expected, work, work.byteSize());

        maskedPanel();
        ref.maskedPanel().expand(r, n, cols, masks, 0, wpm, expected, ld);
        same("maskedPanel", expected, work, work.byteSize());

        twoLevelPanel();
        ref.twoLevelPanel().expand(r, n, combos, M1, signs, masks, 0, masks, 0, wpm, expected, ld);
        same("twoLevelPanel", expected, work, work.byteSize());

        signFlip();
        ref.signFlip().apply(panel, ld, n, combos * M1, 1, masks, 0, wpm, -1.0, expected, ld);
        same("signFlip", expected, work, work.byteSize());

        twoLevelRowSum();
        MemorySegment zExpected = doubles((long) ld * combos);
        ref.twoLevelRowSum().sum(panel, ld, n, combos, M1, signs, masks, 0, masks, 0, wpm, zExpected, ld, expected, false);
        same("twoLevelRowSum z", zExpected, z, z.byteSize());
        for (int i = 0; i < n; i++) {
            close("twoLevelRowSum", expected.getAtIndex(JAVA_DOUBLE, i), rowSums.getAtIndex(JAVA_DOUBLE, i), cols * 1e-14);
        }

        close("orthantStep", ref.stepLength().orthant(s, ds, len), orthantStep(), 0);
        close("socStep", ref.stepLength().secondOrderCones(x, dx, cols + 1, n), socStep(), 1e-10);
        close("dot", ref.elementwise().dot(a, b, len), dot(), len * 1e-15);
        close("sumSquares", ref.elementwise().sumSquares(b, len), sumSquares(), len * 1e-15);
        close("maxAbs", ref.elementwise().maxAbs(b, len), maxAbs(), 0);

        long bytes = len * Double.BYTES;
        mul();
        ref.elementwise().mul(a, b, expected, len);
        same("mul", expected, out, bytes);
        div();
        ref.elementwise().div(a, b, expected, len);
        same("div", expected, out, bytes);
        axpby();
        ref.elementwise().axpby(0.5, a, -2.0, b, expected, len);
        same("axpby", expected, out, bytes);
        correctorRhs();
        ref.elementwise().correctorRhs(s, a, ds, b, a, 0.25, expected, len);
        same("correctorRhs", expected, out, bytes);
    }

    private static void same(String what, MemorySegment expected, MemorySegment actual, long bytes) {
        long at = expected.asSlice(0, bytes).mismatch(actual.asSlice(0, bytes));
        if (at >= 0) throw new IllegalStateException(what + ": result differs from the scalar reference at byte " + at);
    }

    /** Relative comparison: {@code |expected - actual| <= relTol · max(1, |expected|)}. */
    private static void close(String what, double expected, double actual, double relTol) {
        if (Double.compare(expected, actual) != 0 && !(Math.abs(expected - actual) <= relTol * Math.max(1, Math.abs(expected)))) {
            throw new IllegalStateException(what + ": " + actual + " differs from the scalar reference " + expected);
        }
    }

    private MemorySegment doubles(long count) {
        return arena.allocate(count * Double.BYTES, 64);
    }

    private MemorySegment longs(long count) {
        return arena.allocate(count * Long.BYTES, 64);
    }

    private MemorySegment gaussian(long count, SplittableRandom rnd) {
        MemorySegment seg = doubles(count);
        for (long k = 0; k < count; k++) seg.setAtIndex(JAVA_DOUBLE, k, rnd.nextGaussian());
        return seg;
    }
}
