package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaskedRowSumTest {

    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, false), Arguments.of(n, 9, true), Arguments.of(n, 64, false), Arguments.of(n, 0, true)));
    }

    @ParameterizedTest(name = "n={0} cols={1} accumulate={2}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int cols, boolean accumulate) {
        Kernels vector = Fixtures.vectorOrSkip();
        int ld = Fixtures.oddLd(n);
        int wpm = Masks.wordsFor(n) + 1;
        long first = 5;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(17L * n + cols);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment masks = Fixtures.longs(arena, (first + cols) * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment out = Fixtures.doubles(arena, n);
            Fixtures.fillGaussian(out, rnd);
            MemorySegment start = Fixtures.copy(arena, out);
            MemorySegment expected = Fixtures.copy(arena, out);

            Kernels.scalar().maskedRowSum().sum(panel, ld, n, cols, masks, first, wpm, expected, accumulate);
            vector.maskedRowSum().sum(panel, ld, n, cols, masks, first, wpm, out, accumulate);

            for (int r = 0; r < n; r++) {
                double magnitude = accumulate ? Math.abs(start.getAtIndex(JAVA_DOUBLE, r)) : 0;
                for (int c = 0; c < cols; c++) magnitude += Math.abs(panel.getAtIndex(JAVA_DOUBLE, (long) c * ld + r));
                Fixtures.assertClose(expected.getAtIndex(JAVA_DOUBLE, r), out.getAtIndex(JAVA_DOUBLE, r),
                        (cols + 1) * 1e-15 * magnitude, "row " + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            // 3×3 panel, ld = 4; masks {0, 2}, {1, 2}, {} — the NaN in column 2 is switched off.
            MemorySegment panel = Fixtures.of(arena, 1, 2, 3, 99, 10, 20, 30, 99, Double.NaN, 5, 6);
            MemorySegment masks = Fixtures.ofLongs(arena, 0b101, 0b110, 0b000);
            MemorySegment out = Fixtures.of(arena, 100, 200, 300);
            kernels.maskedRowSum().sum(panel, 4, 3, 3, masks, 0, 1, out, true);
            assertArrayEquals(new double[] {101, 220, 333}, Fixtures.array(out));
            kernels.maskedRowSum().sum(panel, 4, 3, 3, masks, 0, 1, out, false);
            assertArrayEquals(new double[] {1, 20, 33}, Fixtures.array(out));
        }
    }
}
