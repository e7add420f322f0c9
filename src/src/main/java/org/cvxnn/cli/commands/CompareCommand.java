package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Range;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.CsvData;
import org.cvxnn.cli.io.Json;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.compare.Comparison;
import org.cvxnn.solver.compare.ComparisonReport;
import org.cvxnn.solver.compare.ComparisonSettings;
import org.cvxnn.solver.compare.TrainTestSplit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code cvxnn compare}: trains the same objective on a CSV data set by the convex program and by
 * SGD/Adam/gradient descent (seeded restarts × a learning-rate grid, as many neurons as the convex
 * network unless {@code --width} says otherwise), and prints a table of training objective, test
 * error, time and neurons per method; with {@code --json}, one JSON object as the last line of
 * stdout. The objective is the two-layer one ({@link ProblemOptions}) or, with
 * {@code --model path3} or {@code --model relu3} ({@link PathOptions}), the path or weight-decay
 * objective of parallel three-layer networks whose baselines have as many sub-networks of
 * {@code --m1} neurons as the convex network; with {@code --model pathL --depth L} the same for
 * depth-L tree sub-networks.
 */
public final class CompareCommand implements Command {
    private static final List<String> OPTIMIZERS = List.of("sgd", "adam", "gd");
    private static final Options OPTIONS = ProblemOptions.options(
            Stream.of(ModelKind.RELU2, ModelKind.GATED2, ModelKind.PATH3, ModelKind.RELU3, ModelKind.PATHL).map(ModelKind::id).collect(Collectors.joining("|")),
            Stream.concat(Arrays.stream(PathOptions.options()), Stream.of(
            Option.value("test", "FILE.csv", "held-out test data with the columns of --data"),
            Option.value("split", "FRACTION", "hold out this share of --data as test set, in (0, 1)").withDefault("0.2"),
            Option.value("split-seed", "S", "random seed of --split").withDefault("0"),
            Option.value("optimizers", "LIST", "baselines, comma-separated, from: " + String.join(", ", OPTIMIZERS)).withDefault("sgd,adam"),
            Option.value("restarts", "R", "seeded initialisations per learning rate").withDefault("5"),
            Option.value("epochs", "E", "passes over the training data per run").withDefault(Integer.toString(ComparisonSettings.DEFAULT_EPOCHS)),
            Option.value("batch", "B", "minibatch size of sgd and adam (gd uses all samples)").withDefault(Integer.toString(ComparisonSettings.DEFAULT_BATCH)),
            Option.value("width", "M", "hidden neurons (path3, relu3: sub-networks) of the baseline networks (default: those of the convex network)"),
            Option.flag("json", "print the result as one JSON object on the last line of stdout")))
            .toArray(Option[]::new))
            .exclusive("test", "split").exclusive("combos", "exact", "combos-file");

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String description() {
        return "compare the certified convex solution with SGD/Adam restarts on the same objective";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        if (args.has("split-seed") && args.has("test"))
            throw new CliException("--split-seed applies only to --split, not to --test");
        String model = args.string("model");
        Problem problem;
        if (model.equals(ModelKind.PATH3.id()) || model.equals(ModelKind.RELU3.id()) || model.equals(ModelKind.PATHL.id())) {
            if (args.has("combos-file") && !args.has("test"))
                throw new CliException("--combos-file needs --test: without it compare trains on a random part of --data,"
                        + " whose rows the file's masks do not describe");
            PathOptions o = PathOptions.from(args, ModelKind.of(model));
            problem = new Problem(o.dataFile(), o.data(), o.model(), o.beta(), o.bias(), o.source(), base(args, o.beta())
                    .withKind(o.model()).withBias(o.bias()).withM1(o.m1()).withDepth(o.depth()).withCombos(o.combos())
                    .withIpm(o.settings()));
        } else {
            PathOptions.rejectFor(model, args);
            ProblemOptions o = ProblemOptions.from(args);
            problem = new Problem(o.dataFile(), o.data(), o.model(), o.beta(), o.bias(), o.source(), base(args, o.beta())
                    .withKind(o.model()).withBias(o.bias()).withPatterns(o.patterns()).withIpm(o.settings()));
        }
        TrainTestSplit split = split(args, problem.data(), problem.dataFile());
        ComparisonReport report;
        try {
            report = Comparison.run(split, problem.settings(), streams.err());
        } catch (IllegalArgumentException e) {
            throw new CliException(problem.dataFile() + ": cannot run the comparison: " + e.getMessage(), e);
        }
        if (args.flag("json")) {
            Map<String, Object> json = ComparisonOutput.json(report);
            json.put("model", problem.model().id());
            json.put("pattern_source", problem.source());
            if (problem.model().parallel()) json.put("m1", problem.settings().m1());
            if (problem.model() == ModelKind.PATHL) json.put("depth", problem.settings().depth());
            streams.out().println(Json.compact(json));
        } else {
            String m1 = !problem.model().parallel() ? "" : " (m1 = " + problem.settings().m1()
                    + (problem.model() == ModelKind.PATHL ? ", depth " + problem.settings().depth() : "") + ")";
            streams.out().printf("compare on %s: %d training and %d test samples, d = %d%s, model %s%s, beta = %s%n",
                    problem.dataFile(), report.trainSize(), report.testSize(), split.train().d(),
                    problem.bias() ? " + bias" : "", problem.model().id(), m1, problem.beta());
            ComparisonOutput.table(streams.out(), report);
        }
        return 0;
    }

