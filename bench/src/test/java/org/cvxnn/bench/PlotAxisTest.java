package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlotAxisTest {

    @Test
    void linearPixelsAreAffineAndHitTheEnds() {
        PlotAxis a = new PlotAxis(2, 6, false, 100, 500);
        assertEquals(100, a.pixel(2), 1e-12);
        assertEquals(500, a.pixel(6), 1e-12);
        assertEquals(300, a.pixel(4), 1e-12);
        PlotAxis flipped = new PlotAxis(2, 6, false, 500, 100);
        assertEquals(400, flipped.pixel(3), 1e-12);
    }

    @Test
    void logPixelsAreAffineInLog10() {
        PlotAxis a = new PlotAxis(0.1, 1000, true, 0, 400);
        for (int k = -1; k <= 3; k++) assertEquals(100.0 * (k + 1), a.pixel(Math.pow(10, k)), 1e-9);
        assertEquals(a.pixel(2) - a.pixel(1), a.pixel(20) - a.pixel(10), 1e-9);
    }

    @Test
    void ticksLieInsideAscendInNiceStepsAndRespectTheLimit() {
        double[][] ranges = {{0, 1}, {0, 0.0253}, {-3.7, 12.2}, {1e5, 1.00001e5}, {0.3, 0.7}, {-1e-7, 4e-7}};
        for (double[] r : ranges)
            for (int max : new int[] {2, 5, 8, 12}) {
                List<Double> t = new PlotAxis(r[0], r[1], false, 0, 1).ticks(max);
                assertTrue(t.size() >= 2 || max == 2, "too few ticks for " + r[0] + ".." + r[1] + " max " + max + ": " + t);
                assertTrue(t.size() <= max, "too many ticks " + t);
                check(t, r[0], r[1]);
                if (t.size() >= 2) {
                    double step = t.get(1) - t.get(0);
                    double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
                    assertTrue(near(mantissa, 1) || near(mantissa, 2) || near(mantissa, 5) || near(mantissa, 10), "step " + step);
                    for (int i = 2; i < t.size(); i++) assertEquals(step, t.get(i) - t.get(i - 1), 1e-9 * step);
                }
            }
    }

    @Test
    void logTicksAreDecadesOnWideRangesAndOneTwoFiveOnNarrowOnes() {
        assertEquals(List.of(1e-2, 1e-1, 1.0, 10.0, 100.0), new PlotAxis(0.005, 300, true, 0, 1).ticks(8));
        List<Double> many = new PlotAxis(1e-12, 1e12, true, 0, 1).ticks(8);
        assertTrue(many.size() <= 8 && many.size() >= 4, many.toString());
        check(many, 1e-12, 1e12);
        List<Double> narrow = new PlotAxis(0.3, 30, true, 0, 1).ticks(8);
        assertEquals(List.of(0.5, 1.0, 2.0, 5.0, 10.0, 20.0), round(narrow));
        // a factor below 2.5 holds at most one of 1, 2, 5: linear ticks instead
        List<Double> tiny = new PlotAxis(0.36, 0.41, true, 0, 1).ticks(6);
        assertTrue(tiny.size() >= 2, tiny.toString());
        check(tiny, 0.36, 0.41);
    }

    @Test
    void coveringContainsTheDataWithMargins() {
        PlotAxis log = PlotAxis.covering(0.4, 40, true, 0.05, 0, 1);
        assertEquals(Math.pow(10, Math.log10(0.4) - 0.1), log.min(), 1e-12);
        assertEquals(Math.pow(10, Math.log10(40) + 0.1), log.max(), 1e-9);
        PlotAxis lin = PlotAxis.covering(-1, 3, false, 0.25, 0, 1);
        assertEquals(-2, lin.min(), 1e-12);
        assertEquals(4, lin.max(), 1e-12);
        PlotAxis point = PlotAxis.covering(5, 5, false, 0.1, 0, 1);
        assertTrue(point.min() < 5 && point.max() > 5);
        PlotAxis logPoint = PlotAxis.covering(5, 5, true, 0.1, 0, 1);
        assertTrue(logPoint.min() < 5 && logPoint.max() > 5);
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> new PlotAxis(1, 1, false, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PlotAxis(0, 1, true, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PlotAxis(0, Double.NaN, false, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PlotAxis.covering(-1, 2, true, 0, 0, 1));
    }

    @Test
    void labelsAreShort() {
        assertEquals("0.5", PlotAxis.label(0.5));
        assertEquals("10", PlotAxis.label(10));
        assertEquals("0.025", PlotAxis.label(0.025));
        assertEquals("1e-6", PlotAxis.label(1e-6));
        assertEquals("1e7", PlotAxis.label(1e7));
        assertEquals("0", PlotAxis.label(0));
    }

    private static void check(List<Double> ticks, double lo, double hi) {
        double slack = 1e-9 * (hi - lo);
        for (int i = 0; i < ticks.size(); i++) {
            assertTrue(ticks.get(i) >= lo - slack && ticks.get(i) <= hi + slack, ticks.get(i) + " outside " + lo + ".." + hi);
            if (i > 0) assertTrue(ticks.get(i) > ticks.get(i - 1), "not ascending: " + ticks);
        }
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-9 * b;
    }

    private static List<Double> round(List<Double> v) {
        return v.stream().map(x -> Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", x))).toList();
    }
}
