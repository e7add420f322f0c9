package org.cvxnn.solver.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.baseline.BaselineSearch;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchResult;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.ThreeLayerTrainer;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.baseline.TreeTrainer;
import org.cvxnn.solver.baseline.TwoLayerTrainer;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.WeightDecayCertificate;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * Trains the same objective on one training set by the convex program and by non-convex local
 * search (SGD, Adam, gradient descent with seeded restarts and a learning-rate grid), and scores
 * every resulting network on a held-out test set. The objective is the two-layer one
 * {@code ½‖f(X) − y‖² + (β/2)Σ_j(‖u_j‖² + α_j²)} for {@link ModelKind#RELU2} and
 * {@link ModelKind#GATED2}, and the path objective (4.1)
 * {@code ½‖f(X) − y‖² + β Σ_k |w3k|·sqrt(Σ_j ‖w1kj‖² w2kj²)} of parallel three-layer networks for
 * {@link ModelKind#PATH3}, their weight-decay objective (3.1) for {@link ModelKind#RELU3}, and the
 * path objective of parallel depth-L tree networks ({@link org.cvxnn.solver.network.TreeNetwork}) for
 * {@link ModelKind#PATHL}.
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
        if (settings.kind() == ModelKind.PATHL) return runTree(split, settings, log);
        return settings.kind().threeLayer() ? runThreeLayer(split, settings, log) : runTwoLayer(split, settings, log);
    }

    private static ComparisonReport runTwoLayer(TrainTestSplit split, ComparisonSettings settings, PrintStream log) {
        TwoLayerProblem problem = TwoLayerProblem.builder(split.train()).model(settings.kind()).beta(settings.beta())
                .bias(settings.bias()).patterns(settings.patterns()).build();
        ConvexSolution solution = problem.solve(settings.ipm(), log);
        BaselineSearch<TwoLayerNetwork> search = new BaselineSearch<>(new TwoLayerTrainer(baselineWidth(settings, solution)));
        return report(split, settings, solution, problem.design(), search,
                network -> new TrainedModel(ModelKind.RELU2, settings.bias(), network));
    }

    private static ComparisonReport runThreeLayer(TrainTestSplit split, ComparisonSettings settings, PrintStream log) {
        PathProblem problem = PathProblem.builder(split.train()).model(settings.kind()).m1(settings.m1()).beta(settings.beta())
                .bias(settings.bias()).combos(settings.combos()).build();
        ConvexSolution solution = problem.solve(settings.ipm(), log);
        ThreeLayerTrainer trainer = new ThreeLayerTrainer(baselineWidth(settings, solution), settings.m1(), problem.penalty());
        return report(split, settings, solution, problem.design(), new BaselineSearch<>(trainer),
                network -> new TrainedModel(problem.model(), settings.bias(), new ThreeLayerNetwork(network, problem.penalty())));
    }

    private static ComparisonReport runTree(TrainTestSplit split, ComparisonSettings settings, PrintStream log) {
        PathProblem problem = PathProblem.builder(split.train()).model(ModelKind.PATHL).m1(settings.m1()).depth(settings.depth())
                .beta(settings.beta()).bias(settings.bias()).combos(settings.combos()).build();
        ConvexSolution solution = problem.solve(settings.ipm(), log);
        TreeTrainer trainer = new TreeTrainer(baselineWidth(settings, solution), problem.shape());
        return report(split, settings, solution, problem.design(), new BaselineSearch<>(trainer),
                network -> new TrainedModel(ModelKind.PATHL, settings.bias(), network));
    }

    /** The user's width, or the recovered network's neuron (sub-network) count, at least 1. */
    private static int baselineWidth(ComparisonSettings settings, ConvexSolution solution) {
        return settings.width() != ComparisonSettings.CONVEX_WIDTH ? settings.width() : Math.max(1, solution.activeNeurons());
    }

    /** The convex row, then one baseline search per optimiser on {@code design}, and the certificate. */
    private static <N> ComparisonReport report(TrainTestSplit split, ComparisonSettings settings, ConvexSolution solution,
                                               Dataset design, BaselineSearch<N> search, Function<N, TrainedModel> model) {
        List<MethodResult> methods = new ArrayList<>();
        methods.add(row("convex", solution.nonconvexObjective(), solution.model(), split, solution.totalSeconds(), 1));
        for (Optimizer optimizer : settings.optimizers()) {
            SearchSettings searchSettings = settings.search().withTraining(trainingFor(optimizer, settings.search().training(), design.n()));
            SearchResult<N> result = search.run(design, settings.beta(), searchSettings);
            methods.add(row(methodName(optimizer), result.best().objective(), model.apply(result.best().network()), split,
                    result.seconds(), result.runs().size()));
        }
        ConvexCertificate certificate = new ConvexCertificate(solution.status(), solution.objective(), solution.dualBound(),
                solution.gapRel(), solution.patterns(), solution.globalOptimum());
        return new ComparisonReport(settings.kind(), methods, certificate, settings.beta(), split.train().n(), split.test().n());
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

    /**
     * {@code β_max} of a parallel three-layer problem — path-regularised (4.1) for
     * {@link ModelKind#PATH3}, weight decay (3.1) for {@link ModelKind#RELU3} — on the training data
     * (bias column appended when {@code bias}) over the combos of {@code combos} for sub-networks of
     * {@code m1} neurons: the smallest β at which the zero network is optimal; a lower estimate unless
     * the combos are complete.
     */
    public static double threeLayerBetaMax(ModelKind kind, Dataset train, boolean bias, int m1, ComboSource combos) {
        Dataset design = bias ? train.withBias() : train;
        ComboSet set = combos.combosOf(design, m1);
        return switch (kind) {
            case PATH3 -> PathCertificate.betaMax(design, set);
            case RELU3 -> WeightDecayCertificate.betaMax(design, set);
            default -> throw new IllegalArgumentException(kind.id() + " is not a parallel three-layer model");
        };
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
