package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TrialSummaryTest {

    @Test
    void medianMatchesTheCountingDefinition() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int len = 1; len <= 12; len++) {
            double[] v = new double[len];
            for (int i = 0; i < len; i++) v[i] = Math.floor(rnd.nextDouble() * 5); // ties on purpose
            double m = TrialSummary.median(v);
            // at least half the values are <= m and at least half are >= m
            int le = 0, ge = 0;
            for (double x : v) { if (x <= m) le++; if (x >= m) ge++; }
            assertEquals(true, 2 * le >= len && 2 * ge >= len, "median " + m + " of " + java.util.Arrays.toString(v));
        }
        assertEquals(2.5, TrialSummary.median(new double[] {4, 1, 3, 2}));
        assertEquals(3.0, TrialSummary.median(new double[] {5, 3, 1}));
    }

    @Test
    void summaryOfAHandComputedGroup() {
        double[] finals = {1.5, 1.015, 3.0, 1.0, 2.0};
        double[] seconds = {0.4, 0.1, 0.3, 0.2, 0.5};
        TrialSummary s = TrialSummary.of(finals, seconds, 1.0);
        assertEquals(5, s.trials());
        assertEquals(1.0, s.best());
        assertEquals(1.5, s.median());
        assertEquals(0.0, s.bestExcess());
        assertEquals(0.5, s.medianExcess(), 1e-15);
        assertEquals(2, s.withinTwoPct()); // 1.0 and 1.015
        assertEquals(0.3, s.medianSeconds());
        assertEquals(-0.5, TrialSummary.excess(1, 2));
    }

    @Test
    void rejectsEmptyMismatchedOrNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(new double[0], new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(new double[] {1}, new double[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(new double[] {Double.NaN}, new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(new double[] {1}, new double[] {1}, 0));
    }
}
