package org.cvxnn.cli.commands;

import java.io.PrintStream;
import java.util.Locale;

/** Small formatting helpers shared by the commands' summaries and JSON reports. */
final class Reports {
    private static final int LABEL_WIDTH = 22;

    private Reports() {}

    /** {@code v} for a JSON report, or {@code null} when it is NaN or infinite (JSON has no such numbers). */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** {@code v} with 10 significant digits, e.g. {@code 1.234567890e-03}. */
    static String format(double v) {
        return String.format(Locale.ROOT, "%.9e", v);
    }

    /** One aligned {@code label   value} line of a summary. */
    static void line(PrintStream out, String label, String value) {
        out.println("  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + value);
    }
}
