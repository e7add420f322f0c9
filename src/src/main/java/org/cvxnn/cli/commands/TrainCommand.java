package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.cli.model.ModelFile;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.TwoLayerProblem;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cvxnn train}: solves the convex program of a two-layer network on a CSV data set, prints
 * the certified result (a summary, or with {@code --json} one JSON object as the last line of
 * stdout) and optionally writes the recovered network as a {@link ModelFile}.
 */
public final class TrainCommand implements Command {
    private static final Options OPTIONS = ProblemOptions.options(
            Option.value("out", "MODEL.json", "write the trained network to this model file"),
            Option.flag("json", "print the result as one JSON object on the last line of stdout"));

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "train a two-layer network to a certified optimum on a CSV data set";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        ProblemOptions options = ProblemOptions.from(args);
        Path out = args.has("out") ? OutputFiles.checkWritable(args.string("out")) : null;
        long start = System.nanoTime();
        TwoLayerProblem problem = options.problem();
        ConvexSolution solution = problem.solve(options.settings(), streams.err());
        double total = (System.nanoTime() - start) * 1e-9;
        if (out != null) {
            new ModelFile(solution.model(), options.data().features(), options.data().target(), options.beta(),
                    options.data().data().n()).write(out);
        }
        if (!solution.status().isOptimal())
            streams.err().println("cvxnn: warning: the solver stopped with status " + solution.status()
                    + "; the reported gap says how far from optimal the result may be");
        Map<String, Object> report = report(options, solution, total, out);
        if (args.flag("json")) streams.out().println(Json.compact(report));
        else summary(streams.out(), options, solution, total, out);
        return 0;
    }

    /** The JSON report: every key is documented in the command's contract (README). */
    static Map<String, Object> report(ProblemOptions options, ConvexSolution s, double total, Path out) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", s.status().name());
        r.put("objective", Reports.number(s.objective()));
        r.put("dual_bound", Reports.number(s.dualBound()));
        r.put("gap_rel", Reports.number(s.gapRel()));
        r.put("iterations", s.iterations());
        r.put("solve_seconds", s.solveSeconds());
        r.put("patterns", s.patterns());
        r.put("pattern_source", options.source());
        r.put("active_neurons", s.activeNeurons());
        r.put("nonconvex_objective", Reports.number(s.nonconvexObjective()));
        r.put("global_optimum", s.globalOptimum());
        r.put("model", options.model().id());
        r.put("beta", options.beta());
        r.put("n", options.data().data().n());
        r.put("d", options.data().data().d());
        r.put("bias", options.bias());
        r.put("res_primal", Reports.number(s.resPrimal()));
        r.put("res_dual", Reports.number(s.resDual()));
        r.put("total_seconds", total);
        r.put("seconds", new LinkedHashMap<>(s.seconds()));
        r.put("out", out == null ? null : out.toString());
        return r;
    }

    private static void summary(PrintStream o, ProblemOptions options, ConvexSolution s, double total, Path out) {
        o.printf("trained %s on %s: n = %d, d = %d%s, beta = %s%n", options.model().id(), options.dataFile(),
                options.data().data().n(), options.data().data().d(), options.bias() ? " + bias" : "", options.beta());
        Reports.line(o, "status", s.status().name());
        Reports.line(o, "objective", Reports.format(s.objective()));
        Reports.line(o, "dual bound", Reports.format(s.dualBound()));
        Reports.line(o, "certified gap", Reports.format(s.objective() - s.dualBound()) + " (relative " + Reports.format(s.gapRel()) + ")");
        Reports.line(o, "iterations", Integer.toString(s.iterations()));
        Reports.line(o, "time", String.format("%.3f s (interior point %.3f s)", total, s.solveSeconds()));
        Reports.line(o, "patterns", s.patterns() + (s.globalOptimum()
                ? " (all: the optimum is global over every network of this family)"
                : " (" + describe(options.source()) + "; optimal among networks using these patterns)"));
        Reports.line(o, "active neurons", Integer.toString(s.activeNeurons()));
        Reports.line(o, "non-convex objective", Reports.format(s.nonconvexObjective()) + " (of the recovered network)");
        if (out != null) Reports.line(o, "model written to", out.toString());
    }

    private static String describe(Map<String, Object> source) {
        return switch ((String) source.get("kind")) {
            case "sampled" -> "from " + source.get("gates") + " random gates, seed " + source.get("seed");
            case "gates" -> "from " + source.get("gates") + " gates in " + source.get("file");
            default -> "exact enumeration";
        };
    }
}
