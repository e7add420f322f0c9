package org.cvxnn.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.ipm.IpmSettings;

/**
 * Scaling study of the ReLU program's interior-point solve, for researchers: sweeps n, d, rank
 * and P over {@link PlantedData} problems, R runs per point, one row per run in {@code --out}
 * (rewritten after every run), progress lines on stderr, and a Markdown summary on stdout:
 * the machine, the dsyrk rate on the solver's chunk shape (measured before and after the sweep),
 * per-point medians with the factor phase's achieved GFLOP/s ({@link FactorFlops}), and the
 * least-squares fit of per-iteration time against the pattern count. Options: {@link StudyOptions#USAGE}.
 * With {@code --combos-m1} it runs the three-layer combo-count study {@link ComboStudy} instead.
 *
 * <p>Every run builds its problem anew (pattern sampling or exact enumeration, timed as
 * {@code patterns_s}, outside the memory probe), then times {@link TwoLayerProblem#solve} — which
 * includes allocating the off-heap workspaces — with a {@link MemoryProbe} around it.
 *
 * <p>Row columns: {@code n, d, rank} (of X), {@code threads}, {@code P_requested} (gates sampled;
 * empty with --exact), {@code patterns} (after de-duplication / enumerated), {@code cover_count}
 * (Cover's bound 2Σ_{k<r}C(n−1,k) for rank r, exact mode only), {@code repeat}, {@code status},
 * {@code iterations}, {@code gap_rel}, {@code objective}, {@code patterns_s} (wall time of building
 * the problem, i.e. computing its patterns), the solver's phase seconds {@code setup_s initialise_s
 * residuals_s scaling_s factor_s solve_s certificate_s recovery_s}, {@code solve_wall_s} (wall time
 * of the solve call), {@code total_s} (the solver's total, its own pattern timing included), {@code per_iteration_s} = (residuals + scaling + factor + solve) /
 * iterations, {@code factor_gflops} = {@link FactorFlops#total()} × iterations / factor_s,
 * {@code heap_peak_bytes}, {@code offheap_peak_bytes} (see {@link MemoryProbe}; empty without NMT).
 */
public final class ScalingStudy {
    /** The solver's phases read from {@link ConvexSolution#seconds()} (its "patterns" entry is {@code patterns_s}). */
    static final List<String> PHASES = List.of("setup", "initialise", "residuals", "scaling", "factor", "solve",
            "certificate", "recovery");
    private static final List<String> PER_ITERATION = List.of("residuals", "scaling", "factor", "solve");

