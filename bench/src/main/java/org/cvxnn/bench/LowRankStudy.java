package org.cvxnn.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.lowrank.LowRankApproximation;
import org.cvxnn.solver.lowrank.LowRankResult;
import org.cvxnn.solver.lowrank.LowRankSettings;

/**
 * Scaling study of the approximate algorithm of formulations §4.4 ({@link LowRankApproximation}; relu2,
 * path3 or relu3) on
 * approximately low-rank data: {@link PlantedData} of rank r (targets from its planted network)
 * with i.i.d. N(0, noise²) added to every feature, trained on the rank-r approximation. One row per
 * run in {@code --out} (rewritten after every run), progress on stderr, a Markdown table on stdout.
 * Options: {@link LowRankOptions#USAGE}.
 *
 * <p>Row columns: {@code model, m1, n, d, rank, noise, bias}; {@code sigma_next} (σ_{r+1}), {@code tau},
 * {@code bound_factor} ((1+τ/2)⁴); {@code patterns} (of X_r; combos for three-layer models) and {@code cover_count} (Cover's count
 * for its rank: r, or r+1 with a bias); {@code status, iterations, gap_rel_on_approx,
 * objective_on_approx} (of the solve on X_r); {@code objective} (F(θ_r; X)); {@code lower_bound,
 * lower_bound_scope, lower_bound_patterns} (the dual certificate of θ_r on X); {@code gap_rel}
 * (objective vs that bound); {@code guaranteed_lower_bound} (always rigorous) and
 * {@code guaranteed_ratio} = objective / guaranteed_lower_bound; {@code active_neurons}; wall seconds
 * {@code svd_s, patterns_s, solve_s, certificate_s, total_s}. A run whose patterns are too many to
 * enumerate has status {@code refused}.
 */
public final class LowRankStudy {
    private static final List<String> COLUMNS = List.of("model", "m1", "n", "d", "rank", "noise", "bias", "sigma_next", "tau", "bound_factor",
            "patterns", "cover_count", "status", "iterations", "gap_rel_on_approx", "objective_on_approx", "objective",
            "lower_bound", "lower_bound_scope", "lower_bound_patterns", "gap_rel", "guaranteed_lower_bound", "guaranteed_ratio",
            "active_neurons", "svd_s", "patterns_s", "solve_s", "certificate_s", "total_s");

