package org.cvxnn.bench;

import java.util.Arrays;

/**
 * Statistics of the final objectives of a group of training trials, measured against a lower bound
 * LB on the optimal value (relative excess {@code (F − LB)/|LB|}).
 *
 * @param trials        number of trials
 * @param best          smallest final objective
 * @param median        median final objective (mean of the two middle values for an even count)
 * @param bestExcess    {@code (best − LB)/|LB|}
 * @param medianExcess  {@code (median − LB)/|LB|}
 * @param withinTwoPct  trials whose relative excess is at most {@value #NEAR}
 * @param medianSeconds median wall-clock seconds of a trial
 */
record TrialSummary(int trials, double best, double median, double bestExcess, double medianExcess,
                    int withinTwoPct, double medianSeconds) {

    /** Relative excess below which a trial counts as having reached the bound. */
    static final double NEAR = 0.02;

    /**
     * @param finals     final objectives, one per trial (at least one, all finite)
     * @param seconds    wall-clock seconds per trial, same length
     * @param lowerBound LB, nonzero
     */
    static TrialSummary of(double[] finals, double[] seconds, double lowerBound) {
        if (finals.length == 0) throw new IllegalArgumentException("no trials to summarise");
        if (seconds.length != finals.length)
            throw new IllegalArgumentException(finals.length + " objectives but " + seconds.length + " times");
        if (!(lowerBound != 0) || !Double.isFinite(lowerBound))
            throw new IllegalArgumentException("lower bound must be finite and nonzero, got " + lowerBound);
        for (double f : finals) if (!Double.isFinite(f)) throw new IllegalArgumentException("final objective " + f);
        double best = Arrays.stream(finals).min().orElseThrow();
        double median = median(finals);
        int near = 0;
        for (double f : finals) if (excess(f, lowerBound) <= NEAR) near++;
        return new TrialSummary(finals.length, best, median, excess(best, lowerBound), excess(median, lowerBound),
                near, median(seconds));
    }

    /** {@code (value − LB)/|LB|}. */
    static double excess(double value, double lowerBound) {
        return (value - lowerBound) / Math.abs(lowerBound);
    }

    /** The median of a nonempty array (mean of the two middle values for an even length). */
    static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("median of no values");
        double[] s = values.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }
}
