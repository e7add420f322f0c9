package org.cvxnn.bench;

import org.cvxnn.solver.ModelKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableOneTest {

    @Test
    void defaultsAreTheTwoLayerTable() {
        TableOne.Settings s = TableOne.Settings.parse(new String[0]);
        assertEquals(ModelKind.RELU2, s.model());
        assertEquals(200, s.patterns());
        assertEquals("fold1", s.split());
    }

    @Test
    void path3Options() {
        TableOne.Settings s = TableOne.Settings.parse(new String[] {"--model", "path3", "--m1", "3", "--combos", "40", "--restarts", "1"});
        assertEquals(ModelKind.PATH3, s.model());
        assertEquals(3, s.m1());
        assertEquals(40, s.combos());
        assertEquals(1, s.restarts());
        assertEquals(TableOne.DEFAULT_COMBOS, TableOne.Settings.parse(new String[] {"--model", "path3"}).combos());
    }

    @Test
    void optionsOfTheOtherModelAreRejected() {
        assertTrue(message("--combos", "5").contains("--combos does not apply to --model relu2"));
        assertTrue(message("--model", "path3", "--patterns", "5").contains("--patterns does not apply to --model path3"));
        assertTrue(message("--model", "gated2").contains("relu2, path3 or relu3"));
        assertEquals(ModelKind.RELU3, TableOne.Settings.parse(new String[] {"--model", "relu3", "--m1", "2"}).model());
        assertTrue(message("--model", "path3", "--m1", "0").contains("--m1 must be >= 1"));
        assertTrue(message("--model", "path3", "--combos").contains("needs a value"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> TableOne.Settings.parse(args)).getMessage();
    }
}
