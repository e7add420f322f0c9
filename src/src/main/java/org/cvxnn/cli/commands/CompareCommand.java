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

/**
 * {@code cvxnn compare}: trains the same two-layer objective on a CSV data set by the convex
 * program and by SGD/Adam/gradient descent (seeded restarts × a learning-rate grid, as many neurons
 * as the convex network unless {@code --width} says otherwise), and prints a table of training
 * objective, test error, time and neurons per method; with {@code --json}, one JSON object as the
 * last line of stdout.
 */
public final class CompareCommand implements Command {
    private static final List<String> OPTIMIZERS = List.of("sgd", "adam", "gd");
    private static final Options OPTIONS = ProblemOptions.options(
            Option.value("test", "FILE.csv", "held-out test data with the columns of --data"),
            Option.value("split", "FRACTION", "hold out this share of --data as test set, in (0, 1)").withDefault("0.2"),
            Option.value("split-seed", "S", "random seed of --split").withDefault("0"),
            Option.value("optimizers", "LIST", "baselines, comma-separated, from: " + String.join(", ", OPTIMIZERS)).withDefault("sgd,adam"),
            Option.value("restarts", "R", "seeded initialisations per learning rate").withDefault("5"),
            Option.value("epochs", "E", "passes over the training data per run").withDefault(Integer.toString(ComparisonSettings.DEFAULT_EPOCHS)),
            Option.value("batch", "B", "minibatch size of sgd and adam (gd uses all samples)").withDefault(Integer.toString(ComparisonSettings.DEFAULT_BATCH)),
            Option.value("width", "M", "hidden neurons of the baseline networks (default: those of the convex network)"),
            Option.flag("json", "print the result as one JSON object on the last line of stdout"))
            .exclusive("test", "split");

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
        ProblemOptions problem = ProblemOptions.from(args);
        TrainTestSplit split = split(args, problem);
        ComparisonSettings settings = settings(args, problem);
        ComparisonReport report;
        try {
            report = Comparison.run(split, settings, streams.err());
        } catch (IllegalArgumentException e) {
            throw new CliException(problem.dataFile() + ": cannot run the comparison: " + e.getMessage(), e);
        }
        if (args.flag("json")) {
            Map<String, Object> json = ComparisonOutput.json(report);
            json.put("model", problem.model().id());
            json.put("pattern_source", problem.source());
            streams.out().println(Json.compact(json));
        } else {
            streams.out().printf("compare on %s: %d training and %d test samples, d = %d%s, model %s, beta = %s%n",
                    problem.dataFile(), report.trainSize(), report.testSize(), split.train().d(),
                    problem.bias() ? " + bias" : "", problem.model().id(), problem.beta());
            ComparisonOutput.table(streams.out(), report);
        }
        return 0;
    }

    private static TrainTestSplit split(Args args, ProblemOptions problem) {
        LabelledData data = problem.data();
        TrainTestSplit split;
        if (args.has("test")) {
            Path file = args.path("test");
            LabelledData test = CsvData.read(file, data.target(), 1);
            if (!test.features().equals(data.features()))
                throw new CliException(file + ": feature columns " + test.features() + " differ from those of "
                        + problem.dataFile() + ", " + data.features());
            split = new TrainTestSplit(data.data(), test.data());
        } else {
            double fraction = args.doubleValue("split", new Range(0, false, 1, false));
            if (data.data().n() < 3)
                throw new CliException(problem.dataFile() + ": --split needs at least 3 samples, found " + data.data().n());
            split = TrainTestSplit.random(data.data(), fraction, args.longValue("split-seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (split.train().n() < 2)
            throw new CliException("--split " + args.string("split") + " leaves " + split.train().n()
                    + " training sample; at least 2 are needed");
        return split;
    }

    private static ComparisonSettings settings(Args args, ProblemOptions problem) {
        SearchSettings base = ComparisonSettings.defaults(problem.beta()).search();
        SearchSettings search = base.withRestarts(args.intValue("restarts", 1, 10_000)).withTraining(base.training()
                .withEpochs(args.intValue("epochs", 1, 100_000_000)).withBatchSize(args.intValue("batch", 1, Integer.MAX_VALUE)));
        int width = args.has("width") ? args.intValue("width", 1, 1_000_000) : ComparisonSettings.CONVEX_WIDTH;
        return ComparisonSettings.defaults(problem.beta()).withKind(problem.model()).withBias(problem.bias())
                .withPatterns(problem.patterns()).withIpm(problem.settings()).withSearch(search)
                .withOptimizers(optimizers(args.string("optimizers"))).withWidth(width);
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
