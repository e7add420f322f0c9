package org.cvxnn.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.combo.ComboEnumerationSettings;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.data.Dataset;

/**
 * Complexity-scaling study of exact three-layer combo enumeration ({@code scaling --exact --no-solve
 * --combos-m1 LIST}): for every (n, d, rank, m1) point and repeat, over {@link PlantedData}, it
 * counts the first-layer patterns P1 ({@link ExactEnumerator}, timed as {@code p1_s}), times
 * {@link ComboEnumerator#enumerate} ({@code combos_s}, its own first-layer enumeration included) and
 * records the combo count against the bounds of {@link ComboBound}. A request the enumerator
 * refuses (its limit, {@code --max-combos}) becomes a row with status {@code refused}, the
 * enumerator's estimate and its message; the sweep goes on.
 *
 * <p>Row columns: {@code n, d, rank, m1, repeat, status} ({@code enumerated} or {@code refused}),
 * {@code P1, p1_s, combos, combos_s, bound} (closed form of (3.10); empty past the double range),
 * {@code log10_bound, bound_sum} (sum form), {@code log10_bound_sum, combos_per_bound,
 * combos_per_bound_sum, estimate} (refused rows: the enumerator's estimate) and {@code message}
 * (refused rows: the enumerator's message).
 */
final class ComboStudy {
    static final List<String> COLUMNS = List.of("n", "d", "rank", "m1", "repeat", "status", "P1", "p1_s", "combos", "combos_s",
            "bound", "log10_bound", "bound_sum", "log10_bound_sum", "combos_per_bound", "combos_per_bound_sum", "estimate", "message");
    private static final Pattern ESTIMATE = Pattern.compile("estimated (\\d+|2\\^63) combos");

    private ComboStudy() { }

    /** Runs the sweep of {@code o} (which has combo widths), writing rows to {@code o.out()} and the summary to stdout. */
    static void run(StudyOptions o) throws IOException {
        Table table = new Table(COLUMNS);
        String machine = MachineInfo.describe(false);
        PrintStream progress = System.err;
        progress.printf(Locale.ROOT, "scaling: combo study, writing %s%n", o.out().toAbsolutePath());
        ComboEnumerationSettings settings = ComboEnumerationSettings.defaults().withMaxCombos(o.maxCombos());
        List<Integer> ranks = o.ranks().isEmpty() ? null : o.ranks();
        if (o.warmup()) warmup(o, settings, progress);
        int point = 0, total = o.ns().size() * o.ds().size() * (ranks == null ? 1 : ranks.size()) * o.comboM1s().size();
        for (int n : o.ns())
            for (int d : o.ds())
                for (int rank : ranks == null ? List.of(d) : ranks) {
                    Dataset data = PlantedData.generate(n, d, rank, o.seed()).data();
                    for (int m1 : o.comboM1s()) {
                        point++;
                        for (int rep = 1; rep <= o.repeats(); rep++) {
                            Map<String, Object> row = row(data, Math.min(rank, d), m1, rep, settings);
                            table.add(row);
                            table.write(o.out());
                            String outcome = row.get("combos") != null
                                    ? "combos=" + row.get("combos") + " in " + ScalingStudy.fmt(row.get("combos_s")) + "s"
                                    : row.get("estimate") instanceof Double x ? String.format(Locale.ROOT, "estimate %.0f", x) : "";
                            progress.printf(Locale.ROOT, "scaling: point %d/%d run %d/%d  n=%d d=%d rank=%s m1=%d P1=%s  %s %s%n",
                                    point, total, rep, o.repeats(), n, d, row.get("rank"), m1, row.get("P1"), row.get("status"), outcome);
                        }
                    }
                }
        System.out.print(markdown(o, machine, table));
        progress.println("scaling: " + table.rows().size() + " runs in " + o.out().toAbsolutePath());
    }

    /** One run on {@code data} of rank {@code rank}: a row with the columns {@link #COLUMNS}. */
    static Map<String, Object> row(Dataset data, int rank, int m1, int repeat, ComboEnumerationSettings settings) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", data.n());
        row.put("d", data.d());
        row.put("rank", rank);
        row.put("m1", m1);
        row.put("repeat", repeat);
        try {
            long t0 = System.nanoTime();
            int p1 = new ExactEnumerator(settings.firstLayer()).enumerate(data).size();
            row.put("p1_s", (System.nanoTime() - t0) * 1e-9);
            row.put("P1", p1);
            ComboBound bound = new ComboBound(data.n(), rank, m1, p1);
            row.put("bound", bound.value());
            row.put("log10_bound", bound.log() / Math.log(10));
            row.put("bound_sum", bound.sumValue());
            row.put("log10_bound_sum", bound.sumLog() / Math.log(10));
            long t1 = System.nanoTime();
            int combos = new ComboEnumerator(settings).enumerate(data, m1).size();
            row.put("combos_s", (System.nanoTime() - t1) * 1e-9);
            row.put("status", "enumerated");
            row.put("combos", combos);
            row.put("combos_per_bound", Math.exp(Math.log(combos) - bound.log()));
            row.put("combos_per_bound_sum", Math.exp(Math.log(combos) - bound.sumLog()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains("refused")) throw e;
            row.put("status", "refused");
            row.put("estimate", estimate(e.getMessage()));
            row.put("message", e.getMessage());
        }
        return row;
    }

