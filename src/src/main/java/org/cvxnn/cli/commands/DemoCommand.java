package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.data.EmbeddedData;
import org.cvxnn.cli.io.Json;
import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ModelKind;
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
 * {@code cvxnn demo}: three self-contained comparisons of the certified convex solution with SGD
 * and Adam restarts on the same objective, without arguments or downloads: (a) data from a planted
 * two-layer ReLU network, (b) the embedded UCI fertility data set and (c) data from a planted
 * three-layer parallel network with the path-regularised model. For each it prints the table of
 * {@link ComparisonOutput} and what it means.
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
    /** The three-layer problem: samples, first-layer width, teacher sub-networks, training epochs. */
    static final int PATH_N = 15, PATH_M1 = 2, PATH_TEACHERS = 2, PATH_EPOCHS = 2000;

    private static final Options OPTIONS = Options.of(
            Option.value("seed", "S", "seed of the data, split, patterns and initialisations").withDefault("0"),
            Option.flag("json", "print the results as one JSON object on the last line of stdout"));

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "convex vs SGD/Adam on planted two- and three-layer networks and on UCI fertility (no arguments, no downloads)";
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
        experiments.add(pathExperiment(streams.out(), json, seed));
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
     * (c) A path-regularised three-layer parallel network (m1 = {@value #PATH_M1}) on data from a
     * planted three-layer teacher, every combo enumerated: convex vs SGD/Adam with as many
     * sub-networks as the recovered network has.
     */
    private static Map<String, Object> pathExperiment(PrintStream out, boolean json, long seed) {
        TrainTestSplit split = TrainTestSplit.random(plantedThreeLayer(seed), 0.2, seed);
        ComboSource combos = ComboSource.exact();
        double beta = BETA_FRACTION * Comparison.threeLayerBetaMax(ModelKind.PATH3, split.train(), false, PATH_M1, combos);
        SearchSettings base = ComparisonSettings.defaults(beta).search();
        ComparisonSettings settings = ComparisonSettings.defaults(beta).withKind(ModelKind.PATH3).withM1(PATH_M1).withCombos(combos)
                .withSearch(base.withRestarts(RESTARTS).withTraining(base.training().withEpochs(PATH_EPOCHS).withSeed(seed)));
        ComparisonReport report = Comparison.run(split, settings);
        if (!json) {
            out.printf("(c) planted three-layer parallel network, path-regularised (m1 = %d): n = %d, d = %d; all combos enumerated%n",
                    PATH_M1, PATH_N, PLANTED_D);
            out.printf("    %d training / %d test samples, beta = %.4g (%.2f x beta_max)%n", report.trainSize(), report.testSize(),
                    beta, BETA_FRACTION);
            ComparisonOutput.table(out, report);
            out.println();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "planted-three-layer");
        r.putAll(ComparisonOutput.json(report));
        return r;
    }

    /**
     * {@code x ~ N(0, I_d)} labelled by a random parallel three-layer teacher of
     * {@value #PATH_TEACHERS} sub-networks of width {@value #PATH_M1}:
     * {@code y = Σ_k ((X W_k)₊ w_k)₊ v_k + noise}, all weights N(0, 1) except {@code v_k = ±1}
     * alternating, Gaussian noise of standard deviation {@link #PLANTED_NOISE}.
     */
    static Dataset plantedThreeLayer(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[][][] w1 = new double[PATH_TEACHERS][PATH_M1][PLANTED_D];
        double[][] w2 = new double[PATH_TEACHERS][PATH_M1];
        for (int k = 0; k < PATH_TEACHERS; k++)
            for (int j = 0; j < PATH_M1; j++) {
                for (int l = 0; l < PLANTED_D; l++) w1[k][j][l] = random.nextGaussian();
                w2[k][j] = random.nextGaussian();
            }
        double[][] rows = new double[PATH_N][PLANTED_D];
        double[] y = new double[PATH_N];
        for (int i = 0; i < PATH_N; i++) {
            for (int l = 0; l < PLANTED_D; l++) rows[i][l] = random.nextGaussian();
            for (int k = 0; k < PATH_TEACHERS; k++) {
                double z = 0;
                for (int j = 0; j < PATH_M1; j++) {
                    double a = 0;
                    for (int l = 0; l < PLANTED_D; l++) a += rows[i][l] * w1[k][j][l];
                    z += Math.max(a, 0) * w2[k][j];
                }
                y[i] += Math.max(z, 0) * (k % 2 == 0 ? 1 : -1);
            }
            y[i] += PLANTED_NOISE * random.nextGaussian();
        }
        return Dataset.ofRows(rows, y);
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