    private ScalingStudy() { }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
            System.out.println(StudyOptions.USAGE);
            return;
        }
        StudyOptions o;
        try {
            o = StudyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scaling: " + e.getMessage());
            System.err.println(StudyOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(o);
        } catch (IllegalArgumentException e) {
            System.err.println("scaling: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(StudyOptions o) throws IOException {
        if (!o.comboM1s().isEmpty()) {
            ComboStudy.run(o);
            return;
        }
        List<String> cols = new ArrayList<>(List.of("n", "d", "rank", "threads", "P_requested", "patterns", "cover_count", "repeat",
                "status", "iterations", "gap_rel", "objective"));
        cols.add("patterns_s");
        for (String p : PHASES) cols.add(p + "_s");
        cols.addAll(List.of("solve_wall_s", "total_s", "per_iteration_s", "factor_gflops", "heap_peak_bytes", "offheap_peak_bytes"));
        Table table = new Table(cols);
        String machine = MachineInfo.describe(false);
        PrintStream progress = System.err;
        boolean nmt = MemoryProbe.nmtOther().isPresent();
        progress.printf(Locale.ROOT, "scaling: writing %s; off-heap peaks %s%n", o.out().toAbsolutePath(),
                nmt ? "from NMT" : "off (run the JVM with -XX:NativeMemoryTracking=summary)");

        Map<String, DsyrkRate> before = o.solve() ? dsyrkRates(o, progress) : Map.of();
        if (o.solve() && o.warmup()) warmup(o, progress);

        int points = 0, total = pointCount(o);
        for (int n : o.ns()) {
            for (int d : o.ds()) {
                for (int rank : o.ranks().isEmpty() ? List.of(d) : o.ranks()) {
                    PlantedData planted = PlantedData.generate(n, d, rank, o.seed());
                    for (Integer p : o.exact() ? Collections.<Integer>singletonList(null) : o.ps()) {
                        points++;
                        for (int rep = 1; rep <= o.repeats(); rep++) {
                            Map<String, Object> row = runOnce(o, planted, n, d, rank, p, rep);
                            table.add(row);
                            table.write(o.out());
                            progress.printf(Locale.ROOT, "scaling: point %d/%d run %d/%d  n=%d d=%d rank=%d P=%s patterns=%s  %s it=%s solve=%ss per-it=%ss%n",
                                    points, total, rep, o.repeats(), n, d, rank, p == null ? "exact" : p, row.get("patterns"),
                                    row.get("status"), row.get("iterations"), fmt(row.get("solve_wall_s")), fmt(row.get("per_iteration_s")));
                        }
                    }
                }
            }
        }
        Map<String, DsyrkRate> after = o.solve() ? dsyrkRates(o, progress) : Map.of();
        System.out.print(StudySummary.markdown(o, machine, table, before, after, nmt));
        progress.println("scaling: " + table.rows().size() + " runs in " + o.out().toAbsolutePath());
    }

    private static int pointCount(StudyOptions o) {
        int ranks = o.ranks().isEmpty() ? 1 : o.ranks().size();
        return o.ns().size() * o.ds().size() * ranks * (o.exact() ? 1 : o.ps().size());
    }

    private static Map<String, Object> runOnce(StudyOptions o, PlantedData planted, int n, int d, int rank, Integer p, int rep) {
        PatternSource source = p == null ? PatternSource.exact() : PatternSource.sampled(p, o.seed());
        long b0 = System.nanoTime();
        TwoLayerProblem problem = TwoLayerProblem.builder(planted.data()).model(ModelKind.RELU2).beta(planted.beta() * o.betaScale()).bias(false)
                .patterns(source).build();
        double build = (System.nanoTime() - b0) * 1e-9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", n);
        row.put("d", d);
        row.put("rank", Math.min(rank, d));
        row.put("threads", o.threads());
        row.put("P_requested", p);
        row.put("patterns", problem.patterns().size());
        if (p == null) row.put("cover_count", ExactEnumerator.coverCount(n, Math.min(rank, d)));
        row.put("repeat", rep);
        row.put("patterns_s", build);
        if (!o.solve()) {
            row.put("status", "not solved");
            return row;
        }
        MemoryProbe probe = MemoryProbe.start();
        long t0 = System.nanoTime();
        ConvexSolution s = problem.solve(settings(o), nullStream());
        double wall = (System.nanoTime() - t0) * 1e-9;
        MemoryProbe.Peaks peaks = probe.stop();
        row.put("status", s.status().name());
        row.put("iterations", s.iterations());
        row.put("gap_rel", s.gapRel());
        row.put("objective", s.objective());
        for (String ph : PHASES) row.put(ph + "_s", s.seconds().get(ph));
        row.put("solve_wall_s", wall);
        row.put("total_s", s.totalSeconds());
        double iterSeconds = 0;
        for (String ph : PER_ITERATION) iterSeconds += s.seconds().getOrDefault(ph, 0.0);
        row.put("per_iteration_s", s.iterations() > 0 ? iterSeconds / s.iterations() : null);
        Double factor = s.seconds().get("factor");
        if (s.iterations() > 0 && factor != null && factor > 0)
            row.put("factor_gflops", new FactorFlops(n, d, s.patterns()).total() * s.iterations() / factor / 1e9);
        row.put("heap_peak_bytes", peaks.heapBytes());
        OptionalLong off = peaks.offHeapBytes();
        row.put("offheap_peak_bytes", off.isPresent() ? off.getAsLong() : null);
        return row;
    }

    static IpmSettings settings(StudyOptions o) {
        return IpmSettings.defaults().withThreads(o.threads()).withMaxIterations(o.maxIterations()).withWorkingSet(o.workingSet())
                .withMixedPrecision(o.mixedPrecision());
    }

    /** The dsyrk rate on each (n, solver chunk k) of the sweep, in sweep order; keys "n" + "x" + "k". */
    private static Map<String, DsyrkRate> dsyrkRates(StudyOptions o, PrintStream progress) {
        Map<String, DsyrkRate> rates = new LinkedHashMap<>();
        for (int n : o.ns())
            for (int d : o.ds())
                for (int p : gateCounts(o, n, d)) {
                    int k = DsyrkRate.solverChunkColumns(n, d, p);
                    String key = n + "x" + k;
                    if (rates.containsKey(key)) continue;
                    DsyrkRate r = DsyrkRate.measure(n, k, o.threads(), o.dsyrkCalls());
                    rates.put(key, r);
                    progress.printf(Locale.ROOT, "scaling: dsyrk n=%d k=%d threads=%d: %.4f s, %.1f GFLOP/s%n", n, k, o.threads(), r.seconds(), r.gflops());
                }
        return rates;
    }

    /**
     * The pattern counts whose dsyrk chunk shapes the sweep uses: the sampled P, or with --exact
     * Cover's count for each rank (the enumerated count is known only after enumeration; for data
     * in general position they agree, see ExactEnumerator).
     */
    static List<Integer> gateCounts(StudyOptions o, int n, int d) {
        if (!o.exact()) return o.ps();
        return (o.ranks().isEmpty() ? List.of(d) : o.ranks()).stream()
                .map(r -> (int) Math.min(Integer.MAX_VALUE, ExactEnumerator.coverCount(n, Math.min(r, d)))).toList();
    }

    private static void warmup(StudyOptions o, PrintStream progress) {
        int n = o.ns().stream().min(Integer::compare).orElseThrow(), d = o.ds().stream().min(Integer::compare).orElseThrow();
        int rank = o.ranks().isEmpty() ? d : o.ranks().stream().min(Integer::compare).orElseThrow();
        PlantedData planted = PlantedData.generate(n, d, rank, o.seed());
        PatternSource src = o.exact() ? PatternSource.exact() : PatternSource.sampled(o.ps().stream().min(Integer::compare).orElseThrow(), o.seed());
        long t0 = System.nanoTime();
        TwoLayerProblem.builder(planted.data()).model(ModelKind.RELU2).beta(planted.beta() * o.betaScale()).patterns(src).build()
                .solve(settings(o), nullStream());
        progress.printf(Locale.ROOT, "scaling: warm-up solve (n=%d d=%d, not recorded) %.2f s%n", n, d, (System.nanoTime() - t0) * 1e-9);
    }

    static String fmt(Object v) {
        return v instanceof Double x ? String.format(Locale.ROOT, "%.4g", x) : String.valueOf(v);
    }

    private static PrintStream nullStream() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
