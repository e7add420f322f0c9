package org.cvxnn.solver.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.baseline.BaselineSearch;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchResult;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.baseline.TwoLayerTrainer;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * Trains the same two-layer objective {@code ½‖f(X) − y‖² + (β/2)Σ_j(‖u_j‖² + α_j²)} on one
 * training set by the convex program and by non-convex local search (SGD, Adam, gradient descent
 * with seeded restarts and a learning-rate grid), and scores every resulting network on a held-out
 * test set.
 * <pre>{@code
 * ComparisonReport report = Comparison.run(TrainTestSplit.random(data, 0.2, 1), ComparisonSettings.defaults(0.01));
 * for (MethodResult m : report.methods()) System.out.println(m.method() + " " + m.trainObjective());
 * }</pre>
 * The methods run one after another, so their times are comparable.
 */
public final class Comparison {

    private Comparison() {}

    /** Runs the comparison; the convex solver's progress lines, if verbose, go to {@code System.err}. */
    public static ComparisonReport run(TrainTestSplit split, ComparisonSettings settings) {
        return run(split, settings, System.err);
    }

    /**
     * Runs the convex solve, then one baseline search per optimiser of {@code settings}.
     *
     * @param log where the interior-point method writes its progress when {@code settings.ipm().verbose()}
     */
    public static ComparisonReport run(TrainTestSplit split, ComparisonSettings settings, PrintStream log) {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(settings, "settings");
        Dataset train = split.train(), test = split.test();
        TwoLayerProblem problem = TwoLayerProblem.builder(train).model(settings.kind()).beta(settings.beta())
                .bias(settings.bias()).patterns(settings.patterns()).build();
        ConvexSolution solution = problem.solve(settings.ipm(), log);
        List<MethodResult> methods = new ArrayList<>();
        methods.add(row("convex", solution.nonconvexObjective(), solution.model(), split, solution.totalSeconds(), 1));

        int width = settings.width() != ComparisonSettings.CONVEX_WIDTH ? settings.width()
                : Math.max(1, solution.activeNeurons());
        BaselineSearch<TwoLayerNetwork> search = new BaselineSearch<>(new TwoLayerTrainer(width));
        Dataset design = problem.design();
        for (Optimizer optimizer : settings.optimizers()) {
            SearchSettings searchSettings = settings.search().withTraining(trainingFor(optimizer, settings.search().training(), train.n()));
            SearchResult<TwoLayerNetwork> result = search.run(design, settings.beta(), searchSettings);
            TrainedModel model = new TrainedModel(ModelKind.RELU2, settings.bias(), result.best().network());
            methods.add(row(methodName(optimizer), result.best().objective(), model, split, result.seconds(), result.runs().size()));
        }
        ConvexCertificate certificate = new ConvexCertificate(solution.status(), solution.objective(), solution.dualBound(),
                solution.gapRel(), solution.patterns(), solution.globalOptimum());
        return new ComparisonReport(methods, certificate, settings.beta(), train.n(), test.n());
    }

    /**
     * {@code β_max} of the training data as the network sees them (bias column appended when
     * {@code bias}) over the patterns of {@code patterns}: the smallest β at which the zero network is
     * optimal (formulations §1.6); a lower estimate unless the patterns are complete. Useful to
     * choose β as a fraction of it.
     */
    public static double betaMax(Dataset train, boolean bias, PatternSource patterns) {
        Dataset design = bias ? train.withBias() : train;
        return DualCertificate.betaMax(design, patterns.patternsOf(design));
    }

    /** The name of an optimiser's row: {@code sgd}, {@code adam} or {@code gd}. */
    public static String methodName(Optimizer optimizer) {
        return switch (optimizer) {
            case SGD -> "sgd";
            case ADAM -> "adam";
            case GRADIENT_DESCENT -> "gd";
        };
    }

    /** {@code base} made valid for {@code optimizer} on {@code n} samples, as {@link ComparisonSettings#search()} describes. */
    static TrainingSettings trainingFor(Optimizer optimizer, TrainingSettings base, int n) {
        int batch = optimizer == Optimizer.GRADIENT_DESCENT || base.batchSize() > n ? TrainingSettings.FULL_BATCH : base.batchSize();
        double momentum = optimizer == Optimizer.ADAM ? 0 : base.momentum();
        return new TrainingSettings(optimizer, base.learningRate(), base.epochs(), batch, momentum, base.timeLimit(),
                base.traceEvery(), base.seed());
    }

    private static MethodResult row(String method, double objective, TrainedModel model, TrainTestSplit split,
                                    double seconds, int runs) {
        TestMetrics metrics = TestMetrics.of(model.predict(split.test()), split.test(), split.train());
        return new MethodResult(method, objective, metrics, seconds, model.network().m(), runs, model);
    }
}
