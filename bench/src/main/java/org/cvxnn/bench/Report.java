package org.cvxnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns JMH JSON result files ({@code -rf json}) into Markdown tables on stdout:
 * <ul>
 *   <li><b>GFLOP/s</b> for benchmarks with a flop model — a method named {@code dgemm}
 *       (2n³ for {@code @Param n}, or 2mnk with {@code m}, {@code n}, {@code k}) or {@code dsyrk}
 *       (n²k for {@code n}, {@code k});</li>
 *   <li><b>ns per call</b> for methods whose name starts with {@code overhead};</li>
 *   <li><b>speed-ups</b> of every implementation over {@code scalar} for benchmarks with an
 *       {@code impl} parameter: rows that differ only in {@code impl} are paired, speed-up =
 *       time(scalar) / time(impl);</li>
 *   <li>everything else as time per operation.</li>
 * </ul>
 * With several files, a last table compares GFLOP/s across them.
 *
 * <pre>
 * java -cp benchmarks.jar org.cvxnn.bench.Report [--title TITLE] results.json [[--title TITLE] more.json ...]
 * java -jar benchmarks.jar --report ...          (the same)
 * </pre>
 * {@code --title} names the section of the file that follows it (default: the file name).
 */
public final class Report {
    private Report() { }

    /** One JMH result: a benchmark method with one parameter combination. */
    /**
     * @param perIteration for each secondary metric counted in {@code #} ({@code @AuxCounters} EVENTS),
     *                     its value in every measurement iteration of every fork (JSON {@code rawData});
     *                     JMH's own score for such a counter is the sum over the iterations
     */
    record Row(String benchmark, String mode, Map<String, String> params, double score, double error, String unit,
               Map<String, double[]> perIteration) {
        /** {@code Class.method} without the package. */
        String name() {
            int m = benchmark.lastIndexOf('.');
            int c = m > 0 ? benchmark.lastIndexOf('.', m - 1) : -1;
            return benchmark.substring(c + 1);
        }

        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** Seconds per operation (from a time mode or a throughput), NaN if the unit is unknown. */
        double seconds() {
            return toSeconds(score);
        }

        /** Half-width of the 99.9% confidence interval in seconds per operation (NaN if unknown). */
        double secondsError() {
            if (!Double.isFinite(error)) return Double.NaN;
            if (!isThroughput()) return toSeconds(error);
            double lo = toSeconds(score + error), hi = toSeconds(Math.max(score - error, Double.MIN_VALUE));
            return (hi - lo) / 2;
        }

        private boolean isThroughput() {
            return unit.startsWith("ops/");
        }

        private double toSeconds(double v) {
            if (isThroughput()) return unitSeconds(unit.substring(4)) / v;
            int slash = unit.indexOf('/');
            return slash < 0 ? Double.NaN : v * unitSeconds(unit.substring(0, slash));
        }

        String paramString() {
            return paramString(params);
        }

        static String paramString(Map<String, String> p) {
            if (p.isEmpty()) return "";
            StringBuilder b = new StringBuilder();
            p.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
            return b.toString();
        }
    }

    /** The rows of one file, with the title its section gets. */
    record Run(String title, Path file, List<Row> rows, String environment) { }

