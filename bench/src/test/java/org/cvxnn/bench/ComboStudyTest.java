package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.combo.ComboEnumerationSettings;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class ComboStudyTest {
    private static final Dataset DATA = PlantedData.generate(8, 2, 2, 3).data();

    @Test
    void oneNeuronCombosAreTheFirstLayerPatterns() {
        // m1 = 1: only the positive sign gives a nonzero feature and D2 is then fixed, so C = P1
        Map<String, Object> r = ComboStudy.row(DATA, 2, 1, 1, ComboEnumerationSettings.defaults());
        assertEquals("enumerated", r.get("status"));
        assertEquals(ExactEnumerator.coverCount(8, 2), ((Integer) r.get("P1")).longValue());
        assertEquals(r.get("P1"), r.get("combos"));
    }

    @Test
    void twoNeuronCountsRespectTheBounds() {
        Map<String, Object> r = ComboStudy.row(DATA, 2, 2, 1, ComboEnumerationSettings.defaults());
        assertEquals("enumerated", r.get("status"));
        int combos = (Integer) r.get("combos"), p1 = (Integer) r.get("P1");
        assertTrue(combos > p1, "two neurons realise more than one neuron");
        assertTrue(combos <= (Double) r.get("bound_sum"), () -> combos + " > " + r.get("bound_sum"));
        assertTrue((Double) r.get("bound_sum") <= (Double) r.get("bound"));
        assertEquals(combos / (Double) r.get("bound"), (Double) r.get("combos_per_bound"), 1e-12);
        assertTrue((Double) r.get("combos_s") > 0);
    }

    @Test
    void refusalIsARowNotAnError() {
        Map<String, Object> r = ComboStudy.row(DATA, 2, 2, 1, ComboEnumerationSettings.defaults().withMaxCombos(10));
        assertEquals("refused", r.get("status"));
        assertNull(r.get("combos"));
        assertEquals(16, r.get("P1"));
        assertTrue((Double) r.get("estimate") > 10, () -> "estimate " + r.get("estimate"));
        assertTrue(((String) r.get("message")).contains("maxCombos = 10"));
        Table t = new Table(ComboStudy.COLUMNS);
        t.add(r);
        assertTrue(t.toCsv().contains(",refused,"));
    }

    @Test
    void estimateParsing() {
        assertEquals(4950.0, ComboStudy.estimate("exact combo enumeration refused: estimated 4950 combos: the first layer ..."));
        assertEquals(Math.pow(2, 63), ComboStudy.estimate("exact combo enumeration refused: estimated 2^63 combos: ..."));
        assertNull(ComboStudy.estimate("exact enumeration refused: 123, more than maxPatterns = 10"));
    }

    @Test
    void summaryTableShowsEnumeratedAndRefusedPoints() {
        StudyOptions o = StudyOptions.parse(new String[] {"--exact", "--no-solve", "--combos-m1", "1,2", "--out", "c.csv"});
        Table t = new Table(ComboStudy.COLUMNS);
        t.add(ComboStudy.row(DATA, 2, 1, 1, ComboEnumerationSettings.defaults()));
        t.add(ComboStudy.row(DATA, 2, 2, 1, ComboEnumerationSettings.defaults().withMaxCombos(10)));
        String md = ComboStudy.markdown(o, "machine\n", t);
        List<String> lines = md.lines().filter(l -> l.startsWith("| 8 |")).toList();
        assertEquals(2, lines.size(), md);
        assertTrue(lines.get(0).startsWith("| 8 | 2 | 2 | 1 | 16 | 16 | "), lines.get(0));
        assertTrue(lines.get(1).contains("| refused (estimate "), lines.get(1));
        assertTrue(md.contains("`" + Path.of("c.csv") + "`"));
    }

    @Test
    void bigNumbersUseScientificNotation() {
        assertEquals("416000", ComboStudy.big(Math.log10(416_000)));
        assertEquals("1.79e7", ComboStudy.big(Math.log10(17_910_923.1)));
        assertEquals("1.00e400", ComboStudy.big(400));
        assertEquals("", ComboStudy.big(Double.POSITIVE_INFINITY));
    }
}
