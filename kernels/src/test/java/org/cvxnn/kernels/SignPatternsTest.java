package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.cvxnn.kernels.Fixtures.assertSameBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignPatternsTest {

    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, 0), Arguments.of(n, 5, 0), Arguments.of(n, 3, 1), Arguments.of(n, 0, 0)));
    }

    @ParameterizedTest(name = "n={0} cols={1} extraWords={2}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int cols, int extraWords) {
        Kernels vector = Fixtures.vectorOrSkip();
        int ld = Fixtures.oddLd(n);
        int wpm = Masks.wordsFor(n) + extraWords;
        long first = 3;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(11L * n + cols);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment masks = Fixtures.longs(arena, (first + cols + 2) * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment before = Fixtures.copy(arena, masks);
            MemorySegment expected = Fixtures.copy(arena, masks);

            Kernels.scalar().signPatterns().extract(panel, ld, n, cols, expected, first, wpm);
            vector.signPatterns().extract(panel, ld, n, cols, masks, first, wpm);

            assertSameBytes(expected, masks, "mask words");
            long untouchedFrom = (first + cols) * wpm;
            assertSameBytes(before.asSlice(0, first * wpm * Long.BYTES), masks.asSlice(0, first * wpm * Long.BYTES),
                    "masks before firstMaskIndex");
            assertSameBytes(before.asSlice(untouchedFrom * Long.BYTES), masks.asSlice(untouchedFrom * Long.BYTES),
                    "masks after the last column");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputedSmallPanel(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            // 3×2 panel, ld = 4 (row 3 is padding): columns (1, -1, 0) and (-0.0, NaN, -2).
            MemorySegment panel = Fixtures.of(arena, 1, -1, 0, 99, -0.0, Double.NaN, -2);
            MemorySegment masks = Fixtures.ofLongs(arena, 7, 7, -1, -1, -1, -1, 7, 7);
            kernels.signPatterns().extract(panel, 4, 3, 2, masks, 1, 2);
            assertArrayEquals(new long[] {7, 7, 0b101, 0, 0b001, 0, 7, 7}, masks.toArray(JAVA_LONG));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputedSecondWord(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            double[] column = new double[70];
            for (int r = 0; r < 70; r++) column[r] = (r % 3 == 0 || r == 69) ? r : -r - 1;   // rows 0, 3, 6, … and 69
            long low = 0;
            for (int r = 0; r < 64; r += 3) low |= 1L << r;
            long high = 1L << (66 - 64) | 1L << (69 - 64);
            MemorySegment masks = Fixtures.longs(arena, 2);
            kernels.signPatterns().extract(Fixtures.of(arena, column), 70, 70, 1, masks, 0, 2);
            assertArrayEquals(new long[] {low, high}, masks.toArray(JAVA_LONG));
        }
    }
}
