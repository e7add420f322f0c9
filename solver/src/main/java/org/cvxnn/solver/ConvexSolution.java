package org.cvxnn.solver;

import org.cvxnn.solver.ipm.SolveStatus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link TwoLayerProblem#solve} or {@link PathProblem#solve}: the certified convex
 * solve and the network recovered from it.
 *
 * @param status              how the interior-point method ended
 * @param objective           the convex objective at the returned (exactly feasible) solution
 * @param dualBound           a rigorous lower bound on the convex optimum, from a feasible dual point
 * @param gapRel              certified relative gap {@code (objective − dualBound) / max(1, |objective|)}
 * @param iterations          interior-point iterations
 * @param patterns            number of activation patterns in the program (for {@link ModelKind#PATH3}, {@link ModelKind#RELU3},
 *                            {@link ModelKind#PATHL}: number of combos)
 * @param globalOptimum       whether all patterns were enumerated, so {@code dualBound} also bounds
 *                            every network of this family (not only those using the given patterns)
 * @param model               the recovered network (formulations §1.5 / §1.7 / §4.2)
 * @param nonconvexObjective  the recovered network's non-convex objective; equals {@code objective}
 *                            up to rounding
 * @param resPrimal           relative primal residual at the last iterate
 * @param resDual             relative dual residual at the last iterate
 * @param seconds             wall seconds per phase: patterns (combos for path3), setup, initialise, residuals, scaling,
 *                            factor, solve, certificate, recovery
 * @param totalSeconds        wall seconds of the whole call, pattern computation included
 */
public record ConvexSolution(SolveStatus status, double objective, double dualBound, double gapRel, int iterations,
                             int patterns, boolean globalOptimum, TrainedModel model, double nonconvexObjective,
                             double resPrimal, double resDual, Map<String, Double> seconds, double totalSeconds) {

    public ConvexSolution {
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /** Number of neurons (for {@link ModelKind#PATH3}, {@link ModelKind#RELU3}, {@link ModelKind#PATHL}: sub-networks) of the recovered network. */
    public int activeNeurons() {
        return model.network().m();
    }

    /** Wall seconds of the interior-point method proper (from set-up to the certificate). */
    public double solveSeconds() {
        return seconds.entrySet().stream()
                .filter(e -> !e.getKey().equals("patterns") && !e.getKey().equals("combos")
                        && !e.getKey().equals("recovery"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
