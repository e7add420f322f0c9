package org.cvxnn.bench;

import java.util.Arrays;

/**
 * Statistics of the final objectives of a group of training trials, measured against a reference
 * value F* such as the certified optimum of the convex program (relative excess {@code (F − F*)/|F*|}).
 *
 * @param trials        number of trials
 * @param best          smallest final objective
 * @param median        median final objective (mean of the two middle values for an even count)
 * @param bestExcess    {@code (best − F*)/|F*|}
 * @param medianExcess  {@code (median − F*)/|F*|}
 * @param withinTwoPct  trials whose relative excess is at most {@value #NEAR}
 * @param medianSeconds median wall-clock seconds of a trial
 */
record TrialSummary(int trials, double best, double median, double bestExcess, double medianExcess,
                    int withinTwoPct, double medianSeconds) {

    /** Relative excess below which a trial counts as having reached the reference. */
    static final double NEAR = 0.02;

    /**
     * @param finals     final objectives, one per trial (at least one, all finite)
     * @param seconds    wall-clock seconds per trial, same length
     * @param reference  F*, finite and nonzero
     */
    static TrialSummary of(double[] finals, double[] seconds, double reference) {
        if (finals.length == 0) throw new IllegalArgumentException("no trials to summarise");
        if (seconds.length != finals.length)
            throw new IllegalArgumentException(finals.length + " objectives but " + seconds.length + " times");
        if (!(reference != 0) || !Double.isFinite(reference))
            throw new IllegalArgumentException("reference value must be finite and nonzero, got " + reference);
        for (double f : finals) if (!Double.isFinite(f)) throw new IllegalArgumentException("final objective " + f);
        double best = Arrays.stream(finals).min().orElseThrow();
        double median = median(finals);
        int near = 0;
        for (double f : finals) if (excess(f, reference) <= NEAR) near++;
        return new TrialSummary(finals.length, best, median, excess(best, reference), excess(median, reference),
                near, median(seconds));
    }

    /** {@code (value − F*)/|F*|}. */
    static double excess(double value, double reference) {
        return (value - reference) / Math.abs(reference);
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
