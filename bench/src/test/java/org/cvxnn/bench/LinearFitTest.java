package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearFitTest {

    @Test
    void exactLineIsRecoveredWithUnitR2() {
        double[] x = {100, 200, 500, 1000, 2000};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = 0.004 + 3e-5 * x[i];
        LinearFit f = LinearFit.of(x, y);
        assertEquals(3e-5, f.slope(), 1e-15);
        assertEquals(0.004, f.intercept(), 1e-12);
        assertEquals(1.0, f.r2(), 1e-12);
        assertEquals(5, f.points());
    }

    /** Points (0,0), (1,2), (2,1), (3,3): worked by hand, slope 0.8, intercept 0.3, R² = 3.2/5 = 0.64. */
    @Test
    void noisyPointsMatchHandComputation() {
        LinearFit f = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {0, 2, 1, 3});
        assertEquals(0.8, f.slope(), 1e-12);
        assertEquals(0.3, f.intercept(), 1e-12);
        assertEquals(0.64, f.r2(), 1e-12);
    }

    @Test
    void residualsAreOrthogonalToTheRegressors() {
        double[] x = {1, 2, 2, 5, 9, 11}, y = {3.1, 2.2, 4.9, 7.0, 6.5, 12.4};
        LinearFit f = LinearFit.of(x, y);
        double sum = 0, weighted = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - (f.slope() * x[i] + f.intercept());
            sum += r;
            weighted += r * x[i];
        }
        assertEquals(0, sum, 1e-12);
        assertEquals(0, weighted, 1e-11);
        assertTrue(f.r2() > 0 && f.r2() < 1);
    }

    @Test
    void constantYHasUndefinedR2() {
        assertTrue(Double.isNaN(LinearFit.of(new double[] {1, 2, 3}, new double[] {4, 4, 4}).r2()));
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {2, 2}, new double[] {1, 3}));
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 2}, new double[] {1, Double.NaN}));
    }
}
