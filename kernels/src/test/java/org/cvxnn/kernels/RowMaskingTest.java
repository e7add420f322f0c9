package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.cvxnn.kernels.Fixtures.assertSameBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RowMaskingTest {

    /** A kept NaN must keep its exact bits. */
    private static final double NAN_WITH_PAYLOAD = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);

    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, 1, 0), Arguments.of(n, 6, 3, 0), Arguments.of(n, 7, 2, 1), Arguments.of(n, 0, 4, 0)));
    }

    @ParameterizedTest(name = "n={0} cols={1} colsPerMask={2} extraWords={3}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int cols, int colsPerMask, int extraWords) {
        Kernels vector = Fixtures.vectorOrSkip();
        int ld = Fixtures.oddLd(n);
        int wpm = Masks.wordsFor(n) + extraWords;
        long first = 2;
        long maskCount = (cols + colsPerMask - 1) / colsPerMask;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(13L * n + cols);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            if (panel.byteSize() > 0) panel.setAtIndex(JAVA_DOUBLE, 0, NAN_WITH_PAYLOAD);
            MemorySegment masks = Fixtures.longs(arena, (first + maskCount) * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment expected = Fixtures.copy(arena, panel);

            long floats = Math.max(1, (long) n * cols);
            MemorySegment narrowExpected = arena.allocate(floats * Float.BYTES, 64), narrowActual = arena.allocate(floats * Float.BYTES, 64);
            Kernels.scalar().rowMasking().narrow(panel, ld, n, cols, colsPerMask, masks, first, wpm, narrowExpected);
            vector.rowMasking().narrow(panel, ld, n, cols, colsPerMask, masks, first, wpm, narrowActual);
            assertSameBytes(narrowExpected, narrowActual, "masked single-precision panel");

            Kernels.scalar().rowMasking().apply(expected, ld, n, cols, colsPerMask, masks, first, wpm);
            vector.rowMasking().apply(panel, ld, n, cols, colsPerMask, masks, first, wpm);

            assertSameBytes(expected, panel, "masked panel");
            Fixtures.assertPaddingIntact(panel, n, cols, ld);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            // 3×4 panel, ld = 3; columns 0-1 use mask 1 = rows {0, 1}, columns 2-3 use mask 2 = row {2}.
            MemorySegment panel = Fixtures.of(arena, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            MemorySegment masks = Fixtures.ofLongs(arena, 0, 0b011, 0b100);
            kernels.rowMasking().apply(panel, 3, 3, 4, 2, masks, 1, 1);
            MemorySegment floats = arena.allocate(12L * Float.BYTES, 64);
            kernels.rowMasking().narrow(Fixtures.of(arena, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1.0 / 3), 3, 3, 4, 2, masks, 1, 1, floats);
            float[] narrowed = new float[12];
            for (int k = 0; k < 12; k++) narrowed[k] = floats.getAtIndex(JAVA_FLOAT, k);
            assertArrayEquals(new float[] {1.5f, 2, 0, 4, 5, 0, 0, 0, 9, 0, 0, 1f / 3}, narrowed);
            kernels.rowMasking().apply(panel, 3, 3, 4, 2, masks, 1, 1);
            assertArrayEquals(new double[] {1, 2, 0, 4, 5, 0, 0, 0, 9, 0, 0, 12}, Fixtures.array(panel));
        }
    }
}