    /** The estimated combo count in a refusal message ({@code 2^63} when the enumerator saturated), null if it has none. */
    static Double estimate(String message) {
        Matcher m = ESTIMATE.matcher(message);
        if (!m.find()) return null;
        return m.group(1).equals("2^63") ? Math.pow(2, 63) : Double.parseDouble(m.group(1));
    }

    private static void warmup(StudyOptions o, ComboEnumerationSettings settings, PrintStream progress) {
        int n = o.ns().stream().min(Integer::compare).orElseThrow(), d = o.ds().stream().min(Integer::compare).orElseThrow();
        int rank = o.ranks().isEmpty() ? d : o.ranks().stream().min(Integer::compare).orElseThrow();
        int m1 = o.comboM1s().stream().min(Integer::compare).orElseThrow();
        long t0 = System.nanoTime();
        Map<String, Object> r = row(PlantedData.generate(n, d, rank, o.seed()).data(), Math.min(rank, d), m1, 0, settings);
        progress.printf(Locale.ROOT, "scaling: warm-up enumeration (n=%d d=%d m1=%d, %s, not recorded) %.2f s%n", n, d, m1, r.get("status"),
                (System.nanoTime() - t0) * 1e-9);
    }

    /** The Markdown summary: machine, then one line per point with medians over its runs. */
    static String markdown(StudyOptions o, String machine, Table table) {
        StringBuilder b = new StringBuilder("# cvxnn three-layer combo study\n\n");
        b.append("Exact combo enumeration (ComboEnumerator, maxCombos ").append(o.maxCombos()).append(") on planted-network data (PlantedData), seed ")
                .append(o.seed()).append(", ").append(o.repeats()).append(" run(s) per point; rows in `").append(o.out()).append("`.\n\n## Machine\n\n");
        b.append(machine);
        b.append("\n## Points (medians over runs)\n\n")
                .append("| n | d | rank | m1 | P1 | combos | bound (3.10) | combos/bound | Σ-bound | combos/Σ-bound | seconds | runs |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<List<Object>, List<Map<String, Object>>> points = new LinkedHashMap<>();
        for (Map<String, Object> r : table.rows())
            points.computeIfAbsent(Arrays.asList(r.get("n"), r.get("d"), r.get("rank"), r.get("m1")), k -> new ArrayList<>()).add(r);
        points.forEach((key, runs) -> {
            List<Map<String, Object>> done = runs.stream().filter(r -> "enumerated".equals(r.get("status"))).toList();
            String combos = done.isEmpty() ? refusal(runs) : num(StudySummary.median(done, "combos"));
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |%n", key.get(0), key.get(1), key.get(2), key.get(3),
                    num(StudySummary.median(runs, "P1")), combos, big(StudySummary.median(runs, "log10_bound")), ratio(StudySummary.median(done, "combos_per_bound")),
                    big(StudySummary.median(runs, "log10_bound_sum")), ratio(StudySummary.median(done, "combos_per_bound_sum")),
                    ratio(StudySummary.median(done, "combos_s")), runs.size()));
        });
        b.append("\nbound (3.10): C ≤ (2P1)^m1 · 2·m1·r·(e(n−1)/(m1·r))^(m1·r); Σ-bound: C ≤ (2P1)^m1 · 2·Σ_{k<m1·r} C(n−1, k) ")
                .append("(the closed form bounds the sum only when m1·r ≤ n−1). r is the rank of X, P1 the enumerated first-layer patterns; ")
                .append("seconds: the combo enumeration (first layer included). A refused point shows the enumerator's estimate.\n");
        return b.toString();
    }

    private static String refusal(List<Map<String, Object>> runs) {
        Object e = runs.get(0).get("estimate");
        String statuses = String.join(" ", new LinkedHashSet<>(runs.stream().map(r -> String.valueOf(r.get("status"))).toList()));
        return e instanceof Double x ? statuses + " (estimate " + big(Math.log10(x)) + ")" : statuses;
    }

    /** A positive number given by its base-10 logarithm: plain below a million, else mantissa·10^exponent. */
    static String big(double log10) {
        if (!Double.isFinite(log10)) return "";
        if (log10 < 6) return num(Math.pow(10, log10));
        long e = (long) Math.floor(log10);
        double mantissa = Math.pow(10, log10 - e);
        if (mantissa >= 9.995) { mantissa /= 10; e++; }
        return String.format(Locale.ROOT, "%.2fe%d", mantissa, e);
    }

    /** Three significant digits; empty if not finite. */
    private static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return "";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : Report.fmt(v);
    }
}
