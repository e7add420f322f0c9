package org.cvxnn.solver.combo;

import java.util.ArrayList;
import java.util.List;
import org.cvxnn.solver.lp.MarginLp;

/**
 * Full-dimensional cells of an arrangement of central hyperplanes inside an open polyhedral cone,
 * by incremental LP splitting (formulations §3.7, §6.3): the planes are inserted one by one, every
 * cell keeps a witness strictly inside it, and a cell is split iff a max-margin LP
 * ({@link MarginLp}) finds a point with margin above the tolerance on the other side of the new
 * plane. A side the witness already lies on (with margin) needs no LP.
 */
final class SecondLayerCells {

    private record Cell(byte[] sides, double[] witness) {}

    private SecondLayerCells() {}

    /**
     * @param cone       {@code coneRows × dim} unit rows {@code a}, row-major: the cone is {@code {a·u > 0}}
     * @param planes     {@code planeCount × dim} unit normals, row-major
     * @param start      a point strictly inside the cone
     * @param tolerance  LP margin a new cell needs
     * @return one witness per cell, strictly inside the cone and off every plane
     */
    static List<double[]> witnesses(double[] cone, int coneRows, double[] planes, int planeCount, int dim,
                                    double[] start, double tolerance) {
        List<Cell> cells = List.of(new Cell(new byte[planeCount], start));
        for (int k = 0; k < planeCount; k++) {
            List<Cell> next = new ArrayList<>();
            for (Cell cell : cells) {
                double v = dot(planes, k * dim, cell.witness(), dim);
                for (int side = 1; side >= -1; side -= 2) {
                    double[] w = side * v > tolerance ? cell.witness()
                            : strictPoint(cone, coneRows, planes, cell.sides(), k, side, dim, tolerance);
                    if (w == null) continue;
                    byte[] sides = cell.sides().clone();
                    sides[k] = (byte) side;
                    next.add(new Cell(sides, w));
                }
            }
            cells = next;
        }
        List<double[]> out = new ArrayList<>(cells.size());
        for (Cell cell : cells) out.add(cell.witness());
        return out;
    }

    /** A max-margin point of the cone with the given sides of planes {@code 0..k}, or null if the margin is too small. */
    private static double[] strictPoint(double[] cone, int coneRows, double[] planes, byte[] sides, int k, int side,
                                        int dim, double tolerance) {
        int rows = coneRows + k + 1;
        double[] a = new double[rows * dim];
        for (int r = 0; r < coneRows; r++) {
            for (int l = 0; l < dim; l++) a[r + l * rows] = cone[r * dim + l];
        }
        for (int p = 0; p <= k; p++) {
            double s = p < k ? sides[p] : side;
            for (int l = 0; l < dim; l++) a[coneRows + p + l * rows] = s * planes[p * dim + l];
        }
        double[] h = MarginLp.maxMarginDirection(a, rows, dim);
        return MarginLp.margin(a, rows, dim, h) > tolerance ? h : null;
    }

    private static double dot(double[] a, int off, double[] b, int len) {
        double s = 0;
        for (int l = 0; l < len; l++) s += a[off + l] * b[l];
        return s;
    }
}
