package org.cvxnn.solver.compare;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestMetricsTest {

    private static Dataset targets(double... y) {
        double[][] rows = new double[y.length][1];
        return Dataset.ofRows(rows, y);
    }

    @Test
    void zeroOneLabelsAreThresholdedAtOneHalf() {
        Dataset train = targets(0, 1, 1, 0);
        Dataset test = targets(0, 1, 1, 0);
        TestMetrics m = TestMetrics.of(new double[] {0.49, 0.51, 0.2, 0.5}, test, train);
        // 0.49 -> 0 ok, 0.51 -> 1 ok, 0.2 -> 0 wrong, 0.5 tie -> 0 ok
        assertEquals(0.25, m.classificationError());
        double mse = (0.49 * 0.49 + 0.49 * 0.49 + 0.8 * 0.8 + 0.5 * 0.5) / 4;
        assertEquals(mse, m.mse(), 1e-15);
    }

    @Test
    void plusMinusOneLabelsAreThresholdedAtZero() {
        TestMetrics m = TestMetrics.of(new double[] {0.1, -0.1, 3}, targets(-1, 1, 1), targets(1, -1));
        assertEquals(2.0 / 3, m.classificationError(), 1e-15);
    }

    @Test
    void classIndicesAreRoundedAndClipped() {
        Dataset train = targets(0, 1, 2, 3, 4, 5);
        TestMetrics m = TestMetrics.of(new double[] {7.2, -3, 2.4, 2.6}, targets(5, 0, 2, 2), train);
        assertEquals(0.25, m.classificationError());
    }

    @Test
    void realTargetsHaveNoClassificationError() {
        TestMetrics m = TestMetrics.of(new double[] {1, 2}, targets(1, 2.5), targets(0.5, 1, 2));
        assertTrue(Double.isNaN(m.classificationError()));
        assertEquals(0.125, m.mse(), 1e-15);
        double[] many = new double[TestMetrics.MAX_CLASSES + 1];
        for (int i = 0; i < many.length; i++) many[i] = i;
        assertNull(TestMetrics.classes(many));
        assertArrayEquals(new double[] {-1, 2}, TestMetrics.classes(new double[] {2, -1, 2}));
    }

    @Test
    void predictionCountMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> TestMetrics.of(new double[1], targets(1, 2), targets(1)));
    }
}
