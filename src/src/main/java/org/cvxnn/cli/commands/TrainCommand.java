package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.cli.model.ComboFile;
import org.cvxnn.cli.model.ModelFile;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.cvxnn.solver.network.TreeNetwork;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code cvxnn train}: solves the convex program of a two-layer network ({@link ProblemOptions})
 * or of a parallel three-layer network (path-regularised {@code --model path3} or weight-decay
 * {@code --model relu3}, {@link PathOptions}) or of a parallel depth-L path-regularised network
 * ({@code --model pathL --depth L}) on a
 * CSV data set, prints the certified result (a summary, or with {@code --json} one JSON object as
 * the last line of stdout) and optionally writes the recovered network as a {@link ModelFile}.
 * With {@code --approx-rank R} it trains on a rank-R approximation of the data instead ({@link ApproxTraining}).
 */
public final class TrainCommand implements Command {
    private static final Options OPTIONS = ProblemOptions.options(
            Stream.of(ModelKind.RELU2, ModelKind.GATED2, ModelKind.PATH3, ModelKind.RELU3, ModelKind.PATHL).map(ModelKind::id).collect(Collectors.joining("|")),
            Stream.concat(Arrays.stream(PathOptions.options()), Stream.of(
                    Option.value(ApproxTraining.OPTION, "R", "relu2/path3/relu3: train on the best rank-R approximation of the features and report"
                            + " the bound and the measured gap on the original data (polynomial in n for fixed R)"),
                    Option.value("out", "MODEL.json", "write the trained network to this model file"),
                    Option.value("save-combos", "FILE.json", "path3/relu3 only: write the program's combos to this combo file"
                            + " (read it back with --combos-file)"),
                    Option.flag("json", "print the result as one JSON object on the last line of stdout")))
                    .toArray(Option[]::new))
            .exclusive("combos", "exact", "combos-file");

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "train a two-layer (relu2, gated2), three-layer (path3: path norm, relu3: weight decay) or depth-L"
                + " (pathL: path norm) network to a certified optimum";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        if (args.has(ApproxTraining.OPTION)) return ApproxTraining.run(args, streams);
        String model = args.string("model");
        if (model.equals(ModelKind.PATH3.id())) return runPath(args, streams, ModelKind.PATH3);
        if (model.equals(ModelKind.RELU3.id())) return runPath(args, streams, ModelKind.RELU3);
        if (model.equals(ModelKind.PATHL.id())) return runPath(args, streams, ModelKind.PATHL);
        if (!model.equals(ModelKind.RELU2.id()) && !model.equals(ModelKind.GATED2.id()))
            throw new CliException("--model must be " + ModelKind.RELU2.id() + ", " + ModelKind.GATED2.id() + ", "
                    + ModelKind.PATH3.id() + ", " + ModelKind.RELU3.id() + " or " + ModelKind.PATHL.id() + ", got '" + model + "'");
        PathOptions.rejectFor(model, args);
        if (args.has("save-combos")) throw new CliException("--save-combos applies only to --model path3 or relu3, not to --model " + model);
        ProblemOptions options = ProblemOptions.from(args);
        Path out = args.has("out") ? OutputFiles.checkWritable(args.string("out")) : null;
        long start = System.nanoTime();
        TwoLayerProblem problem = options.problem();
        ConvexSolution solution = problem.solve(options.settings(), streams.err());
        double total = (System.nanoTime() - start) * 1e-9;
        Problem p = new Problem(options.dataFile(), options.data(), options.model(), options.beta(), options.bias(), options.source());
        finish(args, streams, p, solution, total, out, Map.of());
        return 0;
    }

    private int runPath(Args args, Streams streams, ModelKind kind) {
        PathOptions options = PathOptions.from(args, kind);
        Path out = args.has("out") ? OutputFiles.checkWritable(args.string("out")) : null;
        Path comboFile = args.has("save-combos") ? OutputFiles.checkWritable(args.string("save-combos")) : null;
        long start = System.nanoTime();
        PathProblem problem = options.problem();
        if (comboFile != null) ComboFile.write(problem.combos().masks(), comboFile);
        ConvexSolution solution = problem.solve(options.settings(), streams.err());
        double total = (System.nanoTime() - start) * 1e-9;
        Problem p = new Problem(options.dataFile(), options.data(), kind, options.beta(), options.bias(), options.source());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("combos", solution.patterns());
        extra.put("m1", options.m1());
        if (kind == ModelKind.PATHL) extra.put("depth", options.depth());
        finish(args, streams, p, solution, total, out, extra);
        return 0;
    }

    /** What a report says about the problem, for either kind of model. */
    private record Problem(Path dataFile, LabelledData data, ModelKind model, double beta, boolean bias,
                           Map<String, Object> source) {}

    private static void finish(Args args, Streams streams, Problem p, ConvexSolution solution, double total, Path out,
                               Map<String, Object> extra) {
        if (out != null) new ModelFile(solution.model(), p.data().features(), p.data().target(), p.beta(), p.data().data().n()).write(out);
        if (!solution.status().isOptimal())
            streams.err().println("cvxnn: warning: the solver stopped with status " + solution.status()
                    + "; the reported gap says how far from optimal the result may be");
        if (args.flag("json")) {
            Map<String, Object> report = report(p, solution, total, out);
            report.putAll(extra);
            streams.out().println(Json.compact(report));
        } else {
            summary(streams.out(), p, solution, total, out);
        }
    }

    /** The JSON report: every key is documented in the command's contract (README). */
    private static Map<String, Object> report(Problem options, ConvexSolution s, double total, Path out) {
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

    private static void summary(PrintStream o, Problem options, ConvexSolution s, double total, Path out) {
        o.printf("trained %s on %s: n = %d, d = %d%s, beta = %s%n", options.model().id(), options.dataFile(),
                options.data().data().n(), options.data().data().d(), options.bias() ? " + bias" : "", options.beta());
        Reports.line(o, "status", s.status().name());
        Reports.line(o, "objective", Reports.format(s.objective()));
        Reports.line(o, "dual bound", Reports.format(s.dualBound()));
        Reports.line(o, "certified gap", Reports.format(s.objective() - s.dualBound()) + " (relative " + Reports.format(s.gapRel()) + ")");
        Reports.line(o, "iterations", Integer.toString(s.iterations()));
        Reports.line(o, "time", String.format("%.3f s (interior point %.3f s)", total, s.solveSeconds()));
        boolean path = options.model().parallel();
        String what = path ? "combos" : "patterns";
        Reports.line(o, what, s.patterns() + (s.globalOptimum()
                ? " (all: the optimum is global over every network of this family)"
                : " (" + describe(options.source()) + "; optimal among networks using these " + what + ")"));
        if (s.model().network() instanceof TreeNetwork network) {
            Reports.line(o, "active sub-networks", s.activeNeurons() + " (depth " + network.depth() + " trees of "
                    + network.shape().leaves() + " first-layer neurons each)");
        } else if (path) {
            ThreeLayerNetwork network = (ThreeLayerNetwork) s.model().network();
            Reports.line(o, "active sub-networks", s.activeNeurons() + " (of " + network.m1() + " first-layer neurons each)");
        } else {
            Reports.line(o, "active neurons", Integer.toString(s.activeNeurons()));
        }
        Reports.line(o, "non-convex objective", Reports.format(s.nonconvexObjective()) + " (of the recovered network)");
        if (out != null) Reports.line(o, "model written to", out.toString());
    }

    private static String describe(Map<String, Object> source) {
        return switch ((String) source.get("kind")) {
            case "sampled" -> source.containsKey("draws")
                    ? "from " + source.get("draws") + " random sub-networks, seed " + source.get("seed")
                    : "from " + source.get("gates") + " random gates, seed " + source.get("seed");
            case "gates" -> "from " + source.get("gates") + " gates in " + source.get("file");
            default -> "exact enumeration";
        };
    }
}
