package org.cvxnn.solver.arrangement;

import static org.cvxnn.solver.arrangement.Arrangements.assertGatesGenerate;
import static org.cvxnn.solver.arrangement.Arrangements.of;
import static org.cvxnn.solver.arrangement.Arrangements.patterns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PatternSamplerTest {

    static long[] allWords(PatternSet s) {
        long[] w = new long[s.size() * s.wordsPerPattern()];
        s.copyWordsTo(w);
        return w;
    }

    static double[] allGates(PatternSet s) {
        double[] g = new double[s.size() * s.gateDim()];
        for (int i = 0; i < s.size(); i++) System.arraycopy(s.gate(i), 0, g, i * s.gateDim(), s.gateDim());
        return g;
    }

    @Test
    void reproducibleFromTheSeed() {
        Dataset data = Arrangements.lowRank(70, 4, 5, 1).withBias();
        SampledPatterns a = PatternSampler.sample(data, 3000, 42);
        SampledPatterns b = PatternSampler.sample(data, 3000, 42);
        assertArrayEquals(allWords(a.patterns()), allWords(b.patterns()));
        assertArrayEquals(allGates(a.patterns()), allGates(b.patterns()));
        SampledPatterns c = PatternSampler.sample(data, 3000, 43);
        assertFalse(Arrays.equals(allGates(a.patterns()), allGates(c.patterns())));
    }

    @Test
    void gatesAreTheSeededGaussianStreamAcrossBlocks() {
        // 600 gates span three blocks; gate k must be the k-th d-tuple of the stream (first occurrence kept)
        Dataset data = Arrangements.lowRank(9, 3, 3, 2);
        SampledPatterns s = PatternSampler.sample(data, 600, 7);
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] gates = new double[600][3];
        for (double[] g : gates) for (int j = 0; j < 3; j++) g[j] = rnd.nextGaussian();
        PatternSet expected = PatternSampler.fromGates(data, gates);
        assertArrayEquals(allWords(expected), allWords(s.patterns()));
        assertArrayEquals(allGates(expected), allGates(s.patterns()));
        // a shorter request is a prefix of the longer one
        SampledPatterns prefix = PatternSampler.sample(data, 100, 7);
        for (int i = 0; i < prefix.patterns().size(); i++)
            assertArrayEquals(s.patterns().gate(i), prefix.patterns().gate(i));
    }

    @Test
    void countsAddUpAndGatesGenerateTheirPatterns() {
        Dataset data = Arrangements.lowRank(30, 2, 4, 3);
        SampledPatterns s = PatternSampler.sample(data, 5000, 1);
        assertEquals(5000, s.gatesDrawn());
        assertEquals(5000, s.patterns().size() + s.duplicatesDropped() + s.zeroFeaturesDropped());
        // rank 2, 30 rows: at most 60 cells, so almost every gate is a duplicate
        assertTrue(s.patterns().size() <= 60);
        assertGatesGenerate(data, s.patterns(), false);
        assertEquals(patterns(s.patterns()).size(), s.patterns().size(), "patterns must be distinct");
    }

    @Test
    void allZeroPatternIsDroppedAndCounted() {
        // all rows in the half-space x_0 > 0: g = (-1, 0) gives the all-zero pattern
        Dataset data = of(new double[][] {{1, 0.5}, {2, -1}, {1, 3}});
        PatternSet set = PatternSampler.fromGates(data, new double[][] {{1, 0}, {-1, 0}, {2, 0}, {0, 1}});
        assertEquals(2, set.size());
        assertArrayEquals(new double[] {1, 0}, set.gate(0), "the first gate of a pattern is kept");
        assertArrayEquals(new double[] {0, 1}, set.gate(1));
        SampledPatterns s = PatternSampler.sample(data, 2000, 5);
        assertTrue(s.zeroFeaturesDropped() > 0);
        for (int i = 0; i < s.patterns().size(); i++) assertTrue(s.patterns().activeCount(i) > 0);
    }

    @Test
    void zeroRowsAreAlwaysActiveAndAloneAreAZeroFeature() {
        Dataset data = of(new double[][] {{1, 0}, {0, 0}, {2, 1}});
        PatternSet set = PatternSampler.fromGates(data, new double[][] {{-1, 0}, {1, 0}});
        // g = (-1, 0) activates only the zero row: D X = 0, dropped
        assertEquals(1, set.size());
        assertTrue(set.active(0, 1));
        SampledPatterns s = PatternSampler.sample(data, 1000, 9);
        for (int i = 0; i < s.patterns().size(); i++) assertTrue(s.patterns().active(i, 1));
        assertTrue(s.zeroFeaturesDropped() > 0);
    }

    @Test
    void noPatternLeftIsAClearError() {
        Dataset data = of(new double[][] {{1, 2}, {3, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatternSampler.fromGates(data, new double[][] {{-1, -1}, {-2, -1}}));
        assertTrue(e.getMessage().contains("no activation pattern left"), e.getMessage());
        Dataset zero = of(new double[][] {{0, 0}, {0, 0}});
        e = assertThrows(IllegalArgumentException.class, () -> PatternSampler.sample(zero, 10, 1));
        assertTrue(e.getMessage().contains("X has no nonzero row"), e.getMessage());
    }

    @Test
    void wrongGateWidthNamesTheGateAndTheExpectedWidth() {
        Dataset data = Arrangements.lowRank(5, 2, 3, 1).withBias();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatternSampler.fromGates(data, new double[][] {{1, 2, 3, 4}, {1, 2, 3}}));
        assertTrue(e.getMessage().startsWith("gate 1 has 3 values, expected d = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PatternSampler.fromGates(data, new double[][] {{1, Double.NaN, 3, 4}}));
        assertTrue(e.getMessage().contains("gate 0 has value NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PatternSampler.sample(data, 0, 1));
    }

    @Test
    void blockKernelMatchesNaiveSignsOnAwkwardSizes() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int n : new int[] {1, 2, 63, 64, 65, 127, 128, 129, 200}) {
            int d = 1 + rnd.nextInt(5), count = 1 + rnd.nextInt(9);
            double[] x = new double[n * d], gates = new double[count * d];
            for (int k = 0; k < x.length; k++) x[k] = rnd.nextInt(3) == 0 ? 0.0 : rnd.nextGaussian();
            for (int k = 0; k < gates.length; k++) gates[k] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextGaussian();
            int wpp = PatternSet.wordsFor(n);
            long[] words = new long[count * wpp];
            Arrays.fill(words, -1L);
            GateBlocks.signPatterns(x, n, d, gates, count, new double[n * count], words);
            for (int c = 0; c < count; c++) {
                BitSet expected = new BitSet();
                for (int i = 0; i < n; i++) {
                    double v = 0;
                    for (int j = 0; j < d; j++) v += x[i + j * n] * gates[c * d + j];
                    if (v >= 0) expected.set(i);
                }
                assertEquals(expected, BitSet.valueOf(Arrays.copyOfRange(words, c * wpp, (c + 1) * wpp)), "n=" + n);
            }
        }
    }
}
