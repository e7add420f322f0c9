package org.cvxnn.solver.arrangement;

import java.util.List;

/**
 * The full-dimensional cells of a central hyperplane arrangement {@code {h ∈ R^k : a_iᵀh = 0}}
 * given by {@code m} unit rows of rank {@code k} (row-major, {@code rows[i*k ..]}): one witness
 * {@code h} per cell with {@code a_iᵀh ≠ 0} for every row. Nothing is dropped.
 *
 * <p>{@code k = 1}: the two half-lines; {@code k = 2}: {@link AngularSweep}; {@code k ≥ 3}:
 * {@link ExtremeRays}, which comes back here for the local arrangement around a degenerate ray.
 */
final class CentralArrangement {

    private CentralArrangement() {}

    /**
     * @param tol ties: rows closer than this to vanishing on a ray, or critical angles closer than
     *            this, are treated as exactly degenerate (cells thinner than about {@code tol} may be missed)
     */
    static List<double[]> cells(double[] rows, int m, int k, double tol) {
        return switch (k) {
            case 1 -> List.of(new double[] {1.0}, new double[] {-1.0});
            case 2 -> AngularSweep.cells(rows, m, tol);
            default -> ExtremeRays.cells(rows, m, k, tol);
        };
    }
}
