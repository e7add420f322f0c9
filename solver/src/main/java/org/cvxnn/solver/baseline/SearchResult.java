package org.cvxnn.solver.baseline;

import java.util.List;

/**
 * The outcome of a {@link BaselineSearch}.
 *
 * @param best          the run with the lowest objective (the first such in run order)
 * @param runs          every run, restart-major then grid order; each carries its learning rate and
 *                      seed in {@link TrainingResult#settings()}
 * @param referenceStep the step the grid factors multiplied
 * @param seconds       wall-clock seconds of the whole search
 * @param <N>           the network type
 */
public record SearchResult<N>(TrainingResult<N> best, List<TrainingResult<N>> runs, double referenceStep, double seconds) {

    public SearchResult {
        runs = List.copyOf(runs);
    }
}
