package org.cvxnn.solver.baseline;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.cvxnn.solver.data.Dataset;

/**
 * The epoch loop shared by every baseline trainer: shuffle, then per batch gradient, step and
 * retraction; record the exact objective every {@code traceEvery} epochs; stop at the epoch count,
 * the time limit (checked after every step) or divergence. Everything it needs is allocated before
 * the first epoch.
 */
final class TrainingLoop {
    private final SmoothObjective<?> objective;
    private final double[] params;
    private final long startNanos;
    private final double[] lastFinite;
    private final ObjectiveTrace.Recorder trace;

    private TrainingLoop(SmoothObjective<?> objective, double[] params, TrainingSettings settings, long startNanos) {
        this.objective = objective;
        this.params = params;
        this.startNanos = startNanos;
        this.lastFinite = params.clone();
        this.trace = new ObjectiveTrace.Recorder(Math.min(settings.epochs() / settings.traceEvery() + 2, 4096));
    }

    /**
     * Trains {@code params} (the initialisation, updated in place) and packages the result.
     *
     * @param random     the stream for the batch order
     * @param startNanos {@link System#nanoTime()} when the run started (before initialisation)
     */
    static <N> TrainingResult<N> run(SmoothObjective<N> objective, double[] params, TrainingSettings settings,
                                     SplittableRandom random, long startNanos) {
        assert params.length == objective.dimension();
        TrainingLoop loop = new TrainingLoop(objective, params, settings, startNanos);
        Outcome outcome = loop.optimise(settings, new Minibatches(objective.data(), objective.batchCapacity(), random));
        N network = objective.network(params);
        double value = objective.reportedObjective(network);
        return new TrainingResult<>(network, value, outcome.status(), outcome.epochs(), loop.elapsedSeconds(),
                loop.trace.build(), settings);
    }

    /**
     * A whole training run with every trainer's boundary checks: the objective {@code objective}
     * builds for the batch size of {@code settings} on {@code data}, from the parameters
     * {@code initial} draws from the stream seeded by {@code settings} (a split of it orders the batches).
     */
    static <N> TrainingResult<N> train(Dataset data, double beta, TrainingSettings settings,
                                       IntFunction<SmoothObjective<N>> objective, Function<SplittableRandom, double[]> initial) {
        long start = System.nanoTime();
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        requireBeta(beta);
        int batch = settings.batchRows(data.n());
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] params = initial.apply(random);
        return run(objective.apply(batch), params, settings, random.split(), start);
    }

    /** Checks a regularisation strength (every trainer's boundary check). */
    static void requireBeta(double beta) {
        if (!(beta >= 0) || !Double.isFinite(beta))
            throw new IllegalArgumentException("regularisation strength beta must be finite and >= 0, got " + beta);
    }

    private record Outcome(TrainingStatus status, double epochs) {}

    private Outcome optimise(TrainingSettings settings, Minibatches batches) {
        StepRule rule = StepRule.of(settings, params.length);
        double[] grad = new double[params.length];
        long budget = nanos(settings.timeLimit());
        int epochs = settings.epochs(), steps = batches.count();
        if (!record(0)) return new Outcome(TrainingStatus.DIVERGED, 0);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            batches.shuffle();
            for (int b = 0; b < steps; b++) {
                double progress = epoch - 1 + (b + 1) / (double) steps;
                if (!Double.isFinite(objective.valueAndGradient(params, batches.load(b), grad)))
                    return diverged(epoch - 1 + b / (double) steps);
                rule.apply(params, grad);
                objective.retract(params);
                boolean last = epoch == epochs && b == steps - 1;
                if (!last && System.nanoTime() - startNanos > budget) {
                    return record(progress) ? new Outcome(TrainingStatus.TIME_LIMIT, progress) : diverged(progress);
                }
            }
            if ((epoch % settings.traceEvery() == 0 || epoch == epochs) && !record(epoch)) return diverged(epoch);
        }
        return new Outcome(TrainingStatus.COMPLETED, epochs);
    }

    /** Evaluates and records the exact objective; remembers the iterate if it is finite. */
    private boolean record(double epoch) {
        double value = objective.objective(params);
        if (!Double.isFinite(value)) return false;
        trace.add(epoch, elapsedSeconds(), value);
        System.arraycopy(params, 0, lastFinite, 0, params.length);
        return true;
    }

    private Outcome diverged(double epochs) {
        System.arraycopy(lastFinite, 0, params, 0, params.length);
        return new Outcome(TrainingStatus.DIVERGED, epochs);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /** The duration in nanoseconds, saturating at {@code Long.MAX_VALUE} (about 292 years). */
    private static long nanos(Duration duration) {
        return duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : duration.toNanos();
    }
}
