package org.cvxnn.solver.ipm;

import java.util.Map;

/**
 * What an interior-point solve returns.
 *
 * @param status         how the iteration ended
 * @param iterations     interior-point iterations taken
 * @param objective      certified primal objective: the program's objective at {@code weights},
 *                       which are exactly feasible (repaired if needed, ipm.md §5.2)
 * @param dualBound      a rigorous lower bound on the program's optimum (a feasible dual point)
 * @param gapAbs         {@code objective − dualBound} (≥ 0 up to rounding)
 * @param gapRel         {@code gapAbs / max(1, |objective|)}
 * @param resPrimal      Clarabel's relative primal residual at the last iterate
 * @param resDual        Clarabel's relative dual residual at the last iterate
 * @param weights        the solution, column-major d×B: block j is {@code weights[j*d .. j*d+d)}; for
 *                       the ReLU program blocks 0..P−1 are the v_i and P..2P−1 the w_i
 * @param blocks         B
 * @param d              block dimension
 * @param seconds        wall seconds per phase (setup, initialise, residuals, scaling, factor, solve, certificate)
 * @param totalSeconds   wall seconds of the whole call
 */
public record IpmResult(SolveStatus status, int iterations, double objective, double dualBound, double gapAbs, double gapRel,
                        double resPrimal, double resDual, double[] weights, int blocks, int d,
                        Map<String, Double> seconds, double totalSeconds) {
}
