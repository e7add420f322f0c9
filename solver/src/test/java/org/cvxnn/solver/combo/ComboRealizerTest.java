package org.cvxnn.solver.combo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class ComboRealizerTest {

    @Test
    void sampledCombosRoundTripThroughTheirMasks() {
        Dataset data = Combos.gaussian(9, 2, 3);
        ComboSet sampled = ComboSampler.sample(data, 2, 400, 5).combos();
        ComboSet realised = ComboRealizer.realize(data, sampled.masks());
        assertEquals(sampled.size(), realised.size());
        Combos.assertSameCombos(Combos.keys(sampled), Combos.keys(realised), "realised");
        Combos.assertPointsGenerate(data, realised);
    }

    @Test
    void everyEnumeratedComboIsRealisableWithThreeNeurons() {
        Dataset data = Combos.gaussian(6, 2, 11);
        ComboSet exact = new ComboEnumerator().enumerate(data, 3);
        ComboSet realised = ComboRealizer.realize(data, exact.masks());
        Combos.assertSameCombos(Combos.keys(exact), Combos.keys(realised), "realised");
        Combos.assertPointsGenerate(data, realised);
    }

    @Test
    void duplicatesAreMergedKeepingTheFirst() {
        Dataset data = Combos.gaussian(7, 2, 1);
        ComboMasks masks = ComboSampler.sample(data, 2, 50, 2).combos().masks();
        List<ComboMasks.Combo> twice = new ArrayList<>(masks.combos());
        twice.addAll(masks.combos());
        ComboSet realised = ComboRealizer.realize(data, new ComboMasks(7, 2, twice));
        assertEquals(masks.combos().size(), realised.size());
    }

    @Test
    void aSecondLayerMaskAgainstTheSignsNamesTheRow() {
        Dataset data = Combos.gaussian(8, 2, 4);
        ComboMasks masks = ComboSampler.sample(data, 2, 200, 9).combos().masks();
        for (int c = 0; c < masks.combos().size(); c++) {
            ComboMasks.Combo combo = masks.combos().get(c);
            boolean[] second = combo.second();
            for (int i = 0; i < 8; i++) {
                int pos = 0, neg = 0;
                for (ComboMasks.Neuron nr : combo.neurons()) {
                    if (nr.mask()[i]) {
                        if (nr.sign() > 0) pos++;
                        else neg++;
                    }
                }
                if (pos + neg == 0 || pos > 0 && neg > 0) continue;
                second[i] = !second[i];
                ComboMasks bad = new ComboMasks(8, 2, List.of(new ComboMasks.Combo(combo.neurons(), second)));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComboRealizer.realize(data, bad));
                assertTrue(e.getMessage().contains("inconsistent") && e.getMessage().contains("row " + i), e.getMessage());
                return;
            }
        }
        throw new AssertionError("no same-sign row found");
    }

    @Test
    void masksThatNoHyperplaneCutsAreRefusedAsUnrealisable() {
        // four points on a line through the origin's complement (with a bias column): no halfspace
        // selects rows 0 and 2 but not 1 and 3.
        double[][] rows = {{-3, 1}, {-1, 1}, {1, 1}, {3, 1}};
        Dataset data = Dataset.ofRows(rows, new double[4]);
        boolean[] alternating = {true, false, true, false};
        ComboMasks masks = new ComboMasks(4, 1, List.of(new ComboMasks.Combo(
                List.of(new ComboMasks.Neuron(alternating, 1)), alternating)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComboRealizer.realize(data, masks));
        assertTrue(e.getMessage().contains("combo 0 is not realisable"), e.getMessage());
    }

    @Test
    void mixedRowsWhoseSecondLayerSideIsImpossibleAreUnrealisable() {
        // identical first-layer masks with opposite signs: z = D X (u1 - u2) on the active rows of a
        // 1-feature data set has one sign on all of them, so D2 cannot split two positive rows.
        double[][] rows = {{1}, {2}, {-1}};
        Dataset data = Dataset.ofRows(rows, new double[3]);
        boolean[] active = {true, true, false};
        ComboMasks masks = new ComboMasks(3, 2, List.of(new ComboMasks.Combo(List.of(
                new ComboMasks.Neuron(active, 1), new ComboMasks.Neuron(active, -1)), new boolean[] {true, false, false})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComboRealizer.realize(data, masks));
        assertTrue(e.getMessage().contains("not realisable"), e.getMessage());
    }

    @Test
    void deadNeuronsZeroFeaturesAndSizesAreNamed() {
        Dataset data = Combos.gaussian(4, 2, 7);
        boolean[] none = new boolean[4];
        boolean[] all = {true, true, true, true};
        ComboMasks dead = new ComboMasks(4, 1, List.of(new ComboMasks.Combo(List.of(new ComboMasks.Neuron(none, 1)), none)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComboRealizer.realize(data, dead)).getMessage()
                .contains("neuron 0"));
        ComboMasks negative = new ComboMasks(4, 1, List.of(new ComboMasks.Combo(List.of(new ComboMasks.Neuron(all, -1)), none)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComboRealizer.realize(data, negative)).getMessage()
                .contains("zero feature"));
        Dataset five = Combos.gaussian(5, 2, 7);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComboRealizer.realize(five, negative)).getMessage()
                .contains("4 rows"));
        assertThrows(IllegalArgumentException.class, () -> new ComboMasks(4, 2,
                List.of(new ComboMasks.Combo(List.of(new ComboMasks.Neuron(all, 1)), all))));
        assertThrows(IllegalArgumentException.class, () -> new ComboMasks.Neuron(all, 0));
    }
}
