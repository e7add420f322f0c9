package org.cvxnn.solver.certificate;

import java.util.Objects;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * Euclidean projection onto a polyhedral cone {@code K = {u ∈ R^dim : K u >= 0}} given by an
 * explicit row matrix (formulations §1.6, §3.9, §4.2): {@code Π_K(g) = g + Kᵀa*} with
 * {@code a* = argmin_{a >= 0} ‖g + Kᵀa‖}, the nonnegative least-squares problem of Moreau's
 * decomposition (the polar cone is {@code {−Kᵀa : a >= 0}}).
 *
 * <p>The NNLS problem is solved by the Lawson–Hanson active-set method of
 * {@link PolyhedralConeProjector}, applied to the rows of K as the "samples" of a pattern whose
 * every row is active (so that its cone {@code (2D − I)X u >= 0} is exactly {@code K u >= 0}).
 * Rows are normalised internally; zero rows impose nothing. As there, the multipliers stay
 * nonnegative, so {@link ConeProjection#norm()} never lies below the exact
 * {@code ‖Π_K(g)‖ = max_{u ∈ K, ‖u‖ <= 1} gᵀu} beyond rounding.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RowConeProjector {
    private final int dim;
    private final long[] allRows;
    private final PolyhedralConeProjector projector;

    /**
     * @param rows number of constraint rows, at least 1
     * @param dim  dimension of the space, at least 1
     * @param k    the rows, row-major {@code rows × dim} (copied; row r is {@code k[r·dim .. (r+1)·dim)})
     * @throws IllegalArgumentException if a size is not positive, the length does not match or an
     *                                  entry is not finite
     */
    public RowConeProjector(int rows, int dim, double[] k) {
        Objects.requireNonNull(k, "k");
        if (rows < 1) throw new IllegalArgumentException("a cone needs at least one constraint row, got " + rows);
        if (dim < 1) throw new IllegalArgumentException("the cone's dimension must be >= 1, got " + dim);
        if (k.length != (long) rows * dim)
            throw new IllegalArgumentException("the constraint matrix has " + k.length + " entries, expected rows*dim = "
                    + rows + "*" + dim);
        double[] columnMajor = new double[k.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                double value = k[r * dim + j];
                if (!Double.isFinite(value))
                    throw new IllegalArgumentException("constraint row " + r + ", column " + j + " is " + value + "; must be finite");
                columnMajor[r + j * rows] = value;
            }
        }
        this.dim = dim;
        this.allRows = new long[PatternSet.wordsFor(rows)];
        for (int r = 0; r < rows; r++) allRows[r >>> 6] |= 1L << (r & 63);
        this.projector = new PolyhedralConeProjector(new Dataset(rows, dim, columnMajor, new double[rows]));
    }

    /** The dimension of the space the cone lives in. */
    public int dim() {
        return dim;
    }

    /**
     * {@code Π_K(g)}.
     *
     * @throws IllegalArgumentException if {@code g} does not have length {@link #dim()}
     */
    public ConeProjection project(double[] g) {
        Objects.requireNonNull(g, "g");
        if (g.length != dim)
            throw new IllegalArgumentException("g has length " + g.length + ", the cone lives in dimension " + dim);
        return projector.project(allRows, 0, g, projector.newWorkspace(), 0.0);
    }
}
