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

class TwoLevelRowSumTest {

    /** n, combos, m1, whether to compute the prediction too, accumulate. */
    static Stream<Arguments> shapes() {
        return Fixtures.sizes().boxed().flatMap(n -> Stream.of(
                Arguments.of(n, 1, 1, true, false), Arguments.of(n, 5, 2, true, true), Arguments.of(n, 3, 3, false, false),
                Arguments.of(n, 0, 2, true, false), Arguments.of(n, 0, 1, true, true)));
    }

    /** Random data of one test: signs ±1 with a few other weights, random masks, padded panels. */
    private record Data(int n, int combos, int m1, int ld, int ldz, int wpm, long first1, long first2,
                        MemorySegment panel, MemorySegment signs, MemorySegment masks1, MemorySegment masks2,
                        MemorySegment z, MemorySegment out) {

        static Data random(Arena arena, int n, int combos, int m1, Random rnd) {
            int cols = combos * m1;
            int ld = Fixtures.oddLd(n), ldz = n + 2, wpm = Masks.wordsFor(n) + 1;
            long first1 = 3, first2 = 5;
            MemorySegment signs = Fixtures.doubles(arena, cols);
            for (int k = 0; k < cols; k++) {
                signs.setAtIndex(JAVA_DOUBLE, k, k % 7 == 6 ? rnd.nextGaussian() : rnd.nextBoolean() ? 1.0 : -1.0);
            }
            MemorySegment masks1 = Fixtures.longs(arena, (first1 + cols) * wpm);
            Fixtures.fillRandomLongs(masks1, rnd);
            MemorySegment masks2 = Fixtures.longs(arena, (first2 + combos) * wpm);
            Fixtures.fillRandomLongs(masks2, rnd);
            MemorySegment out = Fixtures.doubles(arena, n);
            Fixtures.fillGaussian(out, rnd);
            return new Data(n, combos, m1, ld, ldz, wpm, first1, first2, Fixtures.panel(arena, n, cols, ld, rnd),
                    signs, masks1, masks2, Fixtures.panel(arena, n, combos, ldz, rnd), out);
        }

        /** Runs {@code kernels} on copies of {@code z} and {@code out}; returns them. */
        MemorySegment[] run(Kernels kernels, Arena arena, boolean predict, boolean accumulate) {
            MemorySegment zCopy = Fixtures.copy(arena, z), outCopy = Fixtures.copy(arena, out);
            if (predict) {
                kernels.twoLevelRowSum().sum(panel, ld, n, combos, m1, signs, masks1, first1, masks2, first2, wpm,
                        zCopy, ldz, outCopy, accumulate);
            } else {
                kernels.twoLevelRowSum().preActivations(panel, ld, n, combos, m1, signs, masks1, first1, wpm, zCopy, ldz);
            }
            return new MemorySegment[] {zCopy, outCopy};
        }
    }

    @ParameterizedTest(name = "n={0} combos={1} m1={2} predict={3} accumulate={4}")
    @MethodSource("shapes")
    void vectorMatchesScalar(int n, int combos, int m1, boolean predict, boolean accumulate) {
        Kernels vector = Fixtures.vectorOrSkip();
        try (Arena arena = Arena.ofConfined()) {
            Data d = Data.random(arena, n, combos, m1, new Random(23L * n + 7L * combos + m1));
            MemorySegment[] expected = d.run(Kernels.scalar(), arena, predict, accumulate);
            MemorySegment[] actual = d.run(vector, arena, predict, accumulate);

            double[] yMagnitude = new double[n];
            for (int r = 0; r < n; r++) {
                if (accumulate) yMagnitude[r] = Math.abs(d.out().getAtIndex(JAVA_DOUBLE, r));
                for (int c = 0; c < combos; c++) {
                    double magnitude = 0;
                    for (int j = 0; j < m1; j++) {
                        long k = (long) c * m1 + j;
                        magnitude += Math.abs(d.signs().getAtIndex(JAVA_DOUBLE, k) * d.panel().getAtIndex(JAVA_DOUBLE, k * d.ld() + r));
                    }
                    yMagnitude[r] += magnitude;
                    long at = (long) c * d.ldz() + r;
                    Fixtures.assertClose(expected[0].getAtIndex(JAVA_DOUBLE, at), actual[0].getAtIndex(JAVA_DOUBLE, at),
                            (m1 + 1) * 1e-15 * magnitude, "z(" + r + ", " + c + ")");
                }
                Fixtures.assertClose(expected[1].getAtIndex(JAVA_DOUBLE, r), actual[1].getAtIndex(JAVA_DOUBLE, r),
                        (combos * (m1 + 1) + 1) * 1e-15 * yMagnitude[r], "out[" + r + "]");
            }
            Fixtures.assertPaddingIntact(actual[0], n, combos, d.ldz());
            if (!predict) assertSameBytes(d.out(), actual[1], "out untouched by preActivations");
        }
    }

