package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.cli.model.ModelFile;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.lowrank.LowRankApproximation;
import org.cvxnn.solver.lowrank.LowRankResult;
import org.cvxnn.solver.lowrank.LowRankSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cvxnn train --approx-rank R}: the approximate algorithm of formulations §4.4 for relu2, path3
 * and relu3 ({@link LowRankApproximation}) — train on the best rank-R approximation of the features,
 * then report the network's objective on the original data, the a-priori bound and the measured gap.
 * Takes the options of {@link ProblemOptions} (relu2) or {@link PathOptions} (path3, relu3) except the
 * pattern and combo sources; {@code --seed} seeds the certificate's sampled patterns (combos) when the
 * data have too many to enumerate.
 */
final class ApproxTraining {
    static final String OPTION = "approx-rank";

    private ApproxTraining() {}

    static int run(Args args, Streams streams) {
        ModelKind kind = kind(args.string("model"));
        for (String name : new String[] {"patterns", "gates", "exact", "combos"}) {
            if (args.has(name))
                throw new CliException("--" + OPTION + " cannot be combined with --" + name + ": it enumerates every activation"
                        + " pattern (three-layer: combo) of the rank-R approximation itself");
        }
        if (!kind.threeLayer()) PathOptions.rejectFor(kind.id(), args);
        else if (args.has("working-set")) throw new CliException("--working-set does not apply to --model " + kind.id());
        int rank = args.intValue(OPTION, 1, Integer.MAX_VALUE);
        Inputs in = Inputs.of(args, kind);
        int n = in.data().data().n(), d = in.data().data().d();
        if (rank > Math.min(n, d))
            throw new CliException("--" + OPTION + " " + rank + " exceeds min(n, d) = " + Math.min(n, d) + " of " + in.dataFile()
                    + " (n = " + n + " rows, d = " + d + " features): the rank of an approximation is at most that");
        long seed = args.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Path out = args.has("out") ? OutputFiles.checkWritable(args.string("out")) : null;
        LowRankSettings settings = LowRankSettings.of(rank, in.beta(), in.bias()).withModel(kind, in.m1())
                .withCertificate(LowRankSettings.DEFAULT_CERTIFICATE_LIMIT, LowRankSettings.DEFAULT_CERTIFICATE_SAMPLES, seed);
        long start = System.nanoTime();
        LowRankResult result;
        try {
            result = LowRankApproximation.solve(in.data().data(), settings, in.settings(), streams.err());
        } catch (IllegalArgumentException e) {
            throw new CliException(in.dataFile() + ": " + e.getMessage(), e);
        }
        double total = (System.nanoTime() - start) * 1e-9;
        if (out != null) new ModelFile(result.model(), in.data().features(), in.data().target(), in.beta(), n).write(out);
        ConvexSolution s = result.approxSolution();
        if (!s.status().isOptimal())
            streams.err().println("cvxnn: warning: the solver stopped with status " + s.status()
                    + " on the approximation; the reported gaps say how far from optimal the result may be");
        if (args.flag("json")) streams.out().println(Json.compact(report(in, result, total, out)));
        else summary(streams.out(), in, result, total, out);
        return 0;
    }

    private static ModelKind kind(String id) {
        for (ModelKind k : new ModelKind[] {ModelKind.RELU2, ModelKind.PATH3, ModelKind.RELU3}) {
            if (k.id().equals(id)) return k;
        }
        throw new CliException("--" + OPTION + " supports --model relu2, path3 or relu3, not " + id + (id.equals(ModelKind.GATED2.id())
                ? ": a gated network reads the data through its gates 1[Xg >= 0], which are not Lipschitz in X, so the"
                + " rank-R bound does not hold for it"
                : ""));
    }

    /** The problem options of either model family. */
    private record Inputs(Path dataFile, LabelledData data, ModelKind kind, double beta, boolean bias, int m1, IpmSettings settings) {
        static Inputs of(Args args, ModelKind kind) {
            if (kind.threeLayer()) {
                PathOptions p = PathOptions.from(args, kind);
                return new Inputs(p.dataFile(), p.data(), kind, p.beta(), p.bias(), p.m1(), p.settings());
            }
            ProblemOptions o = ProblemOptions.from(args);
            return new Inputs(o.dataFile(), o.data(), kind, o.beta(), o.bias(), 1, o.settings());
        }
    }

