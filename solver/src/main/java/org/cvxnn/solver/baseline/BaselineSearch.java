package org.cvxnn.solver.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.cvxnn.solver.data.Dataset;

/**
 * Seeded restarts × a learning-rate grid around one trainer; keeps the run with the lowest objective.
 *
 * <p>The grid is {@code factor × referenceStep}. Because the loss is a sum over samples, a stable
 * (S)GD step shrinks like {@code 1/(n·‖x‖²)}; the reference step is therefore the inverse of a cheap
 * Lipschitz estimate, see {@link #referenceStep}. Adam normalises the gradient, so its step lives in
 * parameter units and the reference is the fixed {@value #ADAM_REFERENCE_STEP}.
 *
 * <p>Runs execute one after another (so their times are comparable) in a fixed order; the result is
 * a function of the data, β and the settings unless a run hits its time limit.
 *
 * @param <N> the network type
 */
public final class BaselineSearch<N> {

    /** Reference step for Adam: the default grid is then {@code {1e-1, 3e-2, 1e-2, 3e-3, 1e-3}}. */
    public static final double ADAM_REFERENCE_STEP = 0.1;

    private final Trainer<N> trainer;

    public BaselineSearch(Trainer<N> trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    /** Runs the search without progress reports. */
    public SearchResult<N> run(Dataset data, double beta, SearchSettings settings) {
        return run(data, beta, settings, result -> {});
    }

    /**
     * Runs every restart with every learning rate of the grid.
     *
     * @param progress called after each run, in run order, with that run's result
     */
    public SearchResult<N> run(Dataset data, double beta, SearchSettings settings, Consumer<? super TrainingResult<N>> progress) {
        long start = System.nanoTime();
        Objects.requireNonNull(progress, "progress");
        TrainingSettings base = settings.training();
        double reference = referenceStep(data, beta, base);
        List<TrainingResult<N>> runs = new ArrayList<>(settings.runs());
        TrainingResult<N> best = null;
        for (int r = 0; r < settings.restarts(); r++) {
            for (double factor : settings.stepFactors()) {
                TrainingSettings run = base.withSeed(base.seed() + r).withLearningRate(factor * reference);
                TrainingResult<N> result = trainer.train(data, beta, run);
                runs.add(result);
                if (best == null || result.objective() < best.objective()) best = result;
                progress.accept(result);
            }
        }
        return new SearchResult<>(best, runs, reference, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The step the grid is relative to. For Adam, {@link #ADAM_REFERENCE_STEP}. For gradient descent
     * and SGD, {@code (1 − μ)/L} with momentum {@code μ} and
     * {@code L = max(‖X‖₂², (n/b)·max_i ‖x_i‖²) + β}, batch size {@code b}: the first term is the
     * curvature of the full sum loss of a linear model ({@code ‖X‖₂²} by power iteration on
     * {@code XᵀX}), the second the worst curvature of a minibatch estimate scaled by {@code n/b}
     * (it equals {@code n·max‖x_i‖²} for single samples and never exceeds {@code ‖X‖₂²} for the full
     * batch); a ReLU layer only masks rows, so with unit-scale downstream weights this bounds the
     * per-layer curvature.
     */
    public static double referenceStep(Dataset data, double beta, TrainingSettings settings) {
        TrainingLoop.requireBeta(beta);
        if (settings.optimizer() == Optimizer.ADAM) return ADAM_REFERENCE_STEP;
        int n = data.n(), batch = settings.batchRows(n);
        double lipschitz = Math.max(DenseOps.largestGramEigenvalue(data),
                (double) n / batch * DenseOps.largestRowNormSquared(data)) + beta;
        return lipschitz > 0 ? (1 - settings.momentum()) / lipschitz : 1.0;
    }
}
