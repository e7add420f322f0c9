package org.cvxnn.solver.compare;

import java.util.List;
import java.util.Objects;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.data.ProblemArguments;
import org.cvxnn.solver.ipm.IpmSettings;

/**
 * What a {@link Comparison} runs: one convex problem and a baseline search per optimiser.
 *
 * @param kind       the convex model; default {@link ModelKind#RELU2}. For the two-layer kinds the
 *                   baselines train two-layer ReLU networks, so with {@link ModelKind#GATED2} the rows
 *                   compare two model families under the same objective formula. With
 *                   {@link ModelKind#PATH3} the convex program is the path-regularised three-layer one
 *                   (formulations §4) and the baselines train parallel three-layer ReLU networks with
 *                   sub-networks of {@code m1} neurons on the path objective (4.1); with
 *                   {@link ModelKind#RELU3} the same on the weight-decay program (3.4) and objective (3.1)
 * @param beta       regularisation strength β &gt; 0 of the shared objective
 * @param bias       whether a constant bias column is appended to the features (for every method);
 *                   default false
 * @param patterns   the activation patterns of a two-layer convex program; default 500 sampled
 *                   gates, seed 0; unused for {@link ModelKind#PATH3} and {@link ModelKind#RELU3}
 * @param m1         first-layer neurons per sub-network of the three-layer kinds (convex and
 *                   baselines; per hidden layer for {@link ModelKind#PATHL}), at least 1; default {@value #DEFAULT_M1}; unused for two layers
 * @param combos     the combos of the three-layer and pathL programs; default 500 sampled, seed 0;
 *                   unused for two layers
 * @param ipm        interior-point settings; default {@link IpmSettings#defaults()}
 * @param search     restarts, learning-rate grid and training settings of every baseline; its
 *                   optimiser is replaced by each of {@code optimizers}, gradient descent always uses
 *                   the full batch, Adam no momentum, and a batch larger than the training set is
 *                   cut to it; default {@link SearchSettings#defaults()} with minibatches of
 *                   {@value #DEFAULT_BATCH} and {@value #DEFAULT_EPOCHS} epochs
 * @param optimizers the baselines, one result row each, distinct, at least one; default SGD, Adam
 * @param width      hidden neurons (for the three-layer kinds: sub-networks K) of the baseline
 *                   networks, or {@link #CONVEX_WIDTH} for the count of the network recovered from
 *                   the convex solution (at least 1); default {@link #CONVEX_WIDTH}
 * @param depth      depth L ≥ 3 of the {@link ModelKind#PATHL} sub-networks (convex and baselines),
 *                   with {@code m1} neurons at every hidden layer below the root; default 3; unused
 *                   for the other kinds
 */
public record ComparisonSettings(ModelKind kind, double beta, boolean bias, PatternSource patterns, int m1,
                                 ComboSource combos, IpmSettings ipm, SearchSettings search, List<Optimizer> optimizers,
                                 int width, int depth) {

    /** Width value meaning "as many neurons as the recovered convex network". */
    public static final int CONVEX_WIDTH = 0;
    /** Default minibatch size of the baselines. */
    public static final int DEFAULT_BATCH = 32;
    /** Default number of epochs of every baseline run. */
    public static final int DEFAULT_EPOCHS = 500;
    /** Default first-layer neurons per sub-network of the three-layer kinds (per hidden layer for {@link ModelKind#PATHL}). */
    public static final int DEFAULT_M1 = 2;

    public ComparisonSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(combos, "combos");
        if (m1 < 1) throw new IllegalArgumentException("m1 (first-layer neurons per sub-network) must be >= 1, got " + m1);
        Objects.requireNonNull(ipm, "ipm");
        Objects.requireNonNull(search, "search");
        ProblemArguments.requirePositiveBeta(beta);
        optimizers = List.copyOf(optimizers);
        if (optimizers.isEmpty()) throw new IllegalArgumentException("at least one baseline optimizer is needed");
        if (optimizers.stream().distinct().count() != optimizers.size())
            throw new IllegalArgumentException("baseline optimizers repeat: " + optimizers);
        if (width < 0) throw new IllegalArgumentException("width must be >= 1, or CONVEX_WIDTH (0), got " + width);
        if (depth < 3) throw new IllegalArgumentException("depth L must be >= 3, got " + depth);
    }

    /** The defaults described above, with regularisation {@code beta}. */
    public static ComparisonSettings defaults(double beta) {
        SearchSettings search = SearchSettings.defaults().withTraining(
                TrainingSettings.defaults().withBatchSize(DEFAULT_BATCH).withEpochs(DEFAULT_EPOCHS));
        return new ComparisonSettings(ModelKind.RELU2, beta, false, PatternSource.sampled(500, 0), DEFAULT_M1,
                ComboSource.sampled(500, 0), IpmSettings.defaults(),
                search, List.of(Optimizer.SGD, Optimizer.ADAM), CONVEX_WIDTH, 3);
    }

    public ComparisonSettings withKind(ModelKind value) {
        return new ComparisonSettings(value, beta, bias, patterns, m1, combos, ipm, search, optimizers, width, depth);
    }

    public ComparisonSettings withBeta(double value) {
        return new ComparisonSettings(kind, value, bias, patterns, m1, combos, ipm, search, optimizers, width, depth);
    }

    public ComparisonSettings withBias(boolean value) {
        return new ComparisonSettings(kind, beta, value, patterns, m1, combos, ipm, search, optimizers, width, depth);
    }

    public ComparisonSettings withPatterns(PatternSource value) {
        return new ComparisonSettings(kind, beta, bias, value, m1, combos, ipm, search, optimizers, width, depth);
    }

    public ComparisonSettings withM1(int value) {
        return new ComparisonSettings(kind, beta, bias, patterns, value, combos, ipm, search, optimizers, width, depth);
    }

    public ComparisonSettings withCombos(ComboSource value) {
        return new ComparisonSettings(kind, beta, bias, patterns, m1, value, ipm, search, optimizers, width, depth);
    }

    public ComparisonSettings withIpm(IpmSettings value) {
        return new ComparisonSettings(kind, beta, bias, patterns, m1, combos, value, search, optimizers, width, depth);
    }

    public ComparisonSettings withSearch(SearchSettings value) {
        return new ComparisonSettings(kind, beta, bias, patterns, m1, combos, ipm, value, optimizers, width, depth);
    }

    public ComparisonSettings withOptimizers(List<Optimizer> value) {
        return new ComparisonSettings(kind, beta, bias, patterns, m1, combos, ipm, search, value, width, depth);
    }

    public ComparisonSettings withWidth(int value) {
        return new ComparisonSettings(kind, beta, bias, patterns, m1, combos, ipm, search, optimizers, value, depth);
    }

    public ComparisonSettings withDepth(int value) {
        return new ComparisonSettings(kind, beta, bias, patterns, m1, combos, ipm, search, optimizers, width, value);
    }
}
