package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.lowrank.TruncatedSvd;
import org.junit.jupiter.api.Test;

class LowRankStudyTest {

    @Test
    void parsesOptionsWithDefaults() {
        LowRankOptions o = LowRankOptions.parse(new String[] {"--out", "lr.csv", "--n", "20, 40", "--rank", "1,2", "--model", "path3",
                "--m1", "3", "--no-working-set"});
        assertEquals(ModelKind.PATH3, o.model());
        assertEquals(3, o.m1());
        assertEquals(List.of(20, 40), o.ns());
        assertEquals(List.of(1, 2), o.ranks());
        assertEquals(10, o.d());
        assertEquals(0.05, o.noise());
        assertFalse(o.workingSet());
        assertEquals(Path.of("lr.csv"), o.out());
        assertEquals(1, LowRankOptions.parse(new String[] {"--out", "x.csv", "--m1", "3"}).m1(), "relu2 has m1 = 1");
    }

    @Test
    void badOptions() {
        assertThrows(IllegalArgumentException.class, () -> LowRankOptions.parse(new String[] {"--n", "20"}));
        assertThrows(IllegalArgumentException.class, () -> LowRankOptions.parse(new String[] {"--out", "x.csv", "--rank", "10"}));
        assertThrows(IllegalArgumentException.class, () -> LowRankOptions.parse(new String[] {"--out", "x.csv", "--model", "gated2"}));
        assertThrows(IllegalArgumentException.class, () -> LowRankOptions.parse(new String[] {"--out", "x.csv", "--noise", "-1"}));
        assertThrows(IllegalArgumentException.class, () -> LowRankOptions.parse(new String[] {"--out", "x.csv", "--bogus"}));
    }

    @Test
    void noisyDataAreThePlantedLowRankDataPlusNoise() {
        PlantedData planted = PlantedData.generate(40, 6, 2, 3);
        Dataset noisy = LowRankStudy.noisy(planted, 0.05, 4);
        assertEquals(planted.data().y().length, noisy.y().length);
        double[] s = TruncatedSvd.of(40, 6, noisy.x(), 2).singularValues();
        assertTrue(s[2] > 0 && s[2] < 0.1 * s[1], "approximately rank 2: " + java.util.Arrays.toString(s));
        double diff = 0;
        for (int k = 0; k < noisy.x().length; k++) diff += Math.pow(noisy.x()[k] - planted.data().x()[k], 2);
        assertEquals(0.05, Math.sqrt(diff / noisy.x().length), 0.01, "noise standard deviation");
    }
}
