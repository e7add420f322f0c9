package org.cvxnn.solver.baseline;

import java.util.List;
import java.util.Objects;

/**
 * A restarts × learning-rate grid for {@link BaselineSearch}.
 *
 * @param training    settings of every run; its learning rate is replaced by the grid and restart
 *                    {@code r} uses seed {@code training.seed() + r}; default {@link TrainingSettings#defaults()}
 * @param restarts    number of seeded initialisations, {@code >= 1}; default 5
 * @param stepFactors the grid, as multiples of {@link BaselineSearch#referenceStep}, each finite and
 *                    {@code > 0}, at least one; default {@code {1, 0.3, 0.1, 0.03, 0.01}}
 */
public record SearchSettings(TrainingSettings training, int restarts, List<Double> stepFactors) {

    public SearchSettings {
        Objects.requireNonNull(training, "training");
        if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        stepFactors = List.copyOf(stepFactors);
        if (stepFactors.isEmpty()) throw new IllegalArgumentException("the learning-rate grid needs at least one step factor");
        for (double f : stepFactors) {
            if (!(f > 0) || !Double.isFinite(f))
                throw new IllegalArgumentException("step factors must be finite and > 0, got " + f);
        }
    }

    /** Default training settings, 5 restarts, step factors {@code {1, 0.3, 0.1, 0.03, 0.01}}. */
    public static SearchSettings defaults() {
        return new SearchSettings(TrainingSettings.defaults(), 5, List.of(1.0, 0.3, 0.1, 0.03, 0.01));
    }

    public SearchSettings withTraining(TrainingSettings value) {
        return new SearchSettings(value, restarts, stepFactors);
    }

    public SearchSettings withRestarts(int value) {
        return new SearchSettings(training, value, stepFactors);
    }

    public SearchSettings withStepFactors(List<Double> value) {
        return new SearchSettings(training, restarts, value);
    }

    /** Number of runs, {@code restarts × stepFactors.size()}. */
    public int runs() {
        return restarts * stepFactors.size();
    }
}