    /** The problem of either kind of model, and the comparison settings it leads to. */
    private record Problem(Path dataFile, LabelledData data, ModelKind model, double beta, boolean bias,
                           Map<String, Object> source, ComparisonSettings settings) {}

    private static TrainTestSplit split(Args args, LabelledData data, Path dataFile) {
        TrainTestSplit split;
        if (args.has("test")) {
            Path file = args.path("test");
            LabelledData test = CsvData.read(file, data.target(), 1);
            if (!test.features().equals(data.features()))
                throw new CliException(file + ": feature columns " + test.features() + " differ from those of "
                        + dataFile + ", " + data.features());
            split = new TrainTestSplit(data.data(), test.data());
        } else {
            double fraction = args.doubleValue("split", new Range(0, false, 1, false));
            if (data.data().n() < 3)
                throw new CliException(dataFile + ": --split needs at least 3 samples, found " + data.data().n());
            split = TrainTestSplit.random(data.data(), fraction, args.longValue("split-seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (split.train().n() < 2)
            throw new CliException("--split " + args.string("split") + " leaves " + split.train().n()
                    + " training sample; at least 2 are needed");
        return split;
    }

    /** The defaults with the baseline options of {@code args}: restarts, epochs, batch, optimisers, width. */
    private static ComparisonSettings base(Args args, double beta) {
        ComparisonSettings defaults = ComparisonSettings.defaults(beta);
        SearchSettings base = defaults.search();
        SearchSettings search = base.withRestarts(args.intValue("restarts", 1, 10_000)).withTraining(base.training()
                .withEpochs(args.intValue("epochs", 1, 100_000_000)).withBatchSize(args.intValue("batch", 1, Integer.MAX_VALUE)));
        int width = args.has("width") ? args.intValue("width", 1, 1_000_000) : ComparisonSettings.CONVEX_WIDTH;
        return defaults.withSearch(search).withOptimizers(optimizers(args.string("optimizers"))).withWidth(width);
    }

    /** The optimisers of a comma-separated list of {@link #OPTIMIZERS} names. */
    static List<Optimizer> optimizers(String list) {
        List<Optimizer> result = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String name = raw.strip();
            Optimizer o = Arrays.stream(Optimizer.values()).filter(v -> Comparison.methodName(v).equals(name)).findFirst()
                    .orElseThrow(() -> new CliException("--optimizers: unknown optimizer '" + name + "'; choose from "
                            + String.join(", ", OPTIMIZERS)));
            if (result.contains(o)) throw new CliException("--optimizers lists " + name + " twice");
            result.add(o);
        }
        return result;
    }
}