    public static void main(String[] args) throws IOException {
        List<Run> runs = new ArrayList<>();
        String title = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--title") || args[i].equals("-t")) {
                if (i + 1 >= args.length) usage("--title needs a value");
                title = args[++i];
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                usage(null);
            } else {
                Path file = Path.of(args[i]);
                if (!Files.isReadable(file)) usage("cannot read " + file);
                runs.add(read(file, title == null ? file.getFileName().toString() : title));
                title = null;
            }
        }
        if (runs.isEmpty()) usage("no result file given");
        StringBuilder out = new StringBuilder();
        for (Run r : runs) section(out, r);
        if (runs.size() > 1) comparison(out, runs);
        System.out.print(out);
    }

    private static void usage(String problem) {
        if (problem != null) System.err.println("Report: " + problem);
        System.err.println("usage: Report [--title TITLE] results.json [[--title TITLE] more.json ...]   (JMH -rf json files)");
        System.exit(problem == null ? 0 : 2);
    }

    static Run read(Path file, String title) throws IOException {
        Object doc;
        try {
            doc = Json.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a JMH JSON result file: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        String env = "";
        for (Object o : Json.array(doc)) {
            Map<String, Object> r = Json.object(o);
            Map<String, String> params = new LinkedHashMap<>();
            Json.object(r.get("params")).forEach((k, v) -> params.put(k, String.valueOf(v)));
            Map<String, Object> pm = Json.object(r.get("primaryMetric"));
            Map<String, double[]> aux = new LinkedHashMap<>();
            Json.object(r.get("secondaryMetrics")).forEach((name, m) -> {
                Map<String, Object> metric = Json.object(m);
                if (!"#".equals(metric.get("scoreUnit"))) return;
                aux.put(name, Json.array(metric.get("rawData")).stream().flatMap(fork -> Json.array(fork).stream())
                        .mapToDouble(Json::number).toArray());
            });
            rows.add(new Row(String.valueOf(r.get("benchmark")), String.valueOf(r.get("mode")), params,
                    Json.number(pm.get("score")), Json.number(pm.get("scoreError")), String.valueOf(pm.get("scoreUnit")), aux));
            if (env.isEmpty()) {
                env = String.format(Locale.ROOT, "JDK %s (%s %s); JMH %s: %s fork(s), %s×%s warm-up, %s×%s measurement, %s thread(s)",
                        r.get("jdkVersion"), r.get("vmName"), r.get("vmVersion"), r.get("jmhVersion"), num(r.get("forks")),
                        num(r.get("warmupIterations")), r.get("warmupTime"), num(r.get("measurementIterations")),
                        r.get("measurementTime"), num(r.get("threads")));
            }
        }
        return new Run(title, file, rows, env);
    }

    private static String num(Object v) {
        double d = Json.number(v);
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // ---------------------------------------------------------------- flop models

    /** Floating-point operations per call, if the benchmark has a model. */
    static OptionalDouble flops(Row r) {
        Map<String, String> p = r.params();
        try {
            switch (r.method()) {
                case "dgemm" -> {
                    if (p.containsKey("m") && p.containsKey("n") && p.containsKey("k"))
                        return OptionalDouble.of(2.0 * d(p, "m") * d(p, "n") * d(p, "k"));
                    if (p.containsKey("n")) return OptionalDouble.of(2.0 * Math.pow(d(p, "n"), 3));
                }
                case "dsyrk" -> {
                    if (p.containsKey("n") && p.containsKey("k")) return OptionalDouble.of(d(p, "n") * d(p, "n") * d(p, "k"));
                }
                default -> { }
            }
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    private static double d(Map<String, String> p, String key) {
        return Double.parseDouble(p.get(key));
    }

    private static boolean isOverhead(Row r) {
        return r.method().startsWith("overhead");
    }

    /** The solver phases {@link IpmBench} reports as {@code <phase>Seconds} counters, in solve order. */
    static final List<String> SOLVE_PHASES = List.of("setup", "initialise", "residuals", "scaling", "factor", "solve", "certificate", "recovery");

    /** A whole-solve benchmark: has per-iteration {@code iterations} and every phase counter. */
    private static boolean isSolve(Row r) {
        if (!r.perIteration().containsKey("iterations") || !r.perIteration().containsKey("patterns")) return false;
        return SOLVE_PHASES.stream().allMatch(ph -> r.perIteration().containsKey(ph + "Seconds"));
    }

    private static double mean(double[] v) {
        if (v == null || v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static boolean hasImpl(Row r) {
        return r.params().containsKey("impl");
    }

    // ---------------------------------------------------------------- sections

    private static void section(StringBuilder out, Run run) {
        out.append("## ").append(run.title()).append("\n\n");
        out.append("Source: `").append(run.file()).append("`. ").append(run.environment()).append(".\n\n");

        List<Row> flopRows = run.rows().stream().filter(r -> flops(r).isPresent()).toList();
        if (!flopRows.isEmpty()) {
            out.append("### Throughput\n\n| Benchmark | Parameters | Time per call | GFLOP/s |\n|---|---|---:|---:|\n");
            for (Row r : flopRows) {
                double f = flops(r).getAsDouble(), t = r.seconds(), dt = r.secondsError();
                double g = f / t / 1e9, dg = Double.isFinite(dt) ? f * dt / (t * t) / 1e9 : Double.NaN;
                out.append("| ").append(r.name()).append(" | ").append(r.paramString()).append(" | ").append(time(t, dt))
                        .append(" | ").append(plusMinus(g, dg)).append(" |\n");
            }
            out.append('\n');
        }

        List<Row> overhead = run.rows().stream().filter(Report::isOverhead).toList();
        if (!overhead.isEmpty()) {
            out.append("### Downcall overhead\n\n| Benchmark | Parameters | ns per call |\n|---|---|---:|\n");
            for (Row r : overhead)
                out.append("| ").append(r.name()).append(" | ").append(r.paramString()).append(" | ")
                        .append(plusMinus(r.seconds() * 1e9, r.secondsError() * 1e9)).append(" |\n");
            out.append('\n');
        }

        List<Row> implRows = run.rows().stream().filter(Report::hasImpl).toList();
        List<Row> unpaired = new ArrayList<>(implRows);
        if (!implRows.isEmpty()) {
            StringBuilder t = new StringBuilder();
            // group: benchmark + mode + every parameter except impl
            Map<String, Map<String, Row>> groups = new LinkedHashMap<>();
            for (Row r : implRows) {
                Map<String, String> rest = new TreeMap<>(r.params());
                rest.remove("impl");
                groups.computeIfAbsent(r.benchmark() + "|" + r.mode() + "|" + rest, k -> new LinkedHashMap<>())
                        .put(r.params().get("impl").toLowerCase(Locale.ROOT), r);
            }
            for (Map<String, Row> g : groups.values()) {
                Row base = g.get("scalar");
                if (base == null) continue;
                for (Map.Entry<String, Row> e : g.entrySet()) {
                    if (e.getKey().equals("scalar")) continue;
                    Row fast = e.getValue();
                    Map<String, String> rest = new LinkedHashMap<>(fast.params());
                    rest.remove("impl");
                    t.append("| ").append(fast.name()).append(" | ").append(Row.paramString(rest)).append(" | ")
                            .append(time(base.seconds(), base.secondsError())).append(" | ").append(fast.params().get("impl"))
                            .append(": ").append(time(fast.seconds(), fast.secondsError())).append(" | ")
                            .append(fmt(base.seconds() / fast.seconds())).append("× |\n");
                    unpaired.remove(base);
                    unpaired.remove(fast);
                }
            }
            if (!t.isEmpty()) {
                out.append("### Kernel speed-ups (vector vs scalar)\n\n")
                        .append("| Benchmark | Parameters | scalar | other impl | speed-up |\n|---|---|---:|---:|---:|\n")
                        .append(t).append('\n');
            }
        }

        List<Row> solves = run.rows().stream().filter(Report::isSolve).toList();
        if (!solves.isEmpty()) {
            out.append("### Interior-point solves (means per solve over the measurement iterations)\n\n")
                    .append("| Benchmark | Parameters | Solve time | solves | iterations | patterns | per iteration |");
            for (String ph : SOLVE_PHASES) out.append(' ').append(ph).append(" s |");
            out.append("\n|---|---|---:|---:|---:|---:|---:|").append("---:|".repeat(SOLVE_PHASES.size())).append('\n');
            for (Row r : solves) {
                double iters = mean(r.perIteration().get("iterations"));
                double loop = 0;
                for (String ph : List.of("residuals", "scaling", "factor", "solve")) loop += mean(r.perIteration().get(ph + "Seconds"));
                out.append("| ").append(r.name()).append(" | ").append(r.paramString()).append(" | ").append(time(r.seconds(), r.secondsError()))
                        .append(" | ").append(r.perIteration().get("iterations").length).append(" | ").append(fmt(iters)).append(" | ")
                        .append(fmt(mean(r.perIteration().get("patterns")))).append(" | ").append(time(loop / iters, Double.NaN)).append(" |");
                for (String ph : SOLVE_PHASES) out.append(' ').append(fmt(mean(r.perIteration().get(ph + "Seconds")))).append(" |");
                out.append('\n');
            }
            out.append("\nPer iteration = (residuals + scaling + factor + solve) / iterations. Phase seconds are the solver's own timers.\n\n");
        }

        List<Row> other = run.rows().stream()
                .filter(r -> flops(r).isEmpty() && !isOverhead(r) && !isSolve(r) && (!hasImpl(r) || unpaired.contains(r))).toList();
        if (!other.isEmpty()) {
            out.append("### Other benchmarks\n\n| Benchmark | Mode | Parameters | Time per call |\n|---|---|---|---:|\n");
            for (Row r : other)
                out.append("| ").append(r.name()).append(" | ").append(r.mode()).append(" | ").append(r.paramString()).append(" | ")
                        .append(time(r.seconds(), r.secondsError())).append(" |\n");
            out.append('\n');
        }
    }

    /** GFLOP/s of every row with a flop model, one column per run (blank where a run lacks the row). */
    private static void comparison(StringBuilder out, List<Run> runs) {
        Set<String> keys = new LinkedHashSet<>();
        List<Map<String, Double>> byRun = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Row r : run.rows()) {
                OptionalDouble f = flops(r);
                if (f.isEmpty()) continue;
                String key = r.name() + " | " + r.paramString();
                keys.add(key);
                m.put(key, f.getAsDouble() / r.seconds() / 1e9);
            }
            byRun.add(m);
        }
        if (keys.isEmpty()) return;
        out.append("## GFLOP/s across runs\n\n| Benchmark | Parameters");
        for (Run run : runs) out.append(" | ").append(run.title());
        if (runs.size() == 2) out.append(" | ratio");
        out.append(" |\n|---|---");
        out.append("|---:".repeat(runs.size() + (runs.size() == 2 ? 1 : 0))).append("|\n");
        for (String key : keys) {
            out.append("| ").append(key);
            for (Map<String, Double> m : byRun) out.append(" | ").append(m.containsKey(key) ? fmt(m.get(key)) : "");
            if (runs.size() == 2) {
                Double a = byRun.get(0).get(key), b = byRun.get(1).get(key);
                out.append(" | ").append(a != null && b != null ? fmt(b / a) + "×" : "");
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    // ---------------------------------------------------------------- formatting

    private static double unitSeconds(String u) {
        return switch (u) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            case "hr" -> 3600.0;
            default -> Double.NaN;
        };
    }

    /** A duration with a readable unit, e.g. {@code 12.3 ± 0.4 ms}. */
    static String time(double s, double err) {
        if (!Double.isFinite(s)) return "?";
        double scale;
        String unit;
        if (s < 1e-6) { scale = 1e9; unit = "ns"; }
        else if (s < 1e-3) { scale = 1e6; unit = "µs"; }
        else if (s < 1) { scale = 1e3; unit = "ms"; }
        else { scale = 1; unit = "s"; }
        return plusMinus(s * scale, err * scale) + " " + unit;
    }

    private static String plusMinus(double v, double err) {
        return Double.isFinite(err) ? fmt(v) + " ± " + fmt(err) : fmt(v);
    }

    /** About three significant digits. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) return "?";
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
