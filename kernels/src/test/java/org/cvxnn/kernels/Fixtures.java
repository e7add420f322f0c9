package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Shared sizes, memory and assertions of the kernel tests. */
final class Fixtures {

    /** Written into rows {@code n .. ld-1} of panels: kernels must never touch it. */
    static final double PADDING = -12345.678;

    private Fixtures() {}

    /** The Vector API kernels, or the test is skipped (reported with the reason). */
    static Kernels vectorOrSkip() {
        Optional<String> why = KernelProvider.vectorUnavailableReason();
        assumeTrue(why.isEmpty(), () -> "Vector API kernels unavailable: " + why.orElseThrow());
        return Kernels.vector();
    }

    /** Implementations the reference tests run on: the scalar one and the selected one. */
    static Stream<Kernels> implementations() {
        return Stream.of(Kernels.scalar(), Kernels.get()).distinct();
    }

    /** Lane count of the vector kernels (4 if they are unavailable, to keep the sizes meaningful). */
    static int lanes() {
        return KernelProvider.vectorUnavailableReason().isEmpty() ? Kernels.vector().info().lanes() : 4;
    }

    /** 0, 1, lanes ± 1, word boundaries, primes and large sizes. */
    static IntStream sizes() {
        int l = lanes();
        return IntStream.of(0, 1, l - 1, l, l + 1, 7, 13, 61, 63, 64, 65, 67, 127, 128, 1000, 4099).distinct().sorted();
    }

    /** An odd leading dimension greater than {@code n}. */
    static int oddLd(int n) {
        return n % 2 == 0 ? n + 1 : n + 2;
    }

    static MemorySegment doubles(Arena arena, long count) {
        return arena.allocate(count * Double.BYTES, 64);
    }

    static MemorySegment longs(Arena arena, long count) {
        return arena.allocate(count * Long.BYTES, 64);
    }

    static MemorySegment of(Arena arena, double... values) {
        return doubles(arena, values.length).copyFrom(MemorySegment.ofArray(values));
    }

    static MemorySegment ofLongs(Arena arena, long... values) {
        return longs(arena, values.length).copyFrom(MemorySegment.ofArray(values));
    }

    static MemorySegment copy(Arena arena, MemorySegment source) {
        return arena.allocate(source.byteSize(), 64).copyFrom(source);
    }

    static double[] array(MemorySegment seg) {
        return seg.toArray(JAVA_DOUBLE);
    }

    /** Standard normal values with some exact {@code +0.0} and {@code -0.0} mixed in. */
    static void fillGaussian(MemorySegment seg, Random rnd) {
        for (long k = 0; k < seg.byteSize() / Double.BYTES; k++) {
            int kind = rnd.nextInt(20);
            double v = kind == 0 ? 0.0 : kind == 1 ? -0.0 : rnd.nextGaussian();
            seg.setAtIndex(JAVA_DOUBLE, k, v);
        }
    }

    static void fillRandomLongs(MemorySegment seg, Random rnd) {
        for (long k = 0; k < seg.byteSize() / Long.BYTES; k++) seg.setAtIndex(JAVA_LONG, k, rnd.nextLong());
    }

    /** A random column-major panel of minimal size with {@link #PADDING} in rows {@code n .. ld-1}. */
    static MemorySegment panel(Arena arena, int n, int cols, int ld, Random rnd) {
        if (cols == 0 || n == 0) return doubles(arena, 0);
        MemorySegment p = doubles(arena, (long) (cols - 1) * ld + n);
        fillGaussian(p, rnd);
        for (int c = 0; c + 1 < cols; c++) {
            for (int r = n; r < ld; r++) p.setAtIndex(JAVA_DOUBLE, (long) c * ld + r, PADDING);
        }
        return p;
    }

    static void assertPaddingIntact(MemorySegment panel, int n, int cols, int ld) {
        for (int c = 0; n > 0 && c + 1 < cols; c++) {
            for (int r = n; r < ld; r++) {
                assertEquals(PADDING, panel.getAtIndex(JAVA_DOUBLE, (long) c * ld + r), "padding row " + r + " of column " + c);
            }
        }
    }

    static void assertSameBytes(MemorySegment expected, MemorySegment actual, String what) {
        long at = expected.mismatch(actual);
        assertEquals(-1L, at, () -> what + ": first difference at byte " + at);
    }

    /** {@code |expected - actual| <= tolerance}, with NaN equal to NaN and infinities equal to themselves. */
    static void assertClose(double expected, double actual, double tolerance, String what) {
        if (Double.compare(expected, actual) == 0) return;
        assertTrue(Math.abs(expected - actual) <= tolerance,
                () -> what + ": expected " + expected + " but was " + actual + " (tolerance " + tolerance + ")");
    }
}
