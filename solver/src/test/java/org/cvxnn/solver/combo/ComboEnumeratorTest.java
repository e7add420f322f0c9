package org.cvxnn.solver.combo;

import static org.cvxnn.solver.combo.Combos.angularGridKeys;
import static org.cvxnn.solver.combo.Combos.assertPointsGenerate;
import static org.cvxnn.solver.combo.Combos.assertSameCombos;
import static org.cvxnn.solver.combo.Combos.cover;
import static org.cvxnn.solver.combo.Combos.gaussian;
import static org.cvxnn.solver.combo.Combos.keys;
import static org.cvxnn.solver.combo.Combos.candidateKeys;
import static org.cvxnn.solver.combo.Combos.sampledKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class ComboEnumeratorTest {
    private static final ComboEnumerator ENUMERATOR = new ComboEnumerator();

    /** d = 2 without bias, and one feature with a bias column: the angular brute force finds exactly the enumerated combos. */
    @Test
    void equalsAngularBruteForceOnRankTwoData() {
        for (int n = 5; n <= 8; n++) {
            Dataset plain = gaussian(n, 2, 10 + n);
            Dataset bias = gaussian(n, 1, 20 + n).withBias();
            for (Dataset data : new Dataset[] {plain, bias}) {
                ComboSet set = ENUMERATOR.enumerate(data, 2);
                String what = "n=" + n + (data == bias ? " 1 feature + bias" : " d=2");
                assertSameCombos(angularGridKeys(data, 8), keys(set), what);
                assertPointsGenerate(data, set);
            }
        }
    }

    /** d = 2 with a bias column (rank 3): random points only find enumerated combos, and the candidate recipe of §3.7 gives the same set. */
    @Test
    void containsSampledCombosOnRankThreeData() {
        for (int n = 5; n <= 7; n++) {
            Dataset data = gaussian(n, 2, 30 + n).withBias();
            ComboSet set = ENUMERATOR.enumerate(data, 2);
            assertPointsGenerate(data, set);
            Set<Long> exact = keys(set);
            Set<Long> sampled = sampledKeys(data, 2, 100_000, n);
            assertTrue(exact.containsAll(sampled), "n=" + n + ": sampled combos outside the enumeration");
            assertSameCombos(candidateKeys(data), exact, "n=" + n + ": candidate restrictions (formulations §3.7)");
        }
    }

    @Test
    void threeNeuronsContainSampledCombos() {
        Dataset data = gaussian(5, 2, 41);
        ComboSet set = ENUMERATOR.enumerate(data, 3);
        assertEquals(3, set.m1());
        assertPointsGenerate(data, set);
        Set<Long> exact = keys(set);
        Set<Long> sampled = sampledKeys(data, 3, 300_000, 5);
        assertTrue(exact.containsAll(sampled), "sampled combos outside the enumeration");
    }

    /** m1 = 1: one combo (pattern, +, D_2 = pattern) per first-layer pattern; Cover's count on general-position data. */
    @Test
    void oneNeuronGivesTheFirstLayerPatterns() {
        Dataset data = gaussian(9, 3, 50);
        ComboSet set = ENUMERATOR.enumerate(data, 1);
        assertEquals(cover(9, 3), set.size(), "Cover's count (the rows of Gaussian data are not in a half-space a.s.)");
        for (int c = 0; c < set.size(); c++) {
            assertEquals(1, set.sign(c, 0));
            for (int i = 0; i < 9; i++) assertEquals(set.firstActive(c, 0, i), set.secondActive(c, i), "combo " + c + " row " + i);
        }
        assertPointsGenerate(data, set);
    }

    /**
     * Structure for m1 = 2: every (+,+) pair of first-layer patterns appears once with D_2 = union,
     * every (+,−) pair at least once, and the count obeys bound (3.10).
     */
    @Test
    void pairStructureAndBound() {
        for (boolean withBias : new boolean[] {false, true}) {
            Dataset data = withBias ? gaussian(8, 2, 60).withBias() : gaussian(10, 2, 61);
            int n = data.n(), r = data.d();
            ComboSet set = ENUMERATOR.enumerate(data, 2);
            Set<Long> firstLayer = new HashSet<>();
            Set<Long> positivePairs = new HashSet<>(), mixedPairs = new HashSet<>();
            for (int c = 0; c < set.size(); c++) {
                long a = 0, b = 0, second = 0;
                for (int i = 0; i < n; i++) {
                    if (set.firstActive(c, 0, i)) a |= 1L << i;
                    if (set.firstActive(c, 1, i)) b |= 1L << i;
                    if (set.secondActive(c, i)) second |= 1L << i;
                }
                assertEquals(1, set.sign(c, 0), "combo " + c + ": the positive neuron comes first");
                firstLayer.add(a);
                firstLayer.add(b);
                if (set.sign(c, 1) > 0) {
                    assertEquals(a | b, second, "combo " + c + ": (+,+) has D_2 = union of the masks");
                    assertTrue(Long.compareUnsigned(a, b) <= 0, "combo " + c + ": masks sorted");
                    assertTrue(positivePairs.add(a * 4096 + b), "combo " + c + ": (+,+) pair repeated");
                } else {
                    assertEquals(a & ~b, second & ~b, "combo " + c + ": D_2 = 1 on rows only the positive neuron has");
                    assertEquals(0, second & ~a, "combo " + c + ": D_2 = 0 on rows the positive neuron lacks");
                    mixedPairs.add(a * 4096 + b);
                }
            }
            long p1 = cover(n, r) - (withBias ? 1 : 0);
            assertEquals(p1, firstLayer.size(), "first-layer masks");
            assertEquals(p1 * (p1 + 1) / 2, positivePairs.size(), "(+,+) pairs");
            assertEquals(p1 * p1, mixedPairs.size(), "(+,-) pairs");
            long bound = 4 * p1 * p1 * cover(n, 2 * r);
            assertTrue(set.size() <= bound, set.size() + " combos exceed bound (3.10) " + bound);
        }
    }

    @Test
    void deterministic() {
        Dataset data = gaussian(7, 2, 70).withBias();
        ComboSet a = ENUMERATOR.enumerate(data, 2), b = ENUMERATOR.enumerate(data, 2);
        assertEquals(a.size(), b.size());
        for (int c = 0; c < a.size(); c++) {
            assertEquals(Combos.key(a, c), Combos.key(b, c));
            assertTrue(java.util.Arrays.equals(a.firstLayerWeights(c), b.firstLayerWeights(c)));
        }
    }

    @Test
    void refusesBeyondTheLimitWithTheEstimate() {
        Dataset data = gaussian(12, 2, 80);
        ComboEnumerator small = new ComboEnumerator(ComboEnumerationSettings.defaults().withMaxCombos(2000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small.enumerate(data, 2));
        assertTrue(e.getMessage().contains("estimated") && e.getMessage().contains("ComboSampler.sample")
                && e.getMessage().contains("maxCombos = 2000"), e.getMessage());
        long estimate = Long.parseLong(e.getMessage().replaceAll("(?s).*estimated (\\d+) combos.*", "$1"));
        assertTrue(estimate > 2000, e.getMessage());
        ComboSet all = ENUMERATOR.enumerate(data, 2);
        assertTrue(all.size() <= estimate, "the estimate is an upper bound: " + all.size() + " > " + estimate);

        ComboEnumerator tiny = new ComboEnumerator(ComboEnumerationSettings.defaults().withMaxCombos(100));
        e = assertThrows(IllegalArgumentException.class, () -> tiny.enumerate(data, 3));
        assertTrue(e.getMessage().contains("at least") && e.getMessage().contains("sample"), e.getMessage());
    }

    @Test
    void badInput() {
        Dataset data = gaussian(6, 2, 90);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ENUMERATOR.enumerate(data, 0));
        assertTrue(e.getMessage().contains("m1"), e.getMessage());
        Dataset zero = Dataset.ofRows(new double[3][2], new double[3]);
        e = assertThrows(IllegalArgumentException.class, () -> ENUMERATOR.enumerate(zero, 2));
        assertTrue(e.getMessage().contains("first layer") && e.getMessage().contains("X is zero"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComboEnumerationSettings.defaults().withMaxCombos(0));
        assertThrows(IllegalArgumentException.class,
                () -> new ComboEnumerationSettings(10, 0.0, ComboEnumerationSettings.defaults().firstLayer()));
    }
}
