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

class TwoLevelPanelTest {

    /** n, combos, m1, extra words per mask. */
    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, 1, 0), Arguments.of(n, 4, 2, 1), Arguments.of(n, 2, 3, 0), Arguments.of(n, 0, 2, 0)));
    }

    private static MemorySegment randomSigns(Arena arena, int cols, Random rnd) {
        MemorySegment signs = Fixtures.doubles(arena, cols);
        for (int k = 0; k < cols; k++) {
            signs.setAtIndex(JAVA_DOUBLE, k, k % 5 == 4 ? rnd.nextGaussian() : rnd.nextBoolean() ? 1.0 : -1.0);
        }
        return signs;
    }

    @ParameterizedTest(name = "n={0} combos={1} m1={2} extraWords={3}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int combos, int m1, int extraWords) {
        Kernels vector = Fixtures.vectorOrSkip();
        int cols = combos * m1, ld = Fixtures.oddLd(n), wpm = Masks.wordsFor(n) + extraWords;
        long first1 = 2, first2 = 6;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(31L * n + 5L * combos + m1);
            MemorySegment r = Fixtures.doubles(arena, n);
            Fixtures.fillGaussian(r, rnd);
            MemorySegment signs = randomSigns(arena, cols, rnd);
            MemorySegment masks1 = Fixtures.longs(arena, (first1 + cols) * wpm);
            Fixtures.fillRandomLongs(masks1, rnd);
            MemorySegment masks2 = Fixtures.longs(arena, (first2 + combos) * wpm);
            Fixtures.fillRandomLongs(masks2, rnd);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment expected = Fixtures.copy(arena, panel);

            Kernels.scalar().twoLevelPanel().expand(r, n, combos, m1, signs, masks1, first1, masks2, first2, wpm, expected, ld);
            vector.twoLevelPanel().expand(r, n, combos, m1, signs, masks1, first1, masks2, first2, wpm, panel, ld);

            assertSameBytes(expected, panel, "two-level panel");
            Fixtures.assertPaddingIntact(panel, n, cols, ld);
        }
    }

    /**
     * Independent of the two-level code: column {@code k} is {@code s_k r} masked by {@code D_2c}
     * and then by {@code D_1k}, two expansions by {@link MaskedPanel}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void composesFromMaskedPanels(Kernels kernels) {
        int n = 131, combos = 5, m1 = 3, cols = combos * m1, ld = 133, wpm = 3;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(37);
            MemorySegment r = Fixtures.doubles(arena, n);
            Fixtures.fillGaussian(r, rnd);
            MemorySegment signs = randomSigns(arena, cols, rnd);
            MemorySegment masks1 = Fixtures.longs(arena, (long) cols * wpm);
            Fixtures.fillRandomLongs(masks1, rnd);
            MemorySegment masks2 = Fixtures.longs(arena, (long) combos * wpm);
            Fixtures.fillRandomLongs(masks2, rnd);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment expected = Fixtures.copy(arena, panel);
            MemorySegment scaled = Fixtures.doubles(arena, n), outer = Fixtures.doubles(arena, n);
            for (int k = 0; k < cols; k++) {
                double s = signs.getAtIndex(JAVA_DOUBLE, k);
                for (int i = 0; i < n; i++) scaled.setAtIndex(JAVA_DOUBLE, i, s * r.getAtIndex(JAVA_DOUBLE, i));
                Kernels.scalar().maskedPanel().expand(scaled, n, 1, masks2, k / m1, wpm, outer, n);
                Kernels.scalar().maskedPanel().expand(outer, n, 1, masks1, k, wpm,
                        expected.asSlice((long) k * ld * Double.BYTES), ld);
            }

            kernels.twoLevelPanel().expand(r, n, combos, m1, signs, masks1, 0, masks2, 0, wpm, panel, ld);
            assertSameBytes(expected, panel, "two-level panel");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = Fixtures.of(arena, 1, Double.NaN, 3);
            MemorySegment signs = Fixtures.of(arena, -1, 2);
            MemorySegment masks1 = Fixtures.ofLongs(arena, 0b111, 0b101);
            MemorySegment masks2 = Fixtures.ofLongs(arena, 0b011);
            MemorySegment panel = Fixtures.of(arena, 7, 7, 7, 7, 7, 7, 7);   // 3×2, ld = 4, one combo of two neurons
            kernels.twoLevelPanel().expand(r, 3, 1, 2, signs, masks1, 0, masks2, 0, 1, panel, 4);
            assertArrayEquals(new double[] {-1, Double.NaN, 0, 7, 2, 0, 0}, Fixtures.array(panel));
        }
    }
}
