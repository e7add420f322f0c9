package org.cvxnn.solver.baseline;

import java.time.Duration;
import java.util.Objects;

/**
 * How a baseline trainer optimises; the architecture belongs to the trainer, the regularisation
 * strength to the problem. Build from {@link #defaults()} and the {@code with*} methods.
 *
 * <p>Minibatch steps use the estimate {@code (n/|B|)·½‖f_B − y_B‖² + penalty}, whose expectation is
 * the full objective, so the learning rate means the same thing for every batch size. An epoch is one
 * pass over the data ({@code ceil(n/batchSize)} steps; one step for the full batch).
 *
 * @param optimizer    the method; default {@link Optimizer#ADAM}
 * @param learningRate step size, finite and {@code > 0}; default {@code 1e-2}
 * @param epochs       passes over the data, {@code >= 1}; default 1000
 * @param batchSize    rows per step, {@code >= 1} and at most the sample count (checked when training),
 *                     or {@link #FULL_BATCH}; must be {@code FULL_BATCH} for gradient descent; default
 *                     {@code FULL_BATCH}
 * @param momentum     heavy-ball coefficient in {@code [0, 1)} for gradient descent and SGD
 *                     ({@code v ← μv + g, θ ← θ − ηv}); must be 0 for Adam; default 0
 * @param timeLimit    wall-clock budget, positive; default 10 minutes
 * @param traceEvery   record the exact objective every this many epochs, {@code >= 1}; default 1
 * @param seed         seeds the initialisation and the batch order; default 0
 */
public record TrainingSettings(Optimizer optimizer, double learningRate, int epochs, int batchSize,
                               double momentum, Duration timeLimit, int traceEvery, long seed) {

    /** Batch size meaning "all samples". */
    public static final int FULL_BATCH = 0;

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (!(learningRate > 0) || !Double.isFinite(learningRate))
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 0)
            throw new IllegalArgumentException("batch size must be >= 1 or FULL_BATCH (0), got " + batchSize);
        if (optimizer == Optimizer.GRADIENT_DESCENT && batchSize != FULL_BATCH)
            throw new IllegalArgumentException("gradient descent always uses the full batch, got batch size " + batchSize
                    + "; use FULL_BATCH, or SGD for minibatches");
        if (!(momentum >= 0 && momentum < 1))
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (optimizer == Optimizer.ADAM && momentum != 0)
            throw new IllegalArgumentException("momentum " + momentum + " does not apply to Adam (it has its own β₁ = 0.9); set it to 0");
        if (timeLimit.isNegative() || timeLimit.isZero())
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        if (traceEvery < 1) throw new IllegalArgumentException("traceEvery must be >= 1 epoch, got " + traceEvery);
    }

    /** Adam, learning rate 1e-2, 1000 epochs, full batch, no momentum, 10 minutes, trace every epoch, seed 0. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(Optimizer.ADAM, 1e-2, 1000, FULL_BATCH, 0.0, Duration.ofMinutes(10), 1, 0L);
    }

    public TrainingSettings withOptimizer(Optimizer value) {
        return new TrainingSettings(value, learningRate, epochs, batchSize, momentum, timeLimit, traceEvery, seed);
    }

    public TrainingSettings withLearningRate(double value) {
        return new TrainingSettings(optimizer, value, epochs, batchSize, momentum, timeLimit, traceEvery, seed);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(optimizer, learningRate, value, batchSize, momentum, timeLimit, traceEvery, seed);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(optimizer, learningRate, epochs, value, momentum, timeLimit, traceEvery, seed);
    }

    public TrainingSettings withMomentum(double value) {
        return new TrainingSettings(optimizer, learningRate, epochs, batchSize, value, timeLimit, traceEvery, seed);
    }

    public TrainingSettings withTimeLimit(Duration value) {
        return new TrainingSettings(optimizer, learningRate, epochs, batchSize, momentum, value, traceEvery, seed);
    }

    public TrainingSettings withTraceEvery(int value) {
        return new TrainingSettings(optimizer, learningRate, epochs, batchSize, momentum, timeLimit, value, seed);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(optimizer, learningRate, epochs, batchSize, momentum, timeLimit, traceEvery, value);
    }

    /**
     * The rows per step for a data set of {@code n} samples.
     *
     * @throws IllegalArgumentException if the batch size exceeds {@code n}
     */
    public int batchRows(int n) {
        if (batchSize == FULL_BATCH) return n;
        if (batchSize > n)
            throw new IllegalArgumentException("batch size " + batchSize + " exceeds the " + n + " samples of the data set");
        return batchSize;
    }
}
