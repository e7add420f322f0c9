package org.cvxnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Parsing of the option values of the studies ({@link StudyOptions}, {@link LowRankOptions},
 * {@link Figure4Options}): each rejects a bad value with an {@link IllegalArgumentException} naming
 * the option.
 */
final class OptionValues {
    private OptionValues() { }

    /** An integer {@code >= min}. */
    static int integer(String opt, String v, int min) {
        int x = parseInt(opt, v);
        if (x < min) throw new IllegalArgumentException(opt + ": " + x + " is below the minimum " + min);
        return x;
    }

    /** An integer in {@code [min, max]}. */
    static int integer(String opt, String v, int min, int max) {
        int x = parseInt(opt, v);
        if (x < min || x > max) throw new IllegalArgumentException(opt + ": " + x + " is outside " + min + ".." + max);
        return x;
    }

    /** A comma-separated list of integers {@code >= min}. */
    static List<Integer> list(String opt, String v, int min) {
        List<Integer> l = new ArrayList<>();
        for (String part : v.split(",", -1)) l.add(integer(opt, part.trim(), min));
        return List.copyOf(l);
    }

    static long longValue(String opt, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + ": '" + v + "' is not an integer");
        }
    }

    /** A finite number {@code >= 0}. */
    static double nonNegative(String opt, String v) {
        return number(opt, v, x -> x >= 0 && Double.isFinite(x), "a non-negative number");
    }

    /** A finite number {@code > 0}. */
    static double positive(String opt, String v) {
        return number(opt, v, x -> x > 0 && Double.isFinite(x), "a positive number");
    }

    /** A number strictly between 0 and 1. */
    static double fraction(String opt, String v) {
        return number(opt, v, x -> x > 0 && x < 1, "a number strictly between 0 and 1");
    }

    private static double number(String opt, String v, DoublePredicate valid, String what) {
        try {
            double x = Double.parseDouble(v);
            if (valid.test(x)) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(opt + " needs " + what + ", got '" + v + "'");
    }

    private static int parseInt(String opt, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + ": '" + v + "' is not an integer");
        }
    }
}
