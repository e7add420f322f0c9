package org.cvxnn.solver.arrangement;

import static org.cvxnn.solver.arrangement.Arrangements.allNegativeCellExists;
import static org.cvxnn.solver.arrangement.Arrangements.assertGatesGenerate;
import static org.cvxnn.solver.arrangement.Arrangements.of;
import static org.cvxnn.solver.arrangement.Arrangements.patterns;
import static org.cvxnn.solver.arrangement.ExactEnumerator.coverCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.cvxnn.solver.arrangement.EnumerationSettings.Method;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class ExactEnumeratorTest {
    private static final ExactEnumerator RAYS = new ExactEnumerator();
    private static final ExactEnumerator INCREMENTAL =
            new ExactEnumerator(EnumerationSettings.defaults().withMethod(Method.INCREMENTAL));

    @Test
    void coverCountValues() {
        assertEquals(2, coverCount(7, 1));
        assertEquals(14, coverCount(7, 2));
        assertEquals(2 * (1 + 4 + 6), coverCount(5, 3));
        assertEquals(1562, coverCount(40, 3));
        assertEquals(8, coverCount(3, 3));
        assertEquals(8, coverCount(3, 9), "r >= n: all 2^n sign vectors");
        assertEquals(0, coverCount(4, 0));
        assertEquals(1L << 62, coverCount(62, 62));
        assertEquals(Long.MAX_VALUE, coverCount(63, 63), "2^63 saturates");
        assertEquals(Long.MAX_VALUE, coverCount(100_000, 50));
        assertThrows(IllegalArgumentException.class, () -> coverCount(0, 1));
        assertThrows(IllegalArgumentException.class, () -> coverCount(3, -1));
    }

    /**
     * General position, no bias: Cover's count, minus one exactly when the rows lie in an open
     * half-space (then the all-zero cell exists and is dropped).
     */
    @Test
    void countEqualsCoverOnGeneralPositionData() {
        long seed = 100;
        for (int r = 2; r <= 4; r++) {
            for (int n : new int[] {5, 8, 13, 21, 30}) {
                Dataset data = Arrangements.lowRank(n, r, r + 2, seed++);
                PatternSet set = RAYS.enumerate(data);
                long expected = coverCount(n, r) - (allNegativeCellExists(data) ? 1 : 0);
                assertEquals(expected, set.size(), "n=" + n + " r=" + r);
                assertGatesGenerate(data, set, true);
                if (n <= 13) assertEquals(patterns(set), patterns(INCREMENTAL.enumerate(data)), "incremental, n=" + n + " r=" + r);
            }
        }
    }

    /** With a bias column the all-zero cell always exists: Cover's count − 1. */
    @Test
    void countEqualsCoverMinusOneWithBias() {
        long seed = 200;
        for (int r = 2; r <= 4; r++) {
            for (int n : new int[] {5, 8, 13, 21, 30}) {
                Dataset data = Arrangements.lowRank(n, r - 1, r + 1, seed++).withBias();
                PatternSet set = RAYS.enumerate(data);
                assertEquals(coverCount(n, r) - 1, set.size(), "n=" + n + " r=" + r);
                assertGatesGenerate(data, set, true);
            }
        }
    }

    /** Spec §6.2 states "count = Cover" for general-position data; it is Cover − 1 for data in a half-space. */
    @Test
    void specErratumHalfSpaceDataLoseTheAllZeroCell() {
        // n = r = 3 independent rows: every one of the 8 sign vectors is a cell, the all-zero one is dropped
        Dataset independent = of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(8, coverCount(3, 3));
        assertEquals(7, RAYS.enumerate(independent).size());
        // 12 points in general position with x_0 > 0: Cover(12, 3) = 134, but 133 patterns
        double[][] rows = new double[12][];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < rows.length; i++) rows[i] = new double[] {1 + rnd.nextDouble(), rnd.nextGaussian(), rnd.nextGaussian()};
        Dataset halfSpace = of(rows);
        assertEquals(134, coverCount(12, 3));
        assertEquals(133, RAYS.enumerate(halfSpace).size());
        assertEquals(133, INCREMENTAL.enumerate(halfSpace).size());
    }

    /**
     * Spec §6.2 gives the rank-1 patterns as 1[x > 0] and 1[x < 0]; with D(g) = 1[X g ≥ 0] they are
     * 1[x ≥ 0] and 1[x ≤ 0] (zero rows are always active), and only one is left when x has one sign.
     */
    @Test
    void specErratumRankOnePatterns() {
        Dataset data = of(new double[][] {{2, 4}, {0, 0}, {-1, -2}, {3, 6}});
        Set<BitSet> got = patterns(RAYS.enumerate(data));
        assertEquals(Set.of(bits(1, 1, 0, 1), bits(0, 1, 1, 0)), got);
        // a constant column (e.g. a bias-only model): one pattern, all rows active
        Dataset constant = of(new double[][] {{1}, {1}, {1}});
        assertEquals(Set.of(bits(1, 1, 1)), patterns(RAYS.enumerate(constant)));
    }

    @Test
    void equalsBruteForceOnTinyData() {
        Dataset[] tiny = {
                Arrangements.lowRank(7, 3, 3, 11),
                Arrangements.lowRank(6, 3, 5, 12),
                Arrangements.lowRank(6, 4, 4, 13),
                Arrangements.lowRank(9, 4, 6, 15),
                Arrangements.lowRank(8, 5, 5, 16),
                Arrangements.lowRank(7, 2, 3, 14).withBias()};
        for (Dataset data : tiny) {
            Set<BitSet> exact = patterns(RAYS.enumerate(data));
            assertEquals(Arrangements.bruteForce(data), exact);
            Set<BitSet> sampled = patterns(PatternSampler.sample(data, 200_000, 3).patterns());
            assertTrue(exact.containsAll(sampled));
        }
    }

    @Test
    void supersetOfSampledPatterns() {
        // formulations §6.1: n = 40, rank 3 (two features and a bias): 1561 cells, sampling misses some
        Dataset data = Arrangements.lowRank(40, 2, 2, 21).withBias();
        Set<BitSet> exact = patterns(RAYS.enumerate(data));
        assertEquals(1561, exact.size());
        Set<BitSet> sampled = patterns(PatternSampler.sample(data, 200_000, 1).patterns());
        assertTrue(exact.containsAll(sampled));
        assertTrue(sampled.size() < exact.size(), "sampled " + sampled.size());
    }

    @Test
    void degenerateDataAgreeWithBruteForceAndTheIncrementalMethod() {
        double[][] grid = new double[16][];
        for (int i = 0; i < 16; i++) grid[i] = new double[] {i % 4, i / 4};              // 4×4 grid: many collinear triples
        double[][] box = new double[12][];
        for (int i = 0; i < 12; i++) box[i] = new double[] {i % 3, (i / 3) % 2, i / 6};   // 3×2×2 grid in 3-D, coplanar quadruples
        Dataset base = Arrangements.lowRank(9, 3, 3, 31);
        double[][] repeated = new double[12][];
        for (int i = 0; i < 12; i++) repeated[i] = base.row(i % 9);                     // three rows twice
        repeated[10] = new double[] {-2 * repeated[0][0], -2 * repeated[0][1], -2 * repeated[0][2]}; // antiparallel
        double[][] withZero = new double[10][];
        for (int i = 0; i < 10; i++) withZero[i] = i == 4 ? new double[3] : base.row(i % 9);
        double[][] collinear = new double[11][];
        for (int i = 0; i < 11; i++)
            collinear[i] = i < 6 ? new double[] {i - 2.5, 0.5 * (i - 2.5)} : new double[] {Math.cos(i), Math.sin(3 * i)};
        Dataset[] cases = {
                of(grid).withBias(), of(box).withBias(), of(repeated), of(withZero), of(collinear).withBias(),
                of(withZero).withBias()};
        for (int c = 0; c < cases.length; c++) {
            Dataset data = cases[c];
            PatternSet rays = RAYS.enumerate(data);
            PatternSet incremental = INCREMENTAL.enumerate(data);
            assertGatesGenerate(data, rays, true);
            assertGatesGenerate(data, incremental, true);
            Set<BitSet> exact = patterns(rays);
            assertEquals(Arrangements.bruteForce(data), exact, "case " + c);
            assertEquals(exact, patterns(incremental), "case " + c);
            assertTrue(exact.containsAll(patterns(PatternSampler.sample(data, 100_000, 5).patterns())), "case " + c);
        }
    }

    /** Small integer entries and scaled copies of rows: ties, repeated and antiparallel rows, zero rows. */
    @Test
    void randomDegenerateDataAgreeWithBruteForceAndTheIncrementalMethod() {
        SplittableRandom rnd = new SplittableRandom(1234);
        for (int trial = 0; trial < 60; trial++) {
            int n = 4 + rnd.nextInt(7), d = 1 + rnd.nextInt(4);
            double[][] rows = new double[n][d];
            for (double[] row : rows) for (int j = 0; j < d; j++) row[j] = rnd.nextInt(5) - 2;
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(4) == 0) {
                    double f = rnd.nextInt(3) - 1.5;
                    double[] other = rows[rnd.nextInt(n)];
                    for (int j = 0; j < d; j++) rows[i][j] = f * other[j];
                }
            }
            Dataset data = trial % 2 == 0 ? of(rows).withBias() : of(rows);
            if (Arrangements.bruteForce(data).isEmpty()) continue; // X = 0
            PatternSet set = RAYS.enumerate(data);
            assertGatesGenerate(data, set, true);
            Set<BitSet> exact = patterns(set);
            assertEquals(Arrangements.bruteForce(data), exact, "trial " + trial);
            assertEquals(exact, patterns(INCREMENTAL.enumerate(data)), "trial " + trial);
        }
    }

    @Test
    void largerDegenerateGridAgreesWithTheIncrementalMethod() {
        double[][] cube = new double[27][];
        for (int i = 0; i < 27; i++) cube[i] = new double[] {i % 3, (i / 3) % 3, i / 9}; // 3×3×3 grid, rank 4 with bias
        Dataset data = of(cube).withBias();
        PatternSet rays = RAYS.enumerate(data);
        assertGatesGenerate(data, rays, true);
        assertEquals(patterns(INCREMENTAL.enumerate(data)), patterns(rays));
        assertTrue(rays.size() < coverCount(27, 4) - 1);
    }

    @Test
    void rankDeficientDataInHighDimension() {
        // rank 3 in 8 dimensions, plus a zero row: gates live in the row space, patterns as for rank 3
        Dataset low = Arrangements.lowRank(20, 3, 8, 41);
        double[][] rows = new double[21][];
        for (int i = 0; i < 20; i++) rows[i] = low.row(i);
        rows[20] = new double[8];
        Dataset data = of(rows);
        PatternSet set = RAYS.enumerate(data);
        assertEquals(coverCount(20, 3) - (allNegativeCellExists(data) ? 1 : 0), set.size());
        assertGatesGenerate(data, set, true);
        for (int i = 0; i < set.size(); i++) assertTrue(set.active(i, 20));
    }

    @Test
    void twoHundredRowsOfRankThreeAreFast() {
        Dataset data = Arrangements.lowRank(200, 2, 2, 51).withBias();
        RAYS.enumerate(data); // warm-up
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime(); // CPU time: robust against a loaded machine
        PatternSet set = RAYS.enumerate(data);
        double seconds = (threads.getCurrentThreadCpuTime() - start) * 1e-9;
        assertEquals(coverCount(200, 3) - 1, set.size());
        assertTrue(seconds < 0.5, "took " + seconds + " s of CPU");
    }

    @Test
    void limitRefusesWithCoversEstimateAndSuggestsSampling() {
        Dataset data = Arrangements.lowRank(200, 5, 6, 61);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RAYS.enumerate(data));
        assertTrue(e.getMessage().contains("up to " + coverCount(200, 5) + " patterns (Cover's count"), e.getMessage());
        assertTrue(e.getMessage().contains("maxPatterns = 200000"), e.getMessage());
        assertTrue(e.getMessage().contains("PatternSampler.sample"), e.getMessage());
        Dataset small = Arrangements.lowRank(10, 3, 3, 62);
        assertThrows(IllegalArgumentException.class,
                () -> new ExactEnumerator(EnumerationSettings.defaults().withMaxPatterns(50)).enumerate(small));
    }

    @Test
    void zeroDataHaveNoPattern() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RAYS.enumerate(of(new double[][] {{0, 0}, {0, 0}})));
        assertTrue(e.getMessage().contains("X is zero"), e.getMessage());
    }

    @Test
    void deterministic() {
        Dataset data = Arrangements.lowRank(25, 3, 4, 71);
        PatternSet a = RAYS.enumerate(data), b = RAYS.enumerate(data);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(BitSet.valueOf(a.patternWords(i)), BitSet.valueOf(b.patternWords(i)));
            assertEquals(Arrays.toString(a.gate(i)), Arrays.toString(b.gate(i)));
        }
    }

    private static BitSet bits(int... values) {
        BitSet b = new BitSet();
        for (int i = 0; i < values.length; i++) if (values[i] != 0) b.set(i);
        return b;
    }
}
