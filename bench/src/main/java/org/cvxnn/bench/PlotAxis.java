package org.cvxnn.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a plot: maps data values in {@code [min, max]} linearly (or linearly in log10) onto
 * pixels {@code [from, to]} and chooses readable tick values inside the range.
 *
 * <p>Ticks (at most {@code maxTicks}): linear axes use the "nice" steps {1, 2, 5}·10^k; log axes use
 * the powers of ten when the range holds at least four, otherwise the values {1, 2, 5}·10^k inside the
 * range if there are 2..maxTicks of them, otherwise the powers of ten if there are two or three,
 * otherwise the linear ticks (a range narrower than a factor 2.5).
 *
 * @param min  smallest value shown, finite (and {@code > 0} on a log axis)
 * @param max  largest value shown, {@code > min}
 * @param log  whether the axis is logarithmic
 * @param from pixel coordinate of {@code min}
 * @param to   pixel coordinate of {@code max} (may be below {@code from}, as for a y axis)
 */
record PlotAxis(double min, double max, boolean log, double from, double to) {

    PlotAxis {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min))
            throw new IllegalArgumentException("axis range must be finite with max > min, got [" + min + ", " + max + "]");
        if (log && !(min > 0)) throw new IllegalArgumentException("a log axis needs min > 0, got " + min);
        if (from == to) throw new IllegalArgumentException("axis has zero pixel length");
    }

    /**
     * An axis covering {@code [lo, hi]} with a margin of {@code pad} (fraction of the range, in log10
     * units on a log axis) on each side; a degenerate range {@code lo == hi} is widened around it.
     */
    static PlotAxis covering(double lo, double hi, boolean log, double pad, double from, double to) {
        if (!(lo <= hi)) throw new IllegalArgumentException("empty data range [" + lo + ", " + hi + "]");
        if (log) {
            if (!(lo > 0)) throw new IllegalArgumentException("a log axis needs positive data, got " + lo);
            double a = Math.log10(lo), b = Math.log10(hi);
            if (b - a < 1e-12) { a -= 0.5; b += 0.5; }
            double m = pad * (b - a);
            return new PlotAxis(Math.pow(10, a - m), Math.pow(10, b + m), true, from, to);
        }
        if (hi - lo < 1e-300 + 1e-12 * Math.abs(hi)) {
            double w = Math.max(1.0, Math.abs(hi)) * 0.5;
            return new PlotAxis(lo - w, hi + w, false, from, to);
        }
        double m = pad * (hi - lo);
        return new PlotAxis(lo - m, hi + m, false, from, to);
    }

    /** The pixel coordinate of {@code value} (values outside the range map outside {@code [from, to]}). */
    double pixel(double value) {
        double t = log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return from + t * (to - from);
    }

    /** Tick values inside {@code [min, max]}, ascending (see the class comment). */
    List<Double> ticks(int maxTicks) {
        if (maxTicks < 2) throw new IllegalArgumentException("maxTicks must be >= 2, got " + maxTicks);
        if (log) {
            List<Double> decades = logTicks(new double[] {1}, Integer.MAX_VALUE);
            if (decades.size() >= 4) return thin(decades, maxTicks);
            List<Double> fine = logTicks(new double[] {1, 2, 5}, Integer.MAX_VALUE);
            if (fine.size() >= 2 && fine.size() <= maxTicks) return fine;
            if (decades.size() >= 2) return thin(decades, maxTicks);
        }
        return linearTicks(maxTicks);
    }

    /** {@code mantissa·10^k} inside the range, ascending. */
    private List<Double> logTicks(double[] mantissas, int limit) {
        List<Double> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(min)); k <= (int) Math.ceil(Math.log10(max)) && out.size() <= limit; k++)
            for (double m : mantissas) {
                double v = m * Math.pow(10, k);
                if (inside(v)) out.add(v);
            }
        return out;
    }

    /** Keeps every s-th tick, s the smallest stride that leaves at most {@code maxTicks}. */
    private static List<Double> thin(List<Double> ticks, int maxTicks) {
        int stride = (ticks.size() + maxTicks - 1) / maxTicks;
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i += stride) out.add(ticks.get(i));
        return out;
    }

    private List<Double> linearTicks(int maxTicks) {
        double raw = (max - min) / (maxTicks - 1);
        double base = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = base * 10;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * base >= raw) { step = m * base; break; }
        }
        List<Double> out = new ArrayList<>();
        for (long i = (long) Math.ceil(min / step); i * step <= max * (1 + 1e-12) + 1e-300; i++) {
            double v = i * step;
            if (inside(v)) out.add(v);
        }
        return out;
    }

    private boolean inside(double v) {
        double slack = 1e-9 * (max - min);
        return v >= min - slack && v <= max + slack;
    }

    /** A short label for a tick value: plain for moderate magnitudes, scientific otherwise. */
    static String label(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(java.util.Locale.ROOT, "%.4g", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(java.util.Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
}
