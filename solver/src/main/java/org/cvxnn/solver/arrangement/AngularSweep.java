package org.cvxnn.solver.arrangement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cells of a central arrangement of lines in the plane (formulations §6.2, {@code r = 2}). Row
 * {@code a_i} at angle {@code θ_i} vanishes at the gate angles {@code θ_i ± π/2}; between two
 * consecutive distinct critical angles the sign vector is constant, so the mid-angles are one
 * witness per cell. O(m log m); {@code 2m} cells in general position, fewer when rows are parallel.
 */
final class AngularSweep {

    private AngularSweep() {}

    /** See {@link CentralArrangement#cells}; rows are {@code m × 2}, row-major. */
    static List<double[]> cells(double[] rows, int m, double tol) {
        double[] critical = new double[2 * m];
        for (int i = 0; i < m; i++) {
            double theta = Math.atan2(rows[2 * i + 1], rows[2 * i]);
            critical[2 * i] = wrap(theta + Math.PI / 2);
            critical[2 * i + 1] = wrap(theta - Math.PI / 2);
        }
        Arrays.sort(critical);
        double[] distinct = new double[critical.length];
        int count = 0;
        for (double c : critical) {
            if (count == 0 || c - distinct[count - 1] > tol) distinct[count++] = c;
        }
        if (count > 1 && distinct[0] + 2 * Math.PI - distinct[count - 1] <= tol) count--; // same angle across 0
        List<double[]> cells = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            double next = j + 1 < count ? distinct[j + 1] : distinct[0] + 2 * Math.PI;
            double mid = 0.5 * (distinct[j] + next);
            cells.add(new double[] {Math.cos(mid), Math.sin(mid)});
        }
        return cells;
    }

    /** The angle in {@code [0, 2π)}. */
    private static double wrap(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
