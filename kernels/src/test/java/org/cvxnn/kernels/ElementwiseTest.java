package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ElementwiseTest {

    static IntStream lengths() {
        return IntStream.concat(Fixtures.sizes(), IntStream.of(100_003));
    }

    @ParameterizedTest(name = "len={0}")
    @MethodSource("lengths")
    void mapsMatchScalarExactly(int len) {
        Elementwise scalar = Kernels.scalar().elementwise();
        Elementwise vector = Fixtures.vectorOrSkip().elementwise();
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(37L * len);
            MemorySegment a = Fixtures.doubles(arena, len);
            MemorySegment b = Fixtures.doubles(arena, len);
            for (int k = 0; k < len; k++) {
                a.setAtIndex(JAVA_DOUBLE, k, Math.exp(rnd.nextGaussian()));
                b.setAtIndex(JAVA_DOUBLE, k, Math.exp(rnd.nextGaussian()) * (rnd.nextBoolean() ? 1 : -1));
            }
            MemorySegment expected = Fixtures.doubles(arena, len);
            MemorySegment actual = Fixtures.doubles(arena, len);

            scalar.mul(a, b, expected, len);
            vector.mul(a, b, actual, len);
            assertArrayEquals(Fixtures.array(expected), Fixtures.array(actual), "mul");

            scalar.div(a, b, expected, len);
            vector.div(a, b, actual, len);
            assertArrayEquals(Fixtures.array(expected), Fixtures.array(actual), "div");

            scalar.axpby(0.3, a, -1.7, b, expected, len);
            vector.axpby(0.3, a, -1.7, b, actual, len);
            assertArrayEquals(Fixtures.array(expected), Fixtures.array(actual), "axpby");

            MemorySegment c = Fixtures.copy(arena, b), d = Fixtures.copy(arena, a);
            scalar.correctorRhs(a, d, b, c, a, 0.37, expected, len);
            vector.correctorRhs(a, d, b, c, a, 0.37, actual, len);
            assertArrayEquals(Fixtures.array(expected), Fixtures.array(actual), "correctorRhs");

            MemorySegment floats = arena.allocate(Math.max(1, len) * (long) Float.BYTES, 64);
            for (int k = 0; k < len; k++) floats.setAtIndex(JAVA_FLOAT, k, (float) b.getAtIndex(JAVA_DOUBLE, k));
            MemorySegment widened = Fixtures.copy(arena, a);
            MemorySegment widenedRef = Fixtures.copy(arena, a);
            scalar.widenAdd(floats, widenedRef, len);
            vector.widenAdd(floats, widened, len);
            assertArrayEquals(Fixtures.array(widenedRef), Fixtures.array(widened), "widenAdd");

            MemorySegment narrowRef = arena.allocate(Math.max(1, len) * (long) Float.BYTES, 64);
            MemorySegment narrowed = arena.allocate(Math.max(1, len) * (long) Float.BYTES, 64);
            scalar.narrow(b, narrowRef, len);
            vector.narrow(b, narrowed, len);
            for (int k = 0; k < len; k++)
                assertEquals(narrowRef.getAtIndex(JAVA_FLOAT, k), narrowed.getAtIndex(JAVA_FLOAT, k), "narrow at " + k);

            // In place: out is the first input.
            MemorySegment inPlace = Fixtures.copy(arena, a);
            scalar.div(a, b, expected, len);
            vector.div(inPlace, b, inPlace, len);
            assertArrayEquals(Fixtures.array(expected), Fixtures.array(inPlace), "div in place");
        }
    }

    @ParameterizedTest(name = "len={0}")
    @MethodSource("lengths")
    void reductionsMatchScalar(int len) {
        Elementwise scalar = Kernels.scalar().elementwise();
        Elementwise vector = Fixtures.vectorOrSkip().elementwise();
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(41L * len);
            MemorySegment a = Fixtures.doubles(arena, len);
            MemorySegment b = Fixtures.doubles(arena, len);
            Fixtures.fillGaussian(a, rnd);
            Fixtures.fillGaussian(b, rnd);
            double absDot = 0, squares = 0;
            for (int k = 0; k < len; k++) {
                double u = a.getAtIndex(JAVA_DOUBLE, k);
                absDot += Math.abs(u * b.getAtIndex(JAVA_DOUBLE, k));
                squares += u * u;
            }
            double tol = len * 1e-15;
            Fixtures.assertClose(scalar.dot(a, b, len), vector.dot(a, b, len), tol * absDot, "dot");
            Fixtures.assertClose(scalar.sumSquares(a, len), vector.sumSquares(a, len), tol * squares, "sumSquares");
            assertEquals(scalar.maxAbs(a, len), vector.maxAbs(a, len), "maxAbs");
            assertEquals(scalar.min(a, len), vector.min(a, len), "min");
            if (len > 0) {
                a.setAtIndex(JAVA_DOUBLE, len / 2, Double.NaN);
                assertTrue(Double.isNaN(vector.min(a, len)), "min propagates NaN");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        Elementwise e = kernels.elementwise();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = Fixtures.of(arena, 1, -2, 3, 4, 5);
            MemorySegment b = Fixtures.of(arena, 4, 5, -6, 1, 5);
            MemorySegment out = Fixtures.doubles(arena, 5);
            e.mul(a, b, out, 5);
            assertArrayEquals(new double[] {4, -10, -18, 4, 25}, Fixtures.array(out));
            e.div(a, b, out, 5);
            assertArrayEquals(new double[] {0.25, -0.4, -0.5, 4, 1}, Fixtures.array(out));
            e.axpby(2, a, -1, b, out, 5);
            assertArrayEquals(new double[] {-2, -9, 12, 7, 5}, Fixtures.array(out));
            assertEquals(4 - 10 - 18 + 4 + 25, e.dot(a, b, 5));
            assertEquals(1 + 4 + 9 + 16 + 25, e.sumSquares(a, 5));
            assertEquals(5, e.maxAbs(a, 5));
            assertEquals(-2, e.min(a, 5));
            assertEquals(Double.POSITIVE_INFINITY, e.min(a, 0));
            assertEquals(6, e.maxAbs(b, 5));
            assertEquals(0, e.dot(a, b, 0));
            assertEquals(0, e.maxAbs(a, 0));
            // s − r + (ds∘dz − σμ)/z, hand-computed for σμ = 2
            e.correctorRhs(Fixtures.of(arena, 1, 2, 3, 4, 5), Fixtures.of(arena, 2, 4, 1, 8, 1),
                    Fixtures.of(arena, 1, 2, 3, 4, 5), Fixtures.of(arena, 4, 1, 2, 0.5, 1), Fixtures.of(arena, 1, 1, 1, 1, 1), 2, out, 5);
            assertArrayEquals(new double[] {1, 1, 6, 3, 7}, Fixtures.array(out));
            MemorySegment floats = arena.allocate(5L * Float.BYTES, 64);
            float[] values = {1.5f, -2f, 0.25f, 8f, 0.1f};
            for (int k = 0; k < 5; k++) floats.setAtIndex(JAVA_FLOAT, k, values[k]);
            MemorySegment sums = Fixtures.of(arena, 1, 1, 1, 1, 1);
            e.widenAdd(floats, sums, 5);
            assertArrayEquals(new double[] {2.5, -1, 1.25, 9, 1 + (double) 0.1f}, Fixtures.array(sums));
            assertThrows(IllegalArgumentException.class, () -> e.widenAdd(floats, sums, 6));
            e.narrow(Fixtures.of(arena, 1.5, -2, 1.0 / 3, 1e300, 0.1), floats, 5);
            float[] rounded = new float[5];
            for (int k = 0; k < 5; k++) rounded[k] = floats.getAtIndex(JAVA_FLOAT, k);
            assertArrayEquals(new float[] {1.5f, -2f, 1f / 3, Float.POSITIVE_INFINITY, 0.1f}, rounded);
            assertThrows(IllegalArgumentException.class, () -> e.narrow(sums, floats, 6));
            e.mul(a, a, a, 5);   // in place
            assertArrayEquals(new double[] {1, 4, 9, 16, 25}, Fixtures.array(a));
        }
    }
}
