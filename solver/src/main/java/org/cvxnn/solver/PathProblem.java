package org.cvxnn.solver;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.data.ProblemArguments;
import org.cvxnn.solver.ipm.IpmResult;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.PathThreeLayerSolver;
import org.cvxnn.solver.ipm.PathTreeSolver;
import org.cvxnn.solver.ipm.WeightDecayThreeLayerSolver;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.cvxnn.solver.network.TreeNetwork;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parallel three-layer training problem in its convex form: data, sub-network width m1, β, combos
 * and the regulariser — the path norm ({@link ModelKind#PATH3}, formulations §4, the default) or
 * weight decay ({@link ModelKind#RELU3}, formulations (3.1)/(3.4)) — or a parallel depth-L
 * path-regularised problem ({@link ModelKind#PATHL}, §4.3) whose sub-networks are trees with hidden
 * widths m1 at every layer ({@code .depth(L)}) or given widths ({@code .widths(m_1, .., m_{L−2})}):
 * <pre>{@code
 * PathProblem deep = PathProblem.builder(data).model(ModelKind.PATHL).m1(2).depth(4)
 *         .beta(0.1).combos(ComboSource.sampled(2000, 1)).build();
 * }</pre>
 * <pre>{@code
 * PathProblem problem = PathProblem.builder(data)
 *         .m1(2).beta(0.1).bias(true).combos(ComboSource.sampled(200, 42)).build();
 * ConvexSolution solution = problem.solve(IpmSettings.defaults(), System.err);
 * double[] predictions = solution.model().predict(data);
 * }</pre>
 * The combos are computed once, when the problem is built. The solution's model is a
 * {@link ThreeLayerNetwork} of the problem's kind (a {@link TreeNetwork} for pathL); its
 * {@code patterns} count the combos.
 */
public final class PathProblem {
    private final ModelKind model;
    private final Dataset design;
    private final boolean bias;
    private final double beta;
    private final int m1;
    private final ComboSource source;
    private final ComboSet combos;
    private final TreeShape shape;
    private final TreeComboSet treeCombos;
    private final double comboSeconds;

    private PathProblem(Builder b) {
        this.model = b.model;
        this.bias = b.bias;
        this.beta = b.beta;
        this.m1 = b.m1;
        this.source = b.source;
        ProblemArguments.requireSamples(b.features);
        ProblemArguments.requirePositiveBeta(beta);
        this.design = bias ? b.features.withBias() : b.features;
        this.shape = b.shape();
        if (shape != null && (long) shape.leaves() * design.d() > PathTreeSolver.MAX_BLOCK_DIMENSION)
            throw new IllegalArgumentException("the tree has " + shape.leaves() + " leaves of " + design.d()
                    + " weights each (d" + (bias ? " with the bias" : "") + "): a block of " + shape.leaves() * design.d()
                    + " exceeds the supported maximum " + PathTreeSolver.MAX_BLOCK_DIMENSION + "; use a smaller width or depth");
        long t0 = System.nanoTime();
        this.combos = shape == null ? source.combosOf(design, m1) : null;
        this.treeCombos = shape == null ? null : source.treeCombosOf(design, shape);
        this.comboSeconds = (System.nanoTime() - t0) * 1e-9;
    }

    /** A builder for a problem on {@code features} (n samples, d features, targets y). */
    public static Builder builder(Dataset features) {
        return new Builder(features);
    }

    /** {@link ModelKind#PATH3}, {@link ModelKind#RELU3} or {@link ModelKind#PATHL}. */
    public ModelKind model() { return model; }

    /** The regulariser of {@link #model()}. */
    public ThreeLayerPenalty penalty() { return penalty(model); }

    public double beta() { return beta; }

    public boolean bias() { return bias; }

    /** First-layer neurons per sub-network (pathL with {@code depth(L)}: the width of every hidden layer below the root). */
    public int m1() { return m1; }

    /** The data as the network sees them (bias column appended when {@link #bias()}). */
    public Dataset design() { return design; }

    /** The combos of a path3 or relu3 program. @throws IllegalStateException for pathL (see {@link #treeCombos()}) */
    public ComboSet combos() {
        if (combos == null) throw new IllegalStateException("a pathL problem has tree combos: use treeCombos()");
        return combos;
    }

    /** The sub-network tree of a pathL problem. @throws IllegalStateException for path3 and relu3 */
    public TreeShape shape() {
        if (shape == null) throw new IllegalStateException("only a pathL problem has a tree shape");
        return shape;
    }

    /** The tree combos of a pathL program. @throws IllegalStateException for path3 and relu3 */
    public TreeComboSet treeCombos() {
        if (treeCombos == null) throw new IllegalStateException("only a pathL problem has tree combos");
        return treeCombos;
    }

    /**
     * Solves the convex program ((4.2) for path3, (3.4) for relu3), certifies the result and
     * recovers the network (§4.2, §3.8).
     *
     * @param log where the per-iteration progress lines go when {@code settings.verbose()}
     */
    public ConvexSolution solve(IpmSettings settings, PrintStream log) {
        if (model == ModelKind.PATHL) return solveTree(settings, log);
        long start = System.nanoTime();
        IpmResult r = model == ModelKind.RELU3
                ? WeightDecayThreeLayerSolver.solve(design, combos, beta, settings, log)
                : PathThreeLayerSolver.solve(design, combos, beta, settings, log);
        long t0 = System.nanoTime();
        ParallelThreeLayerNetwork weights = model == ModelKind.RELU3
                ? WeightDecayThreeLayerSolver.network(combos, r)
                : PathThreeLayerSolver.network(combos, r);
        TrainedModel trained = new TrainedModel(model, bias, new ThreeLayerNetwork(weights, penalty()));
        double nonconvex = trained.network().objective(design, beta);
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("combos", comboSeconds);
        seconds.putAll(r.seconds());
        seconds.put("recovery", (System.nanoTime() - t0) * 1e-9);
        return new ConvexSolution(r.status(), r.objective(), r.dualBound(), r.gapRel(), r.iterations(), combos.size(),
                source.complete(), trained, nonconvex, r.resPrimal(), r.resDual(), seconds,
                comboSeconds + (System.nanoTime() - start) * 1e-9);
    }

    private ConvexSolution solveTree(IpmSettings settings, PrintStream log) {
        long start = System.nanoTime();
        IpmResult r = PathTreeSolver.solve(design, treeCombos, beta, settings, log);
        long t0 = System.nanoTime();
        TrainedModel trained = new TrainedModel(model, bias, PathTreeSolver.network(treeCombos, r));
        double nonconvex = trained.network().objective(design, beta);
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("combos", comboSeconds);
        seconds.putAll(r.seconds());
        seconds.put("recovery", (System.nanoTime() - t0) * 1e-9);
        return new ConvexSolution(r.status(), r.objective(), r.dualBound(), r.gapRel(), r.iterations(), treeCombos.size(),
                source.complete(), trained, nonconvex, r.resPrimal(), r.resDual(), seconds,
                comboSeconds + (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The regulariser of a three-layer kind.
     *
     * @throws IllegalArgumentException if {@code kind} is not a three-layer kind
     */
    public static ThreeLayerPenalty penalty(ModelKind kind) {
        return switch (kind) {
            case PATH3 -> ThreeLayerPenalty.PATH;
            case RELU3 -> ThreeLayerPenalty.WEIGHT_DECAY;
            case RELU2, GATED2, PATHL -> throw new IllegalArgumentException(
                    "a three-layer problem is path3 or relu3, not " + kind.id());
        };
    }

    /** Builder of a {@link PathProblem}; defaults: path3, m1 = 2, no bias, 500 sampled combos with seed 0. */
    public static final class Builder {
        private final Dataset features;
        private ModelKind model = ModelKind.PATH3;
        private int m1 = 2;
        private int depth;
        private int[] widths;
        private boolean bias;
        private double beta = Double.NaN;
        private ComboSource source = ComboSource.sampled(500, 0);

        private Builder(Dataset features) {
            this.features = Objects.requireNonNull(features, "features");
        }

        /** {@link ModelKind#PATH3} (path norm), {@link ModelKind#RELU3} (weight decay) or {@link ModelKind#PATHL} (depth-L path norm). */
        public Builder model(ModelKind model) {
            if (Objects.requireNonNull(model, "model") != ModelKind.PATHL) penalty(model);
            this.model = model;
            return this;
        }

        /**
         * pathL only: depth L ≥ 3 of the sub-networks, with {@link #m1} neurons at every hidden layer
         * below the root ({@code m1^{L−2}} leaves; see {@link TreeShape} for the size limits).
         */
        public Builder depth(int depth) {
            if (depth < 3) throw new IllegalArgumentException("depth L must be >= 3, got " + depth);
            this.depth = depth;
            return this;
        }

        /** pathL only, instead of {@link #depth}: the hidden widths {@code m_1..m_{L−2}} of the tree (bottom-up). */
        public Builder widths(int... widths) {
            TreeShape.of(widths);
            this.widths = widths.clone();
            return this;
        }

        /** The tree of a pathL problem, null otherwise; checks that depth and widths fit the model. */
        private TreeShape shape() {
            if (model != ModelKind.PATHL) {
                if (depth != 0 || widths != null)
                    throw new IllegalArgumentException("depth and widths apply only to the pathL model, not to " + model.id());
                return null;
            }
            if (depth != 0 && widths != null) throw new IllegalArgumentException("give either depth(L) or widths(...), not both");
            if (depth == 0 && widths == null) throw new IllegalArgumentException("the pathL model needs depth(L) (or widths(...))");
            return widths != null ? TreeShape.of(widths) : TreeShape.uniform(m1, depth);
        }

        /** First-layer neurons per sub-network, ≥ 1. */
        public Builder m1(int m1) {
            if (m1 < 1) throw new IllegalArgumentException("m1 (first-layer neurons per sub-network) must be >= 1, got " + m1);
            this.m1 = m1;
            return this;
        }

        /** The regularisation strength β &gt; 0 (required). */
        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Whether a constant bias column is appended to the features. */
        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        public Builder combos(ComboSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Computes the combos and returns the problem. */
        public PathProblem build() {
            if (Double.isNaN(beta)) throw new IllegalArgumentException("beta is required: call beta(β) with β > 0");
            return new PathProblem(this);
        }
    }
}
