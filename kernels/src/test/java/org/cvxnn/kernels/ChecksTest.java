package org.cvxnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every facade rejects bad shapes with a message naming the argument, before any kernel runs. */
class ChecksTest {

    private static void rejects(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void panelShapes(Kernels kernels) {
        SignPatterns sp = kernels.signPatterns();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment panel = Fixtures.doubles(arena, 30);
            MemorySegment masks = Fixtures.longs(arena, 4);
            rejects("n = -1 must be >= 0", () -> sp.extract(panel, 10, -1, 3, masks, 0, 1));
            rejects("cols = -2 must be >= 0", () -> sp.extract(panel, 10, 10, -2, masks, 0, 1));
            rejects("panel: leading dimension ld = 9 must be >= max(1, n = 10)", () -> sp.extract(panel, 9, 10, 3, masks, 0, 1));
            rejects("panel: leading dimension ld = 0 must be >= max(1, n = 0)", () -> sp.extract(panel, 0, 0, 3, masks, 0, 1));
            rejects("panel: segment of 240 bytes is too small for a 10×4 panel with ld = 10 (needs 40 × 8 bytes)",
                    () -> sp.extract(panel, 10, 10, 4, masks, 0, 1));
            rejects("panel: segment at address " + panel.asSlice(4).address() + " is not 8-byte aligned",
                    () -> sp.extract(panel.asSlice(4), 10, 2, 1, masks, 0, 1));
            // ld > n: the last column needs only n rows, so 2 × 12 + 10 = 34 doubles would not fit, 2 × 10 + 10 does.
            rejects("panel: segment of 240 bytes is too small for a 10×3 panel with ld = 12 (needs 34 × 8 bytes)",
                    () -> sp.extract(panel, 12, 10, 3, masks, 0, 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void maskShapes(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment panel = Fixtures.doubles(arena, 130 * 4);
            MemorySegment masks = Fixtures.longs(arena, 9);
            SignPatterns sp = kernels.signPatterns();
            rejects("firstMaskIndex = -1 must be >= 0", () -> sp.extract(panel, 130, 130, 3, masks, -1, 3));
            rejects("wpm = 2 words per mask cannot hold n = 130 rows (needs >= 3)", () -> sp.extract(panel, 130, 130, 3, masks, 0, 2));
            rejects("maskWords: segment of 72 bytes is too small for masks 1 .. 3 with wpm = 3 (needs 12 × 8 bytes)",
                    () -> sp.extract(panel, 130, 130, 3, masks, 1, 3));
            rejects("maskWords: masks 9223372036854775806 .. 9223372036854775806 + 3 with wpm = 3 overflow a long index",
                    () -> sp.extract(panel, 130, 130, 3, masks, Long.MAX_VALUE - 1, 3));
            RowMasking rm = kernels.rowMasking();
            rejects("colsPerMask = 0 must be >= 1", () -> rm.apply(panel, 130, 130, 4, 0, masks, 0, 3));
            // 4 columns, 2 per mask: masks 2 and 3 with 3 words each need 12 words.
            rejects("maskWords: segment of 72 bytes is too small for masks 2 .. 3 with wpm = 3 (needs 12 × 8 bytes)",
                    () -> rm.apply(panel, 130, 130, 4, 2, masks, 2, 3));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void vectorShapes(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = Fixtures.doubles(arena, 10);
            MemorySegment masks = Fixtures.longs(arena, 1);
            rejects("out: segment of 80 bytes is too small for a vector of length 11 (needs 11 × 8 bytes)",
                    () -> kernels.maskedRowSum().sum(Fixtures.doubles(arena, 11), 11, 11, 1, masks, 0, 1, v, false));
            rejects("r: segment of 80 bytes is too small for a vector of length 11 (needs 11 × 8 bytes)",
                    () -> kernels.maskedPanel().expand(v, 11, 1, masks, 0, 1, Fixtures.doubles(arena, 11), 11));
            rejects("len = -1 must be >= 0", () -> kernels.elementwise().dot(v, v, -1));
            rejects("b: segment of 80 bytes is too small for a vector of length 20 (needs 20 × 8 bytes)",
                    () -> kernels.elementwise().mul(Fixtures.doubles(arena, 20), v, v, 20));
            rejects("ds: segment of 80 bytes is too small for a vector of length 11 (needs 11 × 8 bytes)",
                    () -> kernels.stepLength().orthant(Fixtures.doubles(arena, 11), v, 11));
            rejects("coneDim = 0 must be >= 1", () -> kernels.stepLength().secondOrderCones(v, v, 0, 1));
            rejects("coneCount = -1 must be >= 0", () -> kernels.stepLength().secondOrderCones(v, v, 2, -1));
            rejects("dx: segment of 80 bytes is too small for a vector of length 12 (needs 12 × 8 bytes)",
                    () -> kernels.stepLength().secondOrderCones(Fixtures.doubles(arena, 12), v, 3, 4));
            assertThrows(NullPointerException.class, () -> kernels.elementwise().sumSquares(null, 0));
        }
    }
}
