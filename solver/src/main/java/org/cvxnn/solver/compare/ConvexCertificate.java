package org.cvxnn.solver.compare;

import java.util.Objects;

import org.cvxnn.solver.ipm.SolveStatus;

/**
 * What the convex solve proves about the shared objective.
 *
 * @param status        how the interior-point method ended
 * @param objective     the convex objective at the returned solution
 * @param dualBound     a rigorous lower bound on the convex optimum
 * @param gapRel        {@code (objective − dualBound) / max(1, |objective|)}
 * @param patterns      activation patterns in the program (for path3: combos)
 * @param globalOptimum whether every pattern (combo) was included, so that {@code dualBound} bounds
 *                      the objective of every two-layer network of any width, resp. for path3 of
 *                      every parallel three-layer network with sub-networks of m1 neurons and any
 *                      number of them (the baselines included)
 */
public record ConvexCertificate(SolveStatus status, double objective, double dualBound, double gapRel, int patterns,
                                boolean globalOptimum) {

    public ConvexCertificate {
        Objects.requireNonNull(status, "status");
    }

    /** {@code objective − dualBound}, the absolute gap. */
    public double gap() {
        return objective - dualBound;
    }
}
