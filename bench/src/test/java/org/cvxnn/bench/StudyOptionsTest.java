package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StudyOptionsTest {

    @Test
    void parsesListsAndFlags() {
        StudyOptions o = StudyOptions.parse(new String[] {"--out", "r.json", "--n", "100, 200", "--d", "5", "--P", "10,20,40",
                "--rank", "2,3", "--repeats", "4", "--seed", "-7", "--threads", "2", "--no-warmup"});
        assertEquals(List.of(100, 200), o.ns());
        assertEquals(List.of(5), o.ds());
        assertEquals(List.of(10, 20, 40), o.ps());
        assertEquals(List.of(2, 3), o.ranks());
        assertEquals(4, o.repeats());
        assertEquals(-7, o.seed());
        assertEquals(2, o.threads());
        assertFalse(o.warmup());
        assertTrue(o.solve());
        assertEquals(Path.of("r.json"), o.out());
    }

    @Test
    void quickSetsSmallDefaultsButExplicitValuesWin() {
        StudyOptions q = StudyOptions.parse(new String[] {"--quick", "--P", "30", "--out", "q.csv"});
        assertEquals(List.of(200, 400), q.ns());
        assertEquals(List.of(10), q.ds());
        assertEquals(List.of(30), q.ps());
        assertEquals(1, q.repeats());
    }

    @Test
    void comboWidthsNeedExactNoSolve() {
        StudyOptions o = StudyOptions.parse(new String[] {"--exact", "--no-solve", "--combos-m1", "1, 2,3", "--max-combos", "5000", "--out", "c.csv"});
        assertEquals(List.of(1, 2, 3), o.comboM1s());
        assertEquals(5000, o.maxCombos());
        StudyOptions plain = StudyOptions.parse(new String[] {"--exact", "--no-solve", "--out", "c.csv"});
        assertTrue(plain.comboM1s().isEmpty());
        assertEquals(1_000_000, plain.maxCombos());
        StudyOptions quick = StudyOptions.parse(new String[] {"--quick", "--out", "q.csv"});
        assertTrue(quick.comboM1s().isEmpty());
        assertTrue(quick.solve());
    }

    @Test
    void comboOptionErrors() {
        String needs = "--combos-m1 needs --exact --no-solve (the combo study times enumeration only)";
        assertMessage(needs, "--out", "a.csv", "--combos-m1", "2");
        assertMessage(needs, "--out", "a.csv", "--exact", "--combos-m1", "2");
        assertMessage("--combos-m1: 0 is below the minimum 1", "--out", "a.csv", "--exact", "--no-solve", "--combos-m1", "1,0");
        assertMessage("--combos-m1: 'two' is not an integer", "--out", "a.csv", "--exact", "--no-solve", "--combos-m1", "two");
        assertMessage("--combos-m1 needs a value", "--out", "a.csv", "--combos-m1");
        assertMessage("--max-combos needs --combos-m1", "--out", "a.csv", "--exact", "--no-solve", "--max-combos", "10");
        assertMessage("--max-combos: 0 is below the minimum 1", "--out", "a.csv", "--exact", "--no-solve", "--combos-m1", "1", "--max-combos", "0");
    }

    @Test
    void errorsNameTheOption() {
        assertMessage("--out FILE is required", "--n", "100");
        assertMessage("--n: 'x' is not an integer", "--out", "a.csv", "--n", "100,x");
        assertMessage("--repeats: 0 is below the minimum 1", "--out", "a.csv", "--repeats", "0");
        assertMessage("unknown option --bogus", "--bogus");
        assertMessage("--P needs a value", "--out", "a.csv", "--P");
        assertMessage("--no-solve needs --exact (there is nothing else to time)", "--out", "a.csv", "--no-solve");
        assertMessage("--rank 5 is not below --d 5; omit --rank for full rank", "--out", "a.csv", "--d", "5", "--rank", "5");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyOptions.parse(args));
        assertEquals(expected, e.getMessage());
    }
}
