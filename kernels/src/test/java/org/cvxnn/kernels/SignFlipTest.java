package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.cvxnn.kernels.Fixtures.assertSameBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignFlipTest {

    /** n, cols, colsPerMask, alpha, in place. */
    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, 1, 1.0, true), Arguments.of(n, 6, 3, -1.0, false), Arguments.of(n, 7, 2, 2.5, true),
                Arguments.of(n, 5, 1, -0.75, false), Arguments.of(n, 0, 1, -1.0, false)));
    }

    @ParameterizedTest(name = "n={0} cols={1} colsPerMask={2} alpha={3} inPlace={4}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int cols, int colsPerMask, double alpha, boolean inPlace) {
        Kernels vector = Fixtures.vectorOrSkip();
        int ldIn = Fixtures.oddLd(n), ldOut = inPlace ? ldIn : n + 3, wpm = Masks.wordsFor(n) + 1;
        long first = 3, maskCount = (cols + colsPerMask - 1) / colsPerMask;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(41L * n + cols);
            MemorySegment in = Fixtures.panel(arena, n, cols, ldIn, rnd);
            MemorySegment masks = Fixtures.longs(arena, (first + maskCount) * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment original = Fixtures.copy(arena, in);
            MemorySegment out = inPlace ? in : Fixtures.panel(arena, n, cols, ldOut, rnd);
            MemorySegment expected = Fixtures.copy(arena, out);

            Kernels.scalar().signFlip().apply(original, ldIn, n, cols, colsPerMask, masks, first, wpm, alpha, expected, ldOut);
            vector.signFlip().apply(in, ldIn, n, cols, colsPerMask, masks, first, wpm, alpha, out, ldOut);

            assertSameBytes(expected, out, "flipped panel");
            Fixtures.assertPaddingIntact(out, n, cols, ldOut);
            if (!inPlace) assertSameBytes(original, in, "input untouched");
        }
    }

    /**
     * Invariants that do not depend on the code under test: {@code (2D − I)² = I}, so flipping
     * twice in place restores the panel bit for bit; {@code α = −1} is the exact negation of
     * {@code α = 1}; the result is {@code ±in} entry by entry with the sign the mask bit gives.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void involutionAndNegation(Kernels kernels) {
        int n = 131, cols = 9, ld = 135, wpm = 3;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(47);
            MemorySegment in = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment masks = Fixtures.longs(arena, (long) cols * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment plus = Fixtures.copy(arena, in), minus = Fixtures.copy(arena, in);
            kernels.signFlip().apply(in, ld, n, cols, 1, masks, 0, wpm, 1.0, plus, ld);
            kernels.signFlip().apply(in, ld, n, cols, 1, masks, 0, wpm, -1.0, minus, ld);
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < n; r++) {
                    long at = (long) c * ld + r;
                    double x = in.getAtIndex(JAVA_DOUBLE, at);
                    double expected = Masks.bit(masks, (long) c * wpm, r) ? x : -x;
                    Fixtures.assertClose(expected, plus.getAtIndex(JAVA_DOUBLE, at), 0, "alpha = 1 at " + at);
                    Fixtures.assertClose(-expected, minus.getAtIndex(JAVA_DOUBLE, at), 0, "alpha = -1 at " + at);
                }
            }
            kernels.signFlip().apply(plus, ld, n, cols, 1, masks, 0, wpm, 1.0, plus, ld);
            assertSameBytes(in, plus, "flipped twice");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = Fixtures.of(arena, 1, -2, Double.NaN, 9, 4, 5, 6);   // 3×2, ld = 4
            MemorySegment masks = Fixtures.ofLongs(arena, 0b101, 0b010);
            MemorySegment out = Fixtures.doubles(arena, 6);                         // 3×2, ld = 3
            kernels.signFlip().apply(in, 4, 3, 2, 1, masks, 0, 1, -2.0, out, 3);
            assertArrayEquals(new double[] {-2, -4, Double.NaN, 8, -10, 12}, Fixtures.array(out));
        }
    }

    @ParameterizedTest(name = "n={0} cols={1} colsPerMask={2} alpha={3} inPlace={4}")
    @MethodSource("shapes")
    void combineMatchesScalar(int n, int cols, int colsPerMask, double alpha, boolean inPlace) {
        Kernels vector = Fixtures.vectorOrSkip();
        int ld = Fixtures.oddLd(n), ldOut = inPlace ? ld : n + 5, wpm = Masks.wordsFor(n) + 1;
        long first = 2, maskCount = (cols + colsPerMask - 1) / colsPerMask;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(43L * n + cols);
            MemorySegment in = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment b = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment w = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment masks = Fixtures.longs(arena, (first + maskCount) * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            for (double beta : new double[] {0.0, -1.0, 0.3}) {
                for (MemorySegment weights : new MemorySegment[] {null, w}) {
                    MemorySegment out = inPlace ? Fixtures.copy(arena, in) : Fixtures.panel(arena, n, cols, ldOut, rnd);
                    MemorySegment expected = Fixtures.copy(arena, out);
                    Kernels.scalar().signFlip().combine(in, ld, n, cols, colsPerMask, masks, first, wpm, alpha, b, beta, weights, expected, ldOut);
                    vector.signFlip().combine(inPlace ? out : in, ld, n, cols, colsPerMask, masks, first, wpm, alpha, b, beta, weights, out, ldOut);
                    assertSameBytes(expected, out, "combined panel, beta " + beta + ", weights " + (weights != null));
                    Fixtures.assertPaddingIntact(out, n, cols, ldOut);
                }
            }
        }
    }

    /** {@code w∘(f·in + beta·b)} entry by entry from the definition, with the sign the mask bit gives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void combineHandComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = Fixtures.of(arena, 1, -2, 3, 4, 5, 6);      // 3×2
            MemorySegment b = Fixtures.of(arena, 1, 1, 1, 2, 2, 2);
            MemorySegment w = Fixtures.of(arena, 2, 2, 2, 0.5, 0.5, 0.5);
            MemorySegment masks = Fixtures.ofLongs(arena, 0b101, 0b010);
            MemorySegment out = Fixtures.doubles(arena, 6);
            kernels.signFlip().combine(in, 3, 3, 2, 1, masks, 0, 1, -1.0, b, -1.0, w, out, 3);
            // column 0, bits 1,0,1: f = −1, +1, −1; column 1, bits 0,1,0: f = +1, −1, +1
            assertArrayEquals(new double[] {-4, -6, -8, 1, -3.5, 2}, Fixtures.array(out));
            kernels.signFlip().combine(in, 3, 3, 2, 1, masks, 0, 1, 2.0, null, 0.0, null, out, 3);
            assertArrayEquals(new double[] {2, 4, 6, -8, 10, -12}, Fixtures.array(out));
        }
    }
}
