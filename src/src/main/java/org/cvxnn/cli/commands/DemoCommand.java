package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.data.EmbeddedData;
import org.cvxnn.cli.io.Json;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.compare.Comparison;
import org.cvxnn.solver.compare.ComparisonReport;
import org.cvxnn.solver.compare.ComparisonSettings;
import org.cvxnn.solver.compare.TrainTestSplit;
import org.cvxnn.solver.data.Dataset;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code cvxnn demo}: two self-contained comparisons of the certified convex solution with SGD and
 * Adam restarts on the same objective, without arguments or downloads: (a) data from a planted
 * two-layer ReLU network and (b) the embedded UCI fertility data set. For each it prints the
 * table of {@link ComparisonOutput} and what it means.
 *
 * <p>The planted data are two-dimensional so that every activation pattern can be enumerated (2n
 * of them): the convex solution is then the global optimum over networks of any width, which the
 * certificate proves. Fertility has 9 features, too many to enumerate; it uses
 * {@value #PATTERNS} sampled patterns, so its certificate covers networks using those patterns.
 *
 * <p>Fixed choices (the {@code --seed} varies the data, split, patterns and initialisations):
 * β = {@value #BETA_FRACTION}·β_max of the training data, baselines with {@value #RESTARTS}
 * restarts × the default learning-rate grid, {@value #EPOCHS} epochs, minibatches of
 * {@value ComparisonSettings#DEFAULT_BATCH}.
 */
public final class DemoCommand implements Command {
    static final double BETA_FRACTION = 0.05;
    static final int PATTERNS = 200;
    static final int RESTARTS = 4;
    static final int EPOCHS = 300;
    /** The planted problem: samples, features, neurons of the teacher, noise level. */
    static final int PLANTED_N = 120, PLANTED_D = 2, PLANTED_NEURONS = 4;
    static final double PLANTED_NOISE = 0.1;

    private static final Options OPTIONS = Options.of(
            Option.value("seed", "S", "seed of the data, split, patterns and initialisations").withDefault("0"),
            Option.flag("json", "print the results as one JSON object on the last line of stdout"));

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "convex vs SGD/Adam on a planted network and on UCI fertility (no arguments, no downloads)";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        long seed = args.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        boolean json = args.flag("json");
        List<Object> experiments = new ArrayList<>();
        experiments.add(experiment(streams.out(), json, "planted",
                String.format("(a) planted two-layer ReLU network: n = %d, d = %d, %d teacher neurons, noise %.2f; all patterns enumerated",
                        PLANTED_N, PLANTED_D, PLANTED_NEURONS, PLANTED_NOISE),
                TrainTestSplit.random(planted(seed), 0.2, seed), false, PatternSource.exact(), seed));
        experiments.add(experiment(streams.out(), json, "fertility",
                "(b) UCI fertility (embedded): labels 0/1 regressed as targets, bias feature, split column fold1, " + PATTERNS + " sampled patterns",
                EmbeddedData.split("fertility", "fold1"), true, PatternSource.sampled(PATTERNS, seed), seed));
        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seed", seed);
            r.put("experiments", experiments);
            streams.out().println(Json.compact(r));
        }
        return 0;
    }

    private static Map<String, Object> experiment(PrintStream out, boolean json, String name, String title,
                                                  TrainTestSplit split, boolean bias, PatternSource patterns, long seed) {
        double beta = BETA_FRACTION * Comparison.betaMax(split.train(), bias, patterns);
        SearchSettings base = ComparisonSettings.defaults(beta).search();
        ComparisonSettings settings = ComparisonSettings.defaults(beta).withBias(bias).withPatterns(patterns)
                .withSearch(base.withRestarts(RESTARTS).withTraining(base.training().withEpochs(EPOCHS).withSeed(seed)));
        ComparisonReport report = Comparison.run(split, settings);
        if (!json) {
            out.println(title);
            out.printf("    %d training / %d test samples, beta = %.4g (%.2f x beta_max)%n", report.trainSize(), report.testSize(),
                    beta, BETA_FRACTION);
            ComparisonOutput.table(out, report);
            out.println();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.putAll(ComparisonOutput.json(report));
        return r;
    }

    /**
     * Samples {@code x ~ N(0, I_d)} and labels them with a random teacher
     * {@code y = Σ_j (x·u_j)₊ α_j + noise}, {@code u_j ~ N(0, I_d)}, {@code α_j = ±1} alternating,
     * Gaussian noise of standard deviation {@link #PLANTED_NOISE}.
     */
    static Dataset planted(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] teacher = new double[PLANTED_NEURONS][PLANTED_D];
        for (double[] u : teacher) for (int k = 0; k < PLANTED_D; k++) u[k] = random.nextGaussian();
        double[][] rows = new double[PLANTED_N][PLANTED_D];
        double[] y = new double[PLANTED_N];
        for (int i = 0; i < PLANTED_N; i++) {
            for (int k = 0; k < PLANTED_D; k++) rows[i][k] = random.nextGaussian();
            for (int j = 0; j < PLANTED_NEURONS; j++) {
                double z = 0;
                for (int k = 0; k < PLANTED_D; k++) z += rows[i][k] * teacher[j][k];
                y[i] += Math.max(z, 0) * (j % 2 == 0 ? 1 : -1);
            }
            y[i] += PLANTED_NOISE * random.nextGaussian();
        }
        return Dataset.ofRows(rows, y);
    }
}