    private LowRankStudy() { }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
            System.out.println(LowRankOptions.USAGE);
            return;
        }
        LowRankOptions o;
        try {
            o = LowRankOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lowrank: " + e.getMessage());
            System.err.println(LowRankOptions.USAGE);
            System.exit(2);
            return;
        }
        Table table = new Table(COLUMNS);
        String machine = MachineInfo.describe(false);
        System.err.printf(Locale.ROOT, "lowrank: writing %s%n", o.out().toAbsolutePath());
        for (int rank : o.ranks()) {
            for (int n : o.ns()) {
                Map<String, Object> row = runOnce(o, n, rank);
                table.add(row);
                table.write(o.out());
                if (!"refused".equals(row.get("status")))
                    System.err.printf(Locale.ROOT, "lowrank: n=%d r=%d patterns=%s %s it=%s solve=%ss objective=%s lower=%s (%s)%n", n, rank,
                            row.get("patterns"), row.get("status"), row.get("iterations"), ScalingStudy.fmt(row.get("solve_s")),
                            ScalingStudy.fmt(row.get("objective")), ScalingStudy.fmt(row.get("lower_bound")), row.get("lower_bound_scope"));
            }
        }
        System.out.print(markdown(o, machine, table));
    }

    /** Planted rank-r features (unit-variance entries) plus noise; targets and β from the planted network. */
    static Dataset noisy(PlantedData planted, double noise, long seed) {
        Dataset clean = planted.data();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = clean.x().clone();
        for (int k = 0; k < x.length; k++) x[k] += noise * rnd.nextGaussian();
        return new Dataset(clean.n(), clean.d(), x, clean.y());
    }

    private static Map<String, Object> runOnce(LowRankOptions o, int n, int rank) {
        PlantedData planted = PlantedData.generate(n, o.d(), rank, o.seed());
        Dataset data = noisy(planted, o.noise(), o.seed() + 1);
        double beta = planted.beta() * o.betaScale();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", o.model().id());
        row.put("m1", o.m1());
        row.put("n", n);
        row.put("d", o.d());
        row.put("rank", rank);
        row.put("noise", o.noise());
        row.put("bias", o.bias());
        row.put("cover_count", ExactEnumerator.coverCount(n, o.bias() ? rank + 1 : rank));
        LowRankSettings settings = LowRankSettings.of(rank, beta, o.bias()).withModel(o.model(), o.m1())
                .withCertificate(LowRankSettings.DEFAULT_CERTIFICATE_LIMIT, o.certificateSamples(), o.seed());
        IpmSettings ipm = IpmSettings.defaults().withThreads(o.threads()).withMaxIterations(o.maxIterations()).withWorkingSet(o.workingSet() && !o.model().threeLayer());
        LowRankResult res;
        try {
            res = LowRankApproximation.solve(data, settings, ipm, new PrintStream(OutputStream.nullOutputStream()));
        } catch (IllegalArgumentException e) {
            row.put("status", "refused");
            System.err.println("lowrank: n=" + n + " r=" + rank + ": " + e.getMessage());
            return row;
        }
        row.put("sigma_next", res.sigmaNext());
        row.put("tau", res.tau());
        row.put("bound_factor", res.boundFactor());
        row.put("patterns", res.approxSolution().patterns());
        row.put("status", res.approxSolution().status().name());
        row.put("iterations", res.approxSolution().iterations());
        row.put("gap_rel_on_approx", res.approxSolution().gapRel());
        row.put("objective_on_approx", res.objectiveOnApprox());
        row.put("objective", res.objective());
        row.put("lower_bound", res.lowerBound());
        row.put("lower_bound_scope", res.lowerBoundScope() == null ? "none"
                : res.lowerBoundScope() == Scope.ALL_PATTERNS ? "global" : "pattern_subset");
        row.put("lower_bound_patterns", res.certificatePatterns());
        row.put("gap_rel", res.relativeGap());
        row.put("guaranteed_lower_bound", res.guaranteedLowerBound());
        row.put("guaranteed_ratio", res.objective() / res.guaranteedLowerBound());
        row.put("active_neurons", res.approxSolution().activeNeurons());
        for (String phase : List.of("svd", "patterns", "solve", "certificate")) row.put(phase + "_s", res.seconds().get(phase));
        row.put("total_s", res.totalSeconds());
        return row;
    }

    private static String markdown(LowRankOptions o, String machine, Table table) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "## Low-rank approximation (formulations §4.4): %s%s, d = %d, noise = %s, bias = %s, seed = %d%n%n",
                o.model().id(), o.model().threeLayer() ? " (m1 = " + o.m1() + ")" : "", o.d(), o.noise(), o.bias(), o.seed()));
        b.append(machine).append('\n');
        b.append("| r | n | patterns (combos) of X_r | solve s | total s | σ_{r+1} | τ | (1+τ/2)⁴ | F(θ_r;X_r) | F(θ_r;X) | certificate LB (scope) | gap | guaranteed LB |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : table.rows()) {
            if ("refused".equals(r.get("status"))) {
                b.append(String.format(Locale.ROOT, "| %s | %s | refused: more than the enumeration limit | | | | | | | | | | |%n",
                        r.get("rank"), r.get("n")));
                continue;
            }
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s |%n",
                    r.get("rank"), r.get("n"), r.get("patterns"), g(r.get("solve_s")), g(r.get("total_s")), g(r.get("sigma_next")),
                    g(r.get("tau")), g(r.get("bound_factor")), g(r.get("objective_on_approx")), g(r.get("objective")),
                    g(r.get("lower_bound")), r.get("lower_bound_scope"), g(r.get("gap_rel")), g(r.get("guaranteed_lower_bound"))));
        }
        return b.toString();
    }

    private static String g(Object v) {
        return v instanceof Double x ? String.format(Locale.ROOT, "%.4g", x) : v == null ? "–" : v.toString();
    }
}