    /**
     * Independent of the two-level code: {@code z_c} is the masked row sum of the sign-scaled columns
     * of combo {@code c}, and the prediction the masked row sum of the columns of {@code z}, both
     * by plain loops (same terms in the same order, so the results are identical).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void composesFromMaskedRowSums(Kernels kernels) {
        int n = 131, combos = 6, m1 = 2;
        try (Arena arena = Arena.ofConfined()) {
            Data d = Data.random(arena, n, combos, m1, new Random(29));
            MemorySegment scaled = Fixtures.copy(arena, d.panel());
            for (int k = 0; k < combos * m1; k++) {
                double s = d.signs().getAtIndex(JAVA_DOUBLE, k);
                for (int r = 0; r < n; r++) {
                    long at = (long) k * d.ld() + r;
                    scaled.setAtIndex(JAVA_DOUBLE, at, s * scaled.getAtIndex(JAVA_DOUBLE, at));
                }
            }
            MemorySegment z = Fixtures.copy(arena, d.z());
            for (int c = 0; c < combos; c++) {
                maskedRowSum(scaled.asSlice((long) c * m1 * d.ld() * Double.BYTES), d.ld(), n, m1,
                        d.masks1(), d.first1() + (long) c * m1, d.wpm(), z.asSlice((long) c * d.ldz() * Double.BYTES), false);
            }
            MemorySegment out = Fixtures.copy(arena, d.out());
            maskedRowSum(z, d.ldz(), n, combos, d.masks2(), d.first2(), d.wpm(), out, true);

            MemorySegment[] actual = d.run(kernels, arena, true, true);
            assertSameBytes(z, actual[0], "z");
            assertSameBytes(out, actual[1], "out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void handComputed(Kernels kernels) {
        try (Arena arena = Arena.ofConfined()) {
            // 3×4 panel, ld = 4, two combos of two neurons; the NaN in column 2 is switched off.
            MemorySegment panel = Fixtures.of(arena, 1, 2, 3, 99, 10, 20, 30, 99, 100, Double.NaN, 300, 99, 5, 6, 7);
            MemorySegment signs = Fixtures.of(arena, 1, -1, -1, 2);
            MemorySegment masks1 = Fixtures.ofLongs(arena, 0b011, 0b110, 0b101, 0b111);
            MemorySegment masks2 = Fixtures.ofLongs(arena, 0b101, 0b110);
            MemorySegment z = Fixtures.of(arena, 7, 7, 7, 7, 7, 7, 7);      // 3×2, ld = 4
            MemorySegment out = Fixtures.of(arena, 1000, 2000, 3000);
            // z_0 = [1, 0, 0] - [0, 20, 30] = [1, -18, -30]; z_1 = -[100, 0, 300] + 2 [5, 6, 7] = [-90, 12, -286].
            kernels.twoLevelRowSum().sum(panel, 4, 3, 2, 2, signs, masks1, 0, masks2, 0, 1, z, 4, out, true);
            assertArrayEquals(new double[] {1, -18, -30, 7, -90, 12, -286}, Fixtures.array(z));
            assertArrayEquals(new double[] {1001, 2012, 2684}, Fixtures.array(out));
            kernels.twoLevelRowSum().sum(panel, 4, 3, 2, 2, signs, masks1, 0, masks2, 0, 1, z, 4, out, false);
            assertArrayEquals(new double[] {1, 12, -316}, Fixtures.array(out));
            MemorySegment z2 = Fixtures.of(arena, 7, 7, 7, 7, 7, 7, 7);
            kernels.twoLevelRowSum().preActivations(panel, 4, 3, 2, 2, signs, masks1, 0, 1, z2, 4);
            assertArrayEquals(Fixtures.array(z), Fixtures.array(z2));
        }
    }

    /** {@code out[r] (+)= Σ_c panel[r, c]} over the columns c whose mask has row r switched on, in column order. */
    private static void maskedRowSum(MemorySegment panel, int ld, int n, int cols, MemorySegment maskWords, long firstMask,
                                     int wpm, MemorySegment out, boolean accumulate) {
        for (int r = 0; r < n; r++) {
            double acc = accumulate ? out.getAtIndex(JAVA_DOUBLE, r) : 0.0;
            for (int c = 0; c < cols; c++)
                if (Masks.bit(maskWords, (firstMask + c) * wpm, r)) acc += panel.getAtIndex(JAVA_DOUBLE, (long) c * ld + r);
            out.setAtIndex(JAVA_DOUBLE, r, acc);
        }
    }
}
