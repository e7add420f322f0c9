package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepLengthTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    // ---- orthant ----

    @ParameterizedTest(name = "len={0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#sizes")
    void orthantVectorMatchesScalar(int len) {
        Kernels vector = Fixtures.vectorOrSkip();
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(23L * len);
            MemorySegment s = Fixtures.doubles(arena, len);
            MemorySegment ds = Fixtures.doubles(arena, len);
            for (int k = 0; k < len; k++) {
                s.setAtIndex(JAVA_DOUBLE, k, k % 17 == 5 ? 0.0 : Math.exp(rnd.nextGaussian()));
                ds.setAtIndex(JAVA_DOUBLE, k, rnd.nextGaussian());
            }
            // Division and min are exact, so both implementations must agree to the bit.
            assertEquals(Kernels.scalar().stepLength().orthant(s, ds, len), vector.stepLength().orthant(s, ds, len));
            MemorySegment up = Fixtures.doubles(arena, len);
            up.fill((byte) 0);
            assertEquals(INF, vector.stepLength().orthant(s, up, len));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void orthantHandComputed(Kernels kernels) {
        StepLength step = kernels.stepLength();
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(0.5, step.orthant(Fixtures.of(arena, 1, 2, 3, 4), Fixtures.of(arena, -1, 1, -6, 0), 4));
            assertEquals(INF, step.orthant(Fixtures.of(arena, 1, 2), Fixtures.of(arena, 0, 3), 2));
            assertEquals(INF, step.orthant(MemorySegment.NULL, MemorySegment.NULL, 0));
            assertEquals(0.0, step.orthant(Fixtures.of(arena, 0, 1), Fixtures.of(arena, -1, -1), 2));

            double[] ones = new double[11];
            Arrays.fill(ones, 1);
            double[] dir = new double[11];
            dir[9] = -4;   // in the tail of a vector loop
            assertEquals(0.25, step.orthant(Fixtures.of(arena, ones), Fixtures.of(arena, dir), 11));
            dir[2] = -8;   // in the main loop
            assertEquals(0.125, step.orthant(Fixtures.of(arena, ones), Fixtures.of(arena, dir), 11));
        }
    }

    // ---- second-order cones ----

    static Stream<Arguments> coneShapes() {
        int l = Fixtures.lanes();
        return Stream.of(1, 2, l - 1, l, l + 1, l + 2, 7, 13, 61, 67, 127).distinct()
                .flatMap(dim -> Stream.of(Arguments.of(dim, 0L), Arguments.of(dim, 1L), Arguments.of(dim, 3L), Arguments.of(dim, 200L)));
    }

    @ParameterizedTest(name = "dim={0} cones={1}")
    @MethodSource("coneShapes")
    void conesVectorMatchesScalar(int dim, long count) {
        Kernels vector = Fixtures.vectorOrSkip();
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(29L * dim + count);
            MemorySegment x = Fixtures.doubles(arena, dim * count);
            MemorySegment dx = Fixtures.doubles(arena, dim * count);
            for (long k = 0; k < count; k++) {
                interiorCone(x, k * dim, dim, rnd);
                for (int j = 0; j < dim; j++) dx.setAtIndex(JAVA_DOUBLE, k * dim + j, rnd.nextGaussian());
            }
            double expected = Kernels.scalar().stepLength().secondOrderCones(x, dx, dim, count);
            double actual = vector.stepLength().secondOrderCones(x, dx, dim, count);
            // The dot products differ by rounding (~dim ε); the root amplifies that moderately.
            Fixtures.assertClose(expected, actual, dim * 1e-13 * expected, "SOC step");
        }
    }

    static Stream<Arguments> handCones() {
        return Stream.of(
                Arguments.of(new double[] {2, 1, 0}, new double[] {-1, 0, 0}, 1.0),     // (2-α)² = 1
                Arguments.of(new double[] {1, 0}, new double[] {0, 1}, 1.0),            // 1 >= |α|
                Arguments.of(new double[] {2, 0}, new double[] {1, 1}, INF),            // a = 0, b > 0
                Arguments.of(new double[] {2, 0}, new double[] {-1, 1}, 1.0),           // a = 0, b < 0: linear root
                Arguments.of(new double[] {2, 1}, new double[] {-2, -1}, 1.0),          // straight through the apex
                Arguments.of(new double[] {1, 0.5}, new double[] {1, 0.5}, INF),        // moving deeper inside
                Arguments.of(new double[] {1, 0, 0}, new double[] {0, 0, 0}, INF),      // no motion
                Arguments.of(new double[] {1, 1}, new double[] {0, 1}, 0.0),            // on the boundary, leaving
                Arguments.of(new double[] {1, 1}, new double[] {0, -1}, 2.0),           // on the boundary, crossing
                Arguments.of(new double[] {1, 1}, new double[] {-1, -1}, 1.0),          // along the boundary ray to the apex
                Arguments.of(new double[] {1, 1}, new double[] {1, 1}, INF),            // along the boundary ray outwards
                Arguments.of(new double[] {5, 3, 4}, new double[] {0, 0, 0}, INF),      // boundary, no motion
                Arguments.of(new double[] {0, 0}, new double[] {1, 0.5}, INF),          // apex into the cone
                Arguments.of(new double[] {0, 0}, new double[] {-1, 0}, 0.0),           // apex out of the cone
                Arguments.of(new double[] {3}, new double[] {-2}, 1.5),                 // dimension 1: a half-line
                Arguments.of(new double[] {3}, new double[] {2}, INF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void conesHandComputed(Kernels kernels) {
        StepLength step = kernels.stepLength();
        try (Arena arena = Arena.ofConfined()) {
            handCones().forEach(a -> {
                double[] x = (double[]) a.get()[0];
                double[] y = (double[]) a.get()[1];
                double expected = (double) a.get()[2];
                assertEquals(expected, step.secondOrderCones(Fixtures.of(arena, x), Fixtures.of(arena, y), x.length, 1),
                        1e-15, () -> "x = " + Arrays.toString(x) + ", dx = " + Arrays.toString(y));
            });
            // Several cones: the smallest step wins; none at all is unbounded.
            MemorySegment x = Fixtures.of(arena, 1, 1, 2, 1, 2, 0);      // steps 2, 1 and +∞
            MemorySegment y = Fixtures.of(arena, 0, -1, -1, 0, 1, 1);
            assertEquals(1.0, step.secondOrderCones(x, y, 2, 3));
            assertEquals(INF, step.secondOrderCones(x, y, 2, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cvxnn.kernels.Fixtures#implementations")
    void conesAgreeWithBisection(Kernels kernels) {
        Random rnd = new Random(31);
        try (Arena arena = Arena.ofConfined()) {
            for (int dim : new int[] {2, 3, 5, 9, 17}) {
                for (int trial = 0; trial < 200; trial++) {
                    MemorySegment x = Fixtures.doubles(arena, dim);
                    MemorySegment y = Fixtures.doubles(arena, dim);
                    interiorCone(x, 0, dim, rnd);
                    double scale = Math.exp(2 * rnd.nextGaussian());
                    for (int j = 0; j < dim; j++) y.setAtIndex(JAVA_DOUBLE, j, scale * rnd.nextGaussian());
                    if (trial % 4 == 0) {   // aim at the apex, slightly off
                        for (int j = 0; j < dim; j++) {
                            y.setAtIndex(JAVA_DOUBLE, j, -x.getAtIndex(JAVA_DOUBLE, j) * (1 + 0.01 * rnd.nextGaussian()));
                        }
                    }
                    double alpha = kernels.stepLength().secondOrderCones(x, y, dim, 1);
                    double brute = bisection(Fixtures.array(x), Fixtures.array(y));
                    String what = "dim " + dim + " trial " + trial;
                    if (brute == INF) {
                        assertTrue(alpha >= 1e6, what + ": bisection finds no bound, kernel says " + alpha);
                    } else {
                        Fixtures.assertClose(brute, alpha, 1e-7 * Math.max(1, brute), what);
                    }
                }
            }
        }
    }

    /** A point strictly inside the cone at {@code base}: a random tail, head 1–2.5 times its norm. */
    private static void interiorCone(MemorySegment x, long base, int dim, Random rnd) {
        double norm2 = 0;
        for (int j = 1; j < dim; j++) {
            double u = rnd.nextGaussian();
            x.setAtIndex(JAVA_DOUBLE, base + j, u);
            norm2 += u * u;
        }
        x.setAtIndex(JAVA_DOUBLE, base, Math.sqrt(norm2) * (1 + 1.5 * rnd.nextDouble()) + 1e-3);
    }

    /** The feasible steps form an interval [0, α*]: bisect the membership test up to 1e6. */
    private static double bisection(double[] x, double[] y) {
        double lo = 0, hi = 1e6;
        if (inCone(x, y, hi)) return INF;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (inCone(x, y, mid)) lo = mid; else hi = mid;
        }
        return lo;
    }

    private static boolean inCone(double[] x, double[] y, double alpha) {
        double norm2 = 0;
        for (int j = 1; j < x.length; j++) {
            double v = x[j] + alpha * y[j];
            norm2 += v * v;
        }
        return x[0] + alpha * y[0] >= Math.sqrt(norm2);
    }
}
