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
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void twoLevelShapes(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            // n = 10, 2 combos of 2 neurons: a 10×4 panel, 4 signs, 4 + 2 masks of one word, a 10×2 z.
            MemorySegment panel = Fixtures.doubles(arena, 40);
            MemorySegment signs = Fixtures.doubles(arena, 4);
            MemorySegment masks = Fixtures.longs(arena, 4);
            MemorySegment z = Fixtures.doubles(arena, 20);
            MemorySegment out = Fixtures.doubles(arena, 10);
            TwoLevelRowSum sum = kernels.twoLevelRowSum();
            rejects("combos = -1 must be >= 0", () -> sum.sum(panel, 10, 10, -1, 2, signs, masks, 0, masks, 0, 1, z, 10, out, false));
            rejects("m1 = 0 must be >= 1", () -> sum.preActivations(panel, 10, 10, 2, 0, signs, masks, 0, 1, z, 10));
            rejects("combos × m1 = 2147483647 × 2 = 4294967294 columns exceed 2147483647",
                    () -> sum.preActivations(panel, 10, 10, Integer.MAX_VALUE, 2, signs, masks, 0, 1, z, 10));
            rejects("n = -1 must be >= 0", () -> sum.preActivations(panel, 10, -1, 2, 2, signs, masks, 0, 1, z, 10));
            rejects("signs: segment of 32 bytes is too small for a vector of length 6 (needs 6 × 8 bytes)",
                    () -> sum.preActivations(panel, 5, 5, 3, 2, signs, masks, 0, 1, z, 10));
            rejects("firstMask1 = -1 must be >= 0", () -> sum.preActivations(panel, 10, 10, 2, 2, signs, masks, -1, 1, z, 10));
            rejects("masks1: segment of 32 bytes is too small for masks 1 .. 4 with wpm = 1 (needs 5 × 8 bytes)",
                    () -> sum.preActivations(panel, 10, 10, 2, 2, signs, masks, 1, 1, z, 10));
            rejects("firstMask2 = -3 must be >= 0", () -> sum.sum(panel, 10, 10, 2, 2, signs, masks, 0, masks, -3, 1, z, 10, out, false));
            rejects("masks2: segment of 32 bytes is too small for masks 3 .. 4 with wpm = 1 (needs 5 × 8 bytes)",
                    () -> sum.sum(panel, 10, 10, 2, 2, signs, masks, 0, masks, 3, 1, z, 10, out, false));
            rejects("z: leading dimension ld = 9 must be >= max(1, n = 10)",
                    () -> sum.preActivations(panel, 10, 10, 2, 2, signs, masks, 0, 1, z, 9));
            rejects("z: segment of 160 bytes is too small for a 10×2 panel with ld = 11 (needs 21 × 8 bytes)",
                    () -> sum.preActivations(panel, 10, 10, 2, 2, signs, masks, 0, 1, z, 11));
            rejects("out: segment of 80 bytes is too small for a vector of length 11 (needs 11 × 8 bytes)",
                    () -> sum.sum(Fixtures.doubles(arena, 44), 11, 11, 2, 2, signs, masks, 0, masks, 0, 1,
                            Fixtures.doubles(arena, 22), 11, out, false));

            TwoLevelPanel expand = kernels.twoLevelPanel();
            rejects("m1 = -1 must be >= 1", () -> expand.expand(out, 10, 2, -1, signs, masks, 0, masks, 0, 1, panel, 10));
            rejects("r: segment of 80 bytes is too small for a vector of length 11 (needs 11 × 8 bytes)",
                    () -> expand.expand(out, 11, 2, 2, signs, masks, 0, masks, 0, 1, panel, 11));
            rejects("wpm = 0 words per mask cannot hold n = 10 rows (needs >= 1)",
                    () -> expand.expand(out, 10, 2, 2, signs, masks, 0, masks, 0, 0, panel, 10));
            rejects("masks2: segment of 32 bytes is too small for masks 3 .. 4 with wpm = 1 (needs 5 × 8 bytes)",
                    () -> expand.expand(out, 10, 2, 2, signs, masks, 0, masks, 3, 1, panel, 10));
            rejects("panel: segment of 320 bytes is too small for a 10×4 panel with ld = 11 (needs 43 × 8 bytes)",
                    () -> expand.expand(out, 10, 2, 2, signs, masks, 0, masks, 0, 1, panel, 11));

            SignFlip flip = kernels.signFlip();
            rejects("in: leading dimension ld = 9 must be >= max(1, n = 10)", () -> flip.apply(panel, 9, 10, 4, 1, masks, 0, 1, -1, z, 10));
            rejects("colsPerMask = 0 must be >= 1", () -> flip.apply(panel, 10, 10, 4, 0, masks, 0, 1, -1, panel, 10));
            rejects("maskWords: segment of 32 bytes is too small for masks 1 .. 4 with wpm = 1 (needs 5 × 8 bytes)",
                    () -> flip.apply(panel, 10, 10, 4, 1, masks, 1, 1, -1, panel, 10));
            rejects("out: segment of 160 bytes is too small for a 10×4 panel with ld = 10 (needs 40 × 8 bytes)",
                    () -> flip.apply(panel, 10, 10, 4, 1, masks, 0, 1, -1, z, 10));
        }
    }
}
