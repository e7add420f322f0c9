package org.cvxnn.solver;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.data.ProblemArguments;
import org.cvxnn.solver.ipm.IpmResult;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.TwoLayerSolver;
import org.cvxnn.solver.network.GatedNetwork;
import org.cvxnn.solver.network.Network;
import org.cvxnn.solver.network.TwoLayerNetwork;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A two-layer training problem in its convex form: data, model, β and activation patterns.
 * <pre>{@code
 * TwoLayerProblem problem = TwoLayerProblem.builder(data)
 *         .beta(0.1).bias(true).patterns(PatternSource.sampled(500, 42)).build();
 * ConvexSolution solution = problem.solve(IpmSettings.defaults());
 * double[] predictions = solution.model().predict(data);
 * }</pre>
 * The patterns are computed once, when the problem is built.
 */
public final class TwoLayerProblem {
    private final ModelKind kind;
    private final Dataset features;
    private final Dataset design;
    private final boolean bias;
    private final double beta;
    private final PatternSource source;
    private final PatternSet patterns;
    private final double patternSeconds;

    private TwoLayerProblem(Builder b) {
        this.kind = b.kind;
        this.features = b.features;
        this.bias = b.bias;
        this.beta = b.beta;
        this.source = b.source;
        ProblemArguments.requireSamples(features);
        ProblemArguments.requirePositiveBeta(beta);
        this.design = bias ? features.withBias() : features;
        long t0 = System.nanoTime();
        this.patterns = source.patternsOf(design);
        this.patternSeconds = (System.nanoTime() - t0) * 1e-9;
    }

    /** A builder for a problem on {@code features} (n samples, d features, targets y). */
    public static Builder builder(Dataset features) {
        return new Builder(features);
    }

    public ModelKind kind() { return kind; }

    public double beta() { return beta; }

    public boolean bias() { return bias; }

    /** The data as the network sees them (bias column appended when {@link #bias()}). */
    public Dataset design() { return design; }

    /** The activation patterns of the program. */
    public PatternSet patterns() { return patterns; }

    /** Same as {@link #solve(IpmSettings, PrintStream)} with progress lines, if any, on {@code System.err}. */
    public ConvexSolution solve(IpmSettings settings) {
        return solve(settings, System.err);
    }

    /**
     * Solves the convex program, certifies the result and recovers the network.
     *
     * @param log where the per-iteration progress lines go when {@code settings.verbose()}
     */
    public ConvexSolution solve(IpmSettings settings, PrintStream log) {
        long start = System.nanoTime();
        IpmResult r = TwoLayerSolver.solve(design, patterns, beta, kind == ModelKind.GATED2, settings, log);
        long t0 = System.nanoTime();
        TrainedModel model = new TrainedModel(kind, bias, recover(r));
        double nonconvex = model.network().objective(design, beta);
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("patterns", patternSeconds);
        seconds.putAll(r.seconds());
        seconds.put("recovery", (System.nanoTime() - t0) * 1e-9);
        return new ConvexSolution(r.status(), r.objective(), r.dualBound(), r.gapRel(), r.iterations(), patterns.size(),
                source.complete(), model, nonconvex, r.resPrimal(), r.resDual(), seconds,
                patternSeconds + (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The network of a convex solution (formulations §1.5, §1.7): one neuron per non-zero block
     * {@code v}, with first-layer weights {@code v/√‖v‖} and output weight {@code ±√‖v‖}.
     */
    private Network recover(IpmResult r) {
        int d = r.d(), p = patterns.size();
        double[] w = r.weights();
        int m = 0;
        for (int j = 0; j < r.blocks(); j++) if (norm(w, j * d, d) > 0) m++;
        double[] w1 = new double[m * d], alpha = new double[m], gates = new double[m * d];
        int k = 0;
        for (int j = 0; j < r.blocks(); j++) {
            double len = norm(w, j * d, d);
            if (len == 0) continue;
            double root = Math.sqrt(len);
            for (int c = 0; c < d; c++) w1[k * d + c] = w[j * d + c] / root;
            alpha[k] = j < p ? root : -root;
            System.arraycopy(patterns.gate(j % p), 0, gates, k * d, d);
            k++;
        }
        return kind == ModelKind.GATED2 ? new GatedNetwork(d, m, gates, w1, alpha) : new TwoLayerNetwork(d, m, w1, alpha);
    }

    private static double norm(double[] v, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) s += v[i] * v[i];
        return Math.sqrt(s);
    }

    /** Builder of a {@link TwoLayerProblem}; defaults: {@link ModelKind#RELU2}, no bias, 500 sampled gates with seed 0. */
    public static final class Builder {
        private final Dataset features;
        private ModelKind kind = ModelKind.RELU2;
        private boolean bias;
        private double beta = Double.NaN;
        private PatternSource source = PatternSource.sampled(500, 0);

        private Builder(Dataset features) {
            this.features = Objects.requireNonNull(features, "features");
        }

        /** {@link ModelKind#RELU2} or {@link ModelKind#GATED2}. */
        public Builder model(ModelKind kind) {
            if (kind != ModelKind.RELU2 && kind != ModelKind.GATED2)
                throw new IllegalArgumentException("a two-layer problem is relu2 or gated2, not " + kind.id());
            this.kind = kind;
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

        public Builder patterns(PatternSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Computes the patterns and returns the problem. */
        public TwoLayerProblem build() {
            if (Double.isNaN(beta)) throw new IllegalArgumentException("beta is required: call beta(β) with β > 0");
            return new TwoLayerProblem(this);
        }
    }
}
