package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Matrix;

/**
 * The structured data of a masked group-lasso program, as the interior-point method sees it
 * (ipm.md §7.1): {@code B} weight blocks {@code u_j ∈ R^d}, each with one second-order cone
 * {@code ‖u_j‖ ≤ t_j}, optionally {@code n} orthant rows {@code S_j X u_j ≥ 0}, and the loss
 * operator {@code M u = Σ_j ε_j D_j X u_j}. Blocks come in {@link #masks()} groups that share a mask;
 * within a group only the sign ε differs, so the n×n Schur complement sees one matrix per mask.
 *
 * <p>All operands are off-heap matrices: weights and gradients d×B, orthant quantities n×B, one
 * column per block. Implementations own their workspaces; no call allocates.
 */
interface BlockOperator {

    int n();

    /** Block (group) dimension d. */
    int d();

    /** Number of blocks B. */
    int blocks();

    /** Number of distinct masks (B / blocks per mask). */
    int masks();

    /** Whether blocks carry orthant (arrangement-cone) rows. */
    boolean constrained();

    /** {@code yhat ← M u}. */
    void apply(Matrix u, Matrix yhat);

    /** {@code g ← alpha·Mᵀ r + beta·g} (d×B). */
    void applyTranspose(double alpha, Matrix r, double beta, Matrix g);

    /** {@code out ← alpha·S X u} per block (n×B): the orthant-row values, scaled. */
    void constraintRows(double alpha, Matrix u, Matrix out);

    /** {@code g ← alpha·(S X)ᵀ z + beta·g} per block (d×B). */
    void constraintTranspose(double alpha, Matrix z, double beta, Matrix g);

    /**
     * Packed upper triangles of {@code Xᵀ diag(w_j) X} for every block: column j of {@code out}
     * ({@code d(d+1)/2 × B}) from column j of {@code weights} (n×B).
     */
    void gramBlocks(Matrix weights, Matrix out);

    /**
     * {@code S ← S + Σ_i D_i X L_i L_iᵀ Xᵀ D_i} (upper triangle) for the lower-triangular factors
     * {@code L_i} of the per-mask matrices, stored as consecutive d×d column-major blocks of
     * {@code factors} (d × d·masks).
     */
    void accumulateSchur(Matrix factors, Matrix s);

    /** Loss sign ε of block j (+1 or −1). */
    double sign(int block);

    /** Mask index of block j. */
    int maskOf(int block);
}
