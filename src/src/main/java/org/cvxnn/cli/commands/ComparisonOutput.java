package org.cvxnn.cli.commands;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.compare.ComparisonReport;
import org.cvxnn.solver.compare.ConvexCertificate;
import org.cvxnn.solver.compare.MethodResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table and the JSON form of a {@link ComparisonReport}, shared by {@code compare} and {@code demo}. */
final class ComparisonOutput {
    private static final String ROW = "  %-8s %16s %10s %10s %10s %9s %8s %5s%n";

    private ComparisonOutput() {}

    /**
     * Prints one row per method (train objective, its excess over the convex one, test MSE, test
     * classification error, seconds, neurons, runs), the certificate, and one line saying what the
     * numbers mean.
     */
    static void table(PrintStream out, ComparisonReport report) {
        double convex = report.convex().trainObjective();
        boolean path = report.kind().parallel();
        out.printf(Locale.ROOT, ROW, "method", "train objective", "vs convex", "test MSE", "test error", "seconds",
                path ? "sub-nets" : "neurons", "runs");
        for (MethodResult m : report.methods()) {
            String excess = m == report.convex() ? "" : String.format(Locale.ROOT, "%+.2f%%", 100 * (m.trainObjective() / convex - 1));
            double error = m.test().classificationError();
            out.printf(Locale.ROOT, ROW, m.method(), String.format(Locale.ROOT, "%.6e", m.trainObjective()), excess,
                    String.format(Locale.ROOT, "%.4g", m.test().mse()),
                    Double.isNaN(error) ? "-" : String.format(Locale.ROOT, "%.3f", error),
                    String.format(Locale.ROOT, "%.2f", m.seconds()), m.neurons(), m.runs());
        }
        ConvexCertificate c = report.certificate();
        out.printf(Locale.ROOT, "  convex certificate: %s, dual bound %.6e, gap %.2e (relative %.2e), %d %s %s%n",
                c.status(), c.dualBound(), c.gap(), c.gapRel(), c.patterns(), c.globalOptimum() ? "(all)" : "sampled",
                path ? "combos" : "patterns");
        out.println("  " + meaning(report));
    }

    /** One sentence on what the comparison shows. */
    static String meaning(ComparisonReport report) {
        ConvexCertificate c = report.certificate();
        MethodResult best = report.baselines().stream()
                .min((a, b) -> Double.compare(a.trainObjective(), b.trainObjective())).orElseThrow();
        boolean path = report.kind().parallel();
        String scope;
        if (path) {
            String objective = report.kind() == ModelKind.RELU3 ? "weight-decay objective" : "path objective";
            boolean tree = report.kind() == ModelKind.PATHL;
            String family = tree ? "parallel depth-L tree" : "parallel three-layer";
            scope = c.globalOptimum()
                    ? "no " + family + " ReLU network with sub-networks of this " + (tree ? "shape" : "width") + " (any number of them) has a " + objective + " below the dual bound"
                    : "no " + family + " network whose sub-networks use these combos has a " + objective + " below the dual bound";
        } else {
            scope = c.globalOptimum()
                    ? "no two-layer ReLU network of any width has an objective below the dual bound"
                    : "no network whose neurons use these activation patterns has an objective below the dual bound";
        }
        double convex = report.convex().trainObjective();
        double excess = (best.trainObjective() - convex) / Math.max(convex, Double.MIN_NORMAL);
        String verdict;
        if (excess > 1e-6) {
            verdict = String.format(Locale.ROOT, "the best local search (%s, %d runs) stopped %.2f%% above the convex objective",
                    best.method(), best.runs(), 100 * excess);
        } else if (excess >= -1e-6) {
            verdict = "the best local search (" + best.method() + ") matched the convex objective";
        } else {
            String units = path ? "sub-networks use combos outside the sampled set: sample more combos"
                    : "neurons use patterns outside the sampled set: sample more patterns";
            verdict = String.format(Locale.ROOT, "the best local search (%s) went %.2f%% below it, so its %s or enumerate them all",
                    best.method(), -100 * excess, units);
        }
        return "meaning: " + scope + "; " + verdict + ".";
    }

    /** The report as a JSON-ready map: every key is listed in the README's contract of the command. */
    static Map<String, Object> json(ComparisonReport report) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("beta", report.beta());
        r.put("n_train", report.trainSize());
        r.put("n_test", report.testSize());
        List<Object> methods = new ArrayList<>();
        for (MethodResult m : report.methods()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", m.method());
            row.put("train_objective", number(m.trainObjective()));
            row.put("test_mse", number(m.test().mse()));
            row.put("test_error", number(m.test().classificationError()));
            row.put("seconds", m.seconds());
            row.put("neurons", m.neurons());
            row.put("runs", m.runs());
            methods.add(row);
        }
        r.put("methods", methods);
        ConvexCertificate c = report.certificate();
        Map<String, Object> cert = new LinkedHashMap<>();
        cert.put("status", c.status().name());
        cert.put("objective", number(c.objective()));
        cert.put("dual_bound", number(c.dualBound()));
        cert.put("gap", number(c.gap()));
        cert.put("gap_rel", number(c.gapRel()));
        cert.put("patterns", c.patterns());
        cert.put("global_optimum", c.globalOptimum());
        r.put("certificate", cert);
        return r;
    }

    /** {@code v}, or {@code null} when it is NaN or infinite (JSON has no such numbers). */
    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
