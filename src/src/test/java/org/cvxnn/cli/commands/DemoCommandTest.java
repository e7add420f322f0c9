package org.cvxnn.cli.commands;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {

    @Test
    void plantedDataAreSeededAndShaped() {
        Dataset a = DemoCommand.planted(5), b = DemoCommand.planted(5), c = DemoCommand.planted(6);
        assertEquals(DemoCommand.PLANTED_N, a.n());
        assertEquals(DemoCommand.PLANTED_D, a.d());
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertFalse(java.util.Arrays.equals(a.y(), c.y()));
    }

    @Test
    void plantedTargetsAreNotConstant() {
        Dataset a = DemoCommand.planted(0);
        double min = java.util.Arrays.stream(a.y()).min().orElseThrow(), max = java.util.Arrays.stream(a.y()).max().orElseThrow();
        assertTrue(max - min > 1, "teacher output varies");
    }

    @Test
    void plantedThreeLayerDataAreSeededShapedAndNotConstant() {
        Dataset a = DemoCommand.plantedThreeLayer(5), b = DemoCommand.plantedThreeLayer(5), c = DemoCommand.plantedThreeLayer(6);
        assertEquals(DemoCommand.PATH_N, a.n());
        assertEquals(DemoCommand.PLANTED_D, a.d());
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertFalse(java.util.Arrays.equals(a.y(), c.y()));
        long distinct = java.util.Arrays.stream(a.y()).map(v -> Math.round(v * 1e6)).distinct().count();
        assertTrue(distinct > a.n() / 2, "the labels vary");
    }
}
