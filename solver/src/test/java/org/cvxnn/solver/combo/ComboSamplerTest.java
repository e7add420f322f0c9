package org.cvxnn.solver.combo;

import static org.cvxnn.solver.combo.Combos.assertPointsGenerate;
import static org.cvxnn.solver.combo.Combos.gaussian;
import static org.cvxnn.solver.combo.Combos.key;
import static org.cvxnn.solver.combo.Combos.keys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class ComboSamplerTest {

    /**
     * Replays the documented stream (draw after draw: W1 column after column, then w2) with the
     * independent reference key: same combos in first-draw order, same drop counts.
     */
    @Test
    void matchesAnIndependentReplayOfTheStream() {
        for (boolean withBias : new boolean[] {false, true}) {
            for (int m1 = 1; m1 <= 3; m1++) {
                Dataset data = withBias ? gaussian(6, 2, 7).withBias() : gaussian(7, 2, 8);
                int count = 5000;
                long seed = 42 + m1;
                SampledCombos sampled = ComboSampler.sample(data, m1, count, seed);
                SplittableRandom rnd = new SplittableRandom(seed);
                Set<Long> expected = new LinkedHashSet<>();
                int dropped = 0, duplicates = 0;
                for (int t = 0; t < count; t++) {
                    double[] w1 = new double[data.d() * m1];
                    double[] w2 = new double[m1];
                    for (int k = 0; k < w1.length; k++) w1[k] = rnd.nextGaussian();
                    for (int j = 0; j < m1; j++) w2[j] = rnd.nextGaussian();
                    long k = key(data, w1, w2);
                    if (k < 0) dropped++;
                    else if (!expected.add(k)) duplicates++;
                }
                String what = (withBias ? "bias" : "no bias") + ", m1=" + m1;
                assertEquals(new ArrayList<>(expected), new ArrayList<>(keys(sampled.combos())), what);
                assertEquals(count, sampled.drawn(), what);
                assertEquals(duplicates, sampled.duplicatesDropped(), what);
                assertEquals(dropped, sampled.zeroFeaturesDropped() + sampled.deadNeuronsDropped(), what);
                assertEquals(count, sampled.combos().size() + sampled.duplicatesDropped()
                        + sampled.zeroFeaturesDropped() + sampled.deadNeuronsDropped(), what);
                assertTrue(sampled.zeroFeaturesDropped() > 0, what + ": all-negative draws are dropped");
                if (withBias) assertTrue(sampled.deadNeuronsDropped() > 0, what + ": the all-zero mask exists with a bias column");
                assertPointsGenerate(data, sampled.combos());
            }
        }
    }

    @Test
    void reproducibleFromTheSeedAndPrefixStable() {
        Dataset data = gaussian(8, 2, 9).withBias();
        SampledCombos a = ComboSampler.sample(data, 2, 3000, 5), b = ComboSampler.sample(data, 2, 3000, 5);
        SampledCombos prefix = ComboSampler.sample(data, 2, 1000, 5);
        SampledCombos other = ComboSampler.sample(data, 2, 3000, 6);
        assertEquals(a.combos().size(), b.combos().size());
        for (int c = 0; c < a.combos().size(); c++) {
            assertEquals(key(a.combos(), c), key(b.combos(), c));
            assertArrayEquals(a.combos().firstLayerWeights(c), b.combos().firstLayerWeights(c));
            assertArrayEquals(a.combos().secondLayerWeights(c), b.combos().secondLayerWeights(c));
        }
        List<Long> first = new ArrayList<>(keys(a.combos())).subList(0, prefix.combos().size());
        assertEquals(new ArrayList<>(keys(prefix.combos())), first, "the first 1000 draws of 3000 are the draws of 1000");
        assertTrue(!keys(other.combos()).equals(keys(a.combos())), "another seed gives another sample");
    }

    /** Canonical form: positive neurons first, masks sorted within a sign, D_2 only on rows with an active positive neuron. */
    @Test
    void canonicalForm() {
        Dataset data = gaussian(10, 3, 11);
        ComboSet set = ComboSampler.sample(data, 3, 20_000, 1).combos();
        for (int c = 0; c < set.size(); c++) {
            boolean anyPositive = false;
            for (int j = 0; j < 3; j++) anyPositive |= set.sign(c, j) > 0;
            assertTrue(anyPositive, "combo " + c + " has no positive neuron");
            for (int j = 1; j < 3; j++) {
                int order = Integer.compare(-set.sign(c, j - 1), -set.sign(c, j));
                if (order == 0)
                    order = java.util.Arrays.compareUnsigned(set.firstLayerWords(c, j - 1), set.firstLayerWords(c, j));
                assertTrue(order <= 0, "combo " + c + ": neurons " + (j - 1) + ", " + j + " out of order");
            }
            for (int i = 0; i < 10; i++) {
                boolean pos = false, neg = false;
                for (int j = 0; j < 3; j++) {
                    if (!set.firstActive(c, j, i)) continue;
                    if (set.sign(c, j) > 0) pos = true;
                    else neg = true;
                }
                if (!pos) assertTrue(!set.secondActive(c, i), "combo " + c + " row " + i + ": no positive neuron, D_2 must be 0");
                if (pos && !neg) assertTrue(set.secondActive(c, i), "combo " + c + " row " + i + ": only positive neurons, D_2 must be 1");
            }
        }
    }

    /** Permuting the neurons of a point gives the same combo, so duplicates are counted. */
    @Test
    void neuronOrderDoesNotMatter() {
        Dataset data = gaussian(6, 2, 12);
        ComboSet one = ComboSampler.sample(data, 2, 1, 3).combos();
        assertEquals(1, one.size());
        double[] w1 = one.firstLayerWeights(0), w2 = one.secondLayerWeights(0);
        double[] swapped1 = {w1[2], w1[3], w1[0], w1[1]}, swapped2 = {w2[1], w2[0]};
        assertEquals(key(data, w1, w2), key(data, swapped1, swapped2), "the reference key is order-free");
        assertEquals(key(one, 0), key(data, swapped1, swapped2));
    }

    /** Given points (e.g. trained sub-networks) are added before the random draws, which stay those of the stream. */
    @Test
    void givenPointsAreCovered() {
        Dataset data = gaussian(10, 2, 21);
        int m1 = 2, points = 3;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(8);
        double[] w1 = new double[points * 2 * m1], w2 = new double[points * m1];
        for (int k = 0; k < w1.length; k++) w1[k] = rnd.nextGaussian();
        for (int k = 0; k < w2.length; k++) w2[k] = 0.5 + rnd.nextDouble();
        ComboSet plain = ComboSampler.sample(data, m1, 40, 2).combos();
        ComboSet with = ComboSampler.sample(data, m1, 40, 2, w1, w2).combos();
        java.util.Set<Long> all = keys(with);
        assertTrue(all.containsAll(keys(plain)), "the random draws are unchanged");
        assertTrue(with.size() <= plain.size() + points, with.size() + " combos");
        for (int p = 0; p < points; p++) {
            long key = key(data, java.util.Arrays.copyOfRange(w1, p * 2 * m1, (p + 1) * 2 * m1), java.util.Arrays.copyOfRange(w2, p * m1, (p + 1) * m1));
            assertTrue(all.contains(key), "given point " + p + " is missing");
        }
        assertThrows(IllegalArgumentException.class, () -> ComboSampler.sample(data, m1, 40, 2, new double[3], new double[2]));
    }

    @Test
    void badInput() {
        Dataset data = gaussian(5, 2, 13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComboSampler.sample(data, 0, 10, 1));
        assertTrue(e.getMessage().contains("m1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComboSampler.sample(data, 2, 0, 1));
        assertTrue(e.getMessage().contains("count"), e.getMessage());
        Dataset zero = Dataset.ofRows(new double[4][2], new double[4]);
        e = assertThrows(IllegalArgumentException.class, () -> ComboSampler.sample(zero, 2, 100, 1));
        assertTrue(e.getMessage().contains("no combo left") && e.getMessage().contains("no nonzero row"), e.getMessage());
    }

    @Test
    void comboSetValidatesItsArrays() {
        long[] mask = {0b101};
        assertThrows(IllegalArgumentException.class,
                () -> new ComboSet(3, 1, 1, mask, new byte[] {0}, mask, new double[1], new double[1]), "sign 0");
        assertThrows(IllegalArgumentException.class,
                () -> new ComboSet(2, 1, 1, mask, new byte[] {1}, mask, new double[1], new double[1]), "bit past n");
        assertThrows(IllegalArgumentException.class,
                () -> new ComboSet(3, 1, 1, mask, new byte[] {1}, mask, new double[2], new double[1]), "weights length");
        assertThrows(IllegalArgumentException.class,
                () -> new ComboSet(3, 1, 1, mask, new byte[] {1}, mask, new double[] {Double.NaN}, new double[1]), "NaN");
        ComboSet ok = new ComboSet(3, 1, 1, mask, new byte[] {1}, mask, new double[] {2}, new double[] {1});
        assertEquals(1, ok.size());
        assertArrayEquals(new double[] {1, 0, 1}, ok.secondLayerIndicator(0));
        assertArrayEquals(new double[] {1, 0, 1}, ok.firstLayerIndicator(0, 0));
    }
}
