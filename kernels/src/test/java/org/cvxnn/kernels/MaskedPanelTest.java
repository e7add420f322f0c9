package org.cvxnn.kernels;

import static org.cvxnn.kernels.Fixtures.assertSameBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaskedPanelTest {

    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, 0), Arguments.of(n, 5, 1), Arguments.of(n, 0, 0)));
    }

    @ParameterizedTest(name = "n={0} cols={1} extraWords={2}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int cols, int extraWords) {
        Kernels vector = Fixtures.vectorOrSkip();
        int ld = Fixtures.oddLd(n);
        int wpm = Masks.wordsFor(n) + extraWords;
        long first = 4;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(19L * n + cols);
            MemorySegment r = Fixtures.doubles(arena, n);
            Fixtures.fillGaussian(r, rnd);
            MemorySegment masks = Fixtures.longs(arena, (first + cols) * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment expected = Fixtures.copy(arena, panel);

            Kernels.scalar().maskedPanel().expand(r, n, cols, masks, first, wpm, expected, ld);
            vector.maskedPanel().expand(r, n, cols, masks, first, wpm, panel, ld);

            assertSameBytes(expected, panel, "expanded panel");
            Fixtures.assertPaddingIntact(panel, n, cols, ld);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = Fixtures.of(arena, 1, Double.NaN, 3);
            MemorySegment masks = Fixtures.ofLongs(arena, 0b101, 0b010);
            MemorySegment panel = Fixtures.of(arena, 7, 7, 7, 7, 7, 7, 7);   // 3×2, ld = 4
            kernels.maskedPanel().expand(r, 3, 2, masks, 0, 1, panel, 4);
            assertArrayEquals(new double[] {1, 0, 3, 7, 0, Double.NaN, 0}, Fixtures.array(panel));
        }
    }
}
