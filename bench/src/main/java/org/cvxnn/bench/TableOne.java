package org.cvxnn.bench;

import java.util.List;
import java.util.Locale;

import org.cvxnn.cli.data.EmbeddedData;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.arrangement.EnumerationSettings;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.compare.Comparison;
import org.cvxnn.solver.compare.ComparisonReport;
import org.cvxnn.solver.compare.ComparisonSettings;
import org.cvxnn.solver.compare.MethodResult;
import org.cvxnn.solver.compare.TrainTestSplit;

/**
 * The paper's Table 1 for the two-layer ReLU model: on the six embedded UCI datasets, the training
 * objective of the certified convex solution against the best SGD and Adam runs (seeded restarts ×
 * learning-rate grid, as many neurons as the convex network), and the test error of each.
 *
 * <p>Protocol, fixed so that a run is reproducible:
 * <ul>
 *   <li>split: the collection's split column {@code fold1} (about 75/25, the closest to the paper's
 *       80/20 among the published splits);</li>
 *   <li>targets: the class id regressed as a number, i.e. {0, 1} for the binary datasets and the
 *       class index 0..c−1 for breast-tissue (6 classes) and pittsburg-bridges-span (3), which is
 *       what the paper's test errors (MSE above 1 on those two) indicate;</li>
 *   <li>a bias feature; β = fraction · β_max of the training data (default 0.05);</li>
 *   <li>patterns: every pattern when exact enumeration needs at most {@value #EXACT_LIMIT}, else
 *       sampled Gaussian gates (default 200, seed 0);</li>
 *   <li>baselines: SGD (minibatch 32) and Adam (full batch 32 too), default learning-rate grid of
 *       {@link org.cvxnn.solver.baseline.BaselineSearch}, restarts and epochs from the options.</li>
 * </ul>
 * Usage: {@code TableOne [--restarts R] [--epochs E] [--patterns P] [--beta-fraction F] [--split COLUMN]}.
 * Prints a Markdown table on stdout.
 */
public final class TableOne {
    /** Largest pattern count for which the exact arrangement is used instead of sampling. */
    static final long EXACT_LIMIT = 2000;

    private TableOne() { }

    /** The options, with their defaults. */
    record Settings(int restarts, int epochs, int patterns, double betaFraction, String split) {
        static Settings parse(String[] args) {
            int restarts = 3, epochs = 300, patterns = 200;
            double fraction = 0.05;
            String split = "fold1";
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("option " + args[i] + " needs a value");
                String v = args[i + 1];
                switch (args[i]) {
                    case "--restarts" -> restarts = Integer.parseInt(v);
                    case "--epochs" -> epochs = Integer.parseInt(v);
                    case "--patterns" -> patterns = Integer.parseInt(v);
                    case "--beta-fraction" -> fraction = Double.parseDouble(v);
                    case "--split" -> split = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; known: --restarts, --epochs, --patterns, --beta-fraction, --split");
                }
            }
            return new Settings(restarts, epochs, patterns, fraction, split);
        }
    }

    public static void main(String[] args) {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("table1: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "Two-layer ReLU, split %s, bias, beta = %.3g * beta_max, SGD/Adam: %d restarts x 5 learning rates, %d epochs, batch %d%n%n",
                s.split(), s.betaFraction(), s.restarts(), s.epochs(), ComparisonSettings.DEFAULT_BATCH);
        System.out.println("| dataset | n | d | train/test | patterns | β | neurons | objective convex | SGD | Adam | test MSE convex | SGD | Adam | test error convex | SGD | Adam | seconds convex | SGD | Adam |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String name : EmbeddedData.names()) System.out.println(row(name, s));
    }

    private static String row(String name, Settings s) {
        TrainTestSplit split = EmbeddedData.split(name, s.split());
        PatternSource patterns = patterns(split, s);
        double beta = s.betaFraction() * Comparison.betaMax(split.train(), true, patterns);
        SearchSettings base = ComparisonSettings.defaults(beta).search();
        ComparisonSettings settings = ComparisonSettings.defaults(beta).withBias(true).withPatterns(patterns)
                .withSearch(base.withRestarts(s.restarts()).withTraining(base.training().withEpochs(s.epochs())));
        ComparisonReport r = Comparison.run(split, settings);
        List<MethodResult> m = r.methods();
        String patternText = r.certificate().patterns() + (r.certificate().globalOptimum() ? " (all)" : " (sampled)");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d/%d | %s | %.3g | %d ", name, r.trainSize() + r.testSize(),
                split.train().d(), r.trainSize(), r.testSize(), patternText, beta, r.convex().neurons()));
        for (MethodResult x : m) b.append(String.format(Locale.ROOT, "| %.4g ", x.trainObjective()));
        for (MethodResult x : m) b.append(String.format(Locale.ROOT, "| %.4f ", x.test().mse()));
        for (MethodResult x : m) b.append(String.format(Locale.ROOT, "| %.3f ", x.test().classificationError()));
        for (MethodResult x : m) b.append(String.format(Locale.ROOT, "| %.2f ", x.seconds()));
        return b.append('|').toString();
    }

    /** Every pattern when the enumeration accepts at most {@link #EXACT_LIMIT}, else sampled gates. */
    private static PatternSource patterns(TrainTestSplit split, Settings s) {
        PatternSource exact = PatternSource.exact(EnumerationSettings.defaults().withMaxPatterns(EXACT_LIMIT));
        try {
            exact.patternsOf(split.train().withBias());
            return exact;
        } catch (IllegalArgumentException refused) {
            return PatternSource.sampled(s.patterns(), 0);
        }
    }
}
