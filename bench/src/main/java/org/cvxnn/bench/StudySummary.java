package org.cvxnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

import org.cvxnn.solver.arrangement.ExactEnumerator;

/** The Markdown summary {@link ScalingStudy} prints after its sweep. */
final class StudySummary {
    private StudySummary() { }

    static String markdown(StudyOptions o, String machine, Table table, Map<String, DsyrkRate> before, Map<String, DsyrkRate> after, boolean nmt) {
        StringBuilder b = new StringBuilder("# cvxnn scaling study\n\n");
        b.append("ReLU program (RELU2), planted-network data (PlantedData: β = ").append(PlantedData.BETA_FRACTION)
                .append("·β_ref), seed ").append(o.seed()).append(", ").append(o.threads()).append(" OpenBLAS thread(s), ")
                .append(o.repeats()).append(" run(s) per point; rows in `").append(o.out()).append("`.\n\n## Machine\n\n");
        b.append(machine);
        if (!before.isEmpty()) {
            b.append("\n## dsyrk rate on the solver's chunk shape (S += Z·Zᵀ, Z n×k, median of ").append(o.dsyrkCalls())
                    .append(" calls; GFLOP/s = n(n+1)k / t)\n\n| n | k | threads | before sweep | after sweep |\n|---:|---:|---:|---:|---:|\n");
            before.forEach((key, r) -> {
                DsyrkRate a = after.get(key);
                b.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f GFLOP/s (%s) | %s |%n", r.n(), r.k(), r.threads(), r.gflops(),
                        Report.time(r.seconds(), Double.NaN), a == null ? "" : String.format(Locale.ROOT, "%.1f GFLOP/s", a.gflops())));
            });
        }
        b.append("\n## Points (medians over runs)\n\n");
        Map<List<Object>, List<Map<String, Object>>> points = group(table, r -> Arrays.asList(r.get("n"), r.get("d"), r.get("rank"), r.get("P_requested")));
        if (o.solve()) {
            b.append("| n | d | rank | P | patterns | runs | status | iterations | solve s | per-iteration s | factor s | factor GFLOP/s | dsyrk share of factor flops | dsyrk time at machine rate / factor time |")
                    .append(nmt ? " off-heap peak MiB |" : "").append(" heap peak MiB |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|").append(nmt ? "---:|" : "").append("---:|\n");
            points.forEach((key, runs) -> {
                int n = (Integer) key.get(0), d = (Integer) key.get(1);
                double patterns = median(runs, "patterns"), iters = median(runs, "iterations"), factor = median(runs, "factor_s");
                String share = "", atRate = "";
                if (patterns >= 1) {
                    FactorFlops f = new FactorFlops(n, d, (long) patterns);
                    share = pct(f.dsyrk() / f.total());
                    int gates = key.get(3) == null ? (int) Math.min(Integer.MAX_VALUE, ExactEnumerator.coverCount(n, (Integer) key.get(2))) : (Integer) key.get(3);
                    DsyrkRate r = before.get(n + "x" + DsyrkRate.solverChunkColumns(n, d, gates));
                    if (r != null && factor > 0 && iters > 0) atRate = pct(f.dsyrk() * iters / (r.gflops() * 1e9) / factor);
                }
                b.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |", n, d, key.get(2),
                        key.get(3) == null ? "exact" : key.get(3), num(patterns), runs.size(), statuses(runs), num(iters),
                        num(median(runs, "solve_wall_s")), num(median(runs, "per_iteration_s")), num(factor),
                        num(median(runs, "factor_gflops")), share, atRate));
                if (nmt) b.append(' ').append(num(median(runs, "offheap_peak_bytes") / (1 << 20))).append(" |");
                b.append(' ').append(num(median(runs, "heap_peak_bytes") / (1 << 20))).append(" |\n");
            });
            b.append("\nFactor flops per iteration: FactorFlops (gram 2nd(d+1)P, block inverses 2Pd³, mask factors Pd³/3, panels 2nd²P, ")
                    .append("dsyrk n(n+1)Pd, Schur Cholesky n³/3). The last column is the time the dsyrk flops would take at the rate measured ")
                    .append("before the sweep, as a share of the measured factor time. The flops are counted in double precision; with the default ")
                    .append("mixed-precision Schur complement part of them run in single precision or are left out, and most iterations reuse ")
                    .append("an earlier accumulation of S instead of forming it, so the rate is an effective one (flops of forming S exactly ")
                    .append("every iteration / time) and can exceed dsyrk's many times, the last column 100 % (--double-schur forms S exactly ")
                    .append("every iteration).\n");
            fits(b, table);
        } else {
            b.append("| n | d | rank | patterns | Cover's count | runs | enumeration s |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            points.forEach((key, runs) -> b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s |%n", key.get(0), key.get(1), key.get(2),
                    num(median(runs, "patterns")), runs.get(0).get("cover_count"), runs.size(), num(median(runs, "patterns_s")))));
        }
        OptionalLong life = MemoryProbe.nmtOtherLifetimePeak(), rss = MemoryProbe.residentPeak();
        b.append("\n## Process memory\n\n");
        b.append("- NMT category Other (off-heap arenas), lifetime peak: ")
                .append(life.isPresent() ? num(life.getAsLong() / 1048576.0) + " MiB" : "NMT off (-XX:NativeMemoryTracking=summary)").append('\n');
        b.append("- Resident set high-water mark (VmHWM, whole process incl. OpenBLAS buffers and JVM): ")
                .append(rss.isPresent() ? num(rss.getAsLong() / 1048576.0) + " MiB" : "unknown").append('\n');
        return b.toString();
    }

    /** Least-squares per-iteration (and factor-per-iteration) seconds against patterns, per (n, d, rank). */
    private static void fits(StringBuilder b, Table table) {
        b.append("\n## Per-iteration time against the pattern count (least squares over all runs)\n\n")
                .append("| n | d | rank | quantity | slope (ms per 100 patterns) | intercept (ms) | R² | runs |\n|---:|---:|---:|---|---:|---:|---:|---:|\n");
        group(table, r -> Arrays.asList(r.get("n"), r.get("d"), r.get("rank"))).forEach((key, runs) -> {
            for (String q : List.of("per_iteration_s", "factor_s")) {
                List<double[]> pts = new ArrayList<>();
                for (Map<String, Object> r : runs) {
                    Object it = r.get("iterations"), v = r.get(q);
                    if (!(it instanceof Integer k) || k <= 0 || !(v instanceof Double y)) continue;
                    pts.add(new double[] {((Integer) r.get("patterns")).doubleValue(), q.equals("factor_s") ? y / k : y});
                }
                String label = q.equals("factor_s") ? "factor per iteration" : "per iteration";
                if (pts.stream().mapToDouble(p -> p[0]).distinct().count() < 2) {
                    b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | fewer than 2 distinct pattern counts | | | %d |%n", key.get(0), key.get(1), key.get(2), label, pts.size()));
                    continue;
                }
                LinearFit f = LinearFit.of(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.4f | %d |%n", key.get(0), key.get(1), key.get(2), label,
                        num(f.slope() * 1e5), num(f.intercept() * 1e3), f.r2(), f.points()));
            }
        });
    }

    private static Map<List<Object>, List<Map<String, Object>>> group(Table t, Function<Map<String, Object>, List<Object>> key) {
        Map<List<Object>, List<Map<String, Object>>> g = new LinkedHashMap<>();
        for (Map<String, Object> r : t.rows()) g.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        return g;
    }

    /** Median of a numeric column over rows where it is present and finite; NaN if none. */
    static double median(List<Map<String, Object>> rows, String col) {
        double[] v = rows.stream().map(r -> r.get(col)).filter(Objects::nonNull).mapToDouble(x -> ((Number) x).doubleValue())
                .filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String statuses(List<Map<String, Object>> rows) {
        return String.join(" ", new LinkedHashSet<>(rows.stream().map(r -> String.valueOf(r.get("status"))).toList()));
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return "";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : Report.fmt(v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }
}