    private static String scope(LowRankResult res) {
        return res.lowerBoundScope() == Scope.ALL_PATTERNS ? "global" : "pattern_subset";
    }

    /** The JSON report (keys documented in the README). */
    private static Map<String, Object> report(Inputs o, LowRankResult res, double total, Path out) {
        ConvexSolution s = res.approxSolution();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", s.status().name());
        r.put("objective", Reports.number(res.objective()));
        r.put("objective_on_approx", Reports.number(res.objectiveOnApprox()));
        r.put("lower_bound", Reports.number(res.lowerBound()));
        r.put("lower_bound_scope", scope(res));
        r.put("lower_bound_patterns", res.certificatePatterns());
        r.put("gap_rel", Reports.number(res.relativeGap()));
        r.put("guaranteed_lower_bound", Reports.number(res.guaranteedLowerBound()));
        r.put("approx_rank", res.rank());
        r.put("sigma_next", res.sigmaNext());
        r.put("lip", res.lip());
        r.put("tau", res.tau());
        r.put("bound_factor", Reports.number(res.boundFactor()));
        r.put("dual_bound_on_approx", Reports.number(s.dualBound()));
        r.put("gap_rel_on_approx", Reports.number(s.gapRel()));
        r.put("iterations", s.iterations());
        r.put("solve_seconds", s.solveSeconds());
        r.put("patterns", s.patterns());
        r.put("active_neurons", s.activeNeurons());
        r.put("model", o.kind().id());
        if (o.kind().threeLayer()) {
            r.put("combos", s.patterns());
            r.put("m1", o.m1());
        }
        r.put("beta", o.beta());
        r.put("n", o.data().data().n());
        r.put("d", o.data().data().d());
        r.put("bias", o.bias());
        r.put("res_primal", Reports.number(s.resPrimal()));
        r.put("res_dual", Reports.number(s.resDual()));
        r.put("total_seconds", total);
        r.put("seconds", new LinkedHashMap<>(res.seconds()));
        r.put("out", out == null ? null : out.toString());
        return r;
    }

    private static void summary(PrintStream o, Inputs in, LowRankResult res, double total, Path out) {
        ConvexSolution s = res.approxSolution();
        String what = in.kind().threeLayer() ? "combos" : "patterns";
        o.printf("trained %s%s on the rank-%d approximation of %s: n = %d, d = %d%s, beta = %s%n", in.kind().id(),
                in.kind().threeLayer() ? " (m1 = " + in.m1() + ")" : "", res.rank(), in.dataFile(),
                in.data().data().n(), in.data().data().d(), in.bias() ? " + bias" : "", in.beta());
        Reports.line(o, "status", s.status().name() + " (on the approximation)");
        Reports.line(o, "objective", Reports.format(res.objective()) + " (on the original data)");
        Reports.line(o, "objective on approx", Reports.format(res.objectiveOnApprox()) + " (certified gap there "
                + Reports.format(s.gapRel()) + " relative)");
        Reports.line(o, "lower bound", Reports.format(res.lowerBound()) + (res.lowerBoundScope() == Scope.ALL_PATTERNS
                ? " (dual certificate over all " + res.certificatePatterns() + " " + what + ": rigorous)"
                : " (dual certificate over " + res.certificatePatterns() + " sampled " + what + ": not rigorous)"));
        Reports.line(o, "measured gap", Reports.format(res.objective() - res.lowerBound())
                + " (relative " + Reports.format(res.relativeGap()) + ")");
        Reports.line(o, "guaranteed bound", Reports.format(res.guaranteedLowerBound()) + " <= optimum (always rigorous)");
        Reports.line(o, "sigma_{r+1}", Reports.format(res.sigmaNext()) + (in.bias() ? " (of the centred features)" : ""));
        Reports.line(o, "bound factor", Reports.format(res.boundFactor()) + " = (1 + tau/2)^4, tau = " + Reports.format(res.tau()));
        Reports.line(o, what, s.patterns() + " (all " + what + " of the approximation)");
        Reports.line(o, in.kind().threeLayer() ? "active sub-networks" : "active neurons", Integer.toString(s.activeNeurons()));
        Reports.line(o, "iterations", Integer.toString(s.iterations()));
        Reports.line(o, "time", String.format("%.3f s (interior point %.3f s)", total, s.solveSeconds()));
        if (out != null) Reports.line(o, "model written to", out.toString());
    }
}
