package org.cvxnn.cli;

/**
 * The allowed values of a floating-point option; every bound is finite or infinite, every
 * accepted value is finite.
 *
 * @param min          lower bound, or {@code -Infinity} for none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound, or {@code +Infinity} for none
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max)
            throw new IllegalArgumentException("invalid range: min " + min + ", max " + max);
    }

    /** Any finite number. */
    public static Range any() {
        return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code > 0}. */
    public static Range positive() {
        return greaterThan(0);
    }

    /** {@code >= 0}. */
    public static Range nonNegative() {
        return atLeast(0);
    }

    /** {@code > min}. */
    public static Range greaterThan(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code >= min}. */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code min <= v <= max}. */
    public static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    public boolean contains(double v) {
        return Double.isFinite(v)
                && (minInclusive ? v >= min : v > min)
                && (maxInclusive ? v <= max : v < max);
    }

    /** The range in words, to follow "must be": {@code "> 0"}, {@code "between 0 and 1"}, {@code "in (0, 1]"}. */
    public String describe() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY, hasMax = max != Double.POSITIVE_INFINITY;
        if (!hasMin && !hasMax) return "a finite number";
        if (!hasMax) return (minInclusive ? ">= " : "> ") + format(min);
        if (!hasMin) return (maxInclusive ? "<= " : "< ") + format(max);
        if (minInclusive && maxInclusive) return "between " + format(min) + " and " + format(max);
        return "in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
