package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.FloatMatrix;
import org.cvxnn.linalg.Matrix;

/**
 * The structured data of a masked group-lasso program, as the interior-point method sees it
 * (ipm.md §7.1): {@code B} weight blocks {@code u_j ∈ R^d}, each with one second-order cone
 * {@code ‖u_j‖ ≤ t_j}, optionally {@link #rows()} orthant rows {@code K_j u_j ≥ 0}, and the loss
 * operator {@code M u = Σ_j ε_j A_j u_j} ({@code A_j = D_j X} for the two-layer programs). Blocks
 * come in {@link #masks()} groups that share {@code A_j} and {@code K_j}; within a group only the
 * sign ε differs, so the n×n Schur complement sees one matrix per mask.
 *
 * <p>All operands are off-heap matrices with {@code ld = rows}: weights and gradients d×B, orthant
 * quantities rows×B, one column per block. Implementations own their workspaces; no call allocates.
 */
interface BlockOperator {

    /** Samples n: the length of the loss-side vectors. */
    int n();

    /** Orthant rows per block (n for the two-layer programs). */
    int rows();

    /** Block (group) dimension d. */
    int d();

    /** Number of blocks B. */
    int blocks();

    /**
     * Second-order cones per block g (a divisor of d): block j's weights split into g consecutive
     * groups of d/g coordinates, each with its own cone {@code ‖u_jk‖ ≤ t_jk}, so the regulariser
     * is {@code Σ_j Σ_k ‖u_jk‖}. The default, 1, is one cone over the whole block.
     */
    default int groupsPerBlock() { return 1; }

    /** Number of distinct masks (B / blocks per mask). */
    int masks();

    /** Whether blocks carry orthant (arrangement-cone) rows. */
    boolean constrained();

    /** {@code yhat ← M u}. */
    void apply(Matrix u, Matrix yhat);

    /** {@code g ← alpha·Mᵀ r + beta·g} (d×B). */
    void applyTranspose(double alpha, Matrix r, double beta, Matrix g);

    /** {@code out ← alpha·K u} per block (rows×B): the orthant-row values, scaled. */
    void constraintRows(double alpha, Matrix u, Matrix out);

    /**
     * {@code out ← w∘(alpha·K u + beta·b)} per block (rows×B): the orthant rows combined with
     * another rows×B panel and weighted ({@code b} unused when beta = 0, {@code w} null for no
     * weights). The default is {@link #constraintRows(double, Matrix, Matrix)} followed by the two
     * elementwise passes; operators fuse them into one.
     */
    default void constraintRows(double alpha, Matrix u, Matrix b, double beta, Matrix w, Matrix out) {
        constraintRows(alpha, u, out);
        Elementwise ew = Kernels.get().elementwise();
        long len = (long) out.rows() * out.cols();
        if (beta != 0) ew.axpby(1.0, out.segment(), beta, b.segment(), out.segment(), len);
        if (w != null) ew.mul(out.segment(), w.segment(), out.segment(), len);
    }

    /**
     * {@code g ← alpha·Kᵀ(w∘z) + beta·g} per block (d×B); {@code w} (rows×B) weighs z in the
     * pass that reads it, null for none.
     */
    void constraintTranspose(double alpha, Matrix z, Matrix w, double beta, Matrix g);

    /**
     * Packed upper triangles of {@code K_jᵀ diag(w_j) K_j} for every block: column j of {@code out}
     * ({@code d(d+1)/2 × B}) from column j of {@code weights} (rows×B).
     */
    void gramBlocks(Matrix weights, Matrix out);

    /**
     * One direction per block (d×B) whose constraint rows are strictly positive wherever a
     * block's rows can be negative at all: moving a slightly infeasible block along it restores
     * feasibility (certificate repair, ipm.md §5.2).
     */
    void generatingDirections(Matrix out);

    /**
     * {@code S ← S + Σ_i A_i L_i L_iᵀ A_iᵀ} (upper triangle) for the lower-triangular factors
     * {@code L_i} of the per-mask matrices, stored as consecutive d×d column-major blocks of
     * {@code factors} (d × d·masks).
     */
    void accumulateSchur(Matrix factors, Matrix s);

    /**
     * Packed upper triangles of {@code A_iᵀA_i} for every mask ({@code d(d+1)/2 × masks}), fixed for
     * the operator's life, or null if the operator accumulates its Schur complement in double
     * precision only. With them the solver weighs each mask's term by {@code trace(A_i C_i A_iᵀ)}
     * and may accumulate it in lower precision ({@link #accumulateSchur(Matrix, SchurTier[], Matrix, FloatMatrix)}).
     */
    default Matrix maskGrams() { return null; }

    /**
     * {@code g ← alpha·[rᵀA_i]_i + beta·g} (masks × d, row i for mask i): the data part of
     * {@code Mᵀ r} per mask, without block signs. Only operators with {@link #maskGrams()} support it.
     */
    default void maskTranspose(double alpha, Matrix r, double beta, Matrix g) {
        throw new UnsupportedOperationException("this operator has no per-mask products");
    }

    /**
     * {@code y ← Σ_i A_i w_i} for w (d × masks): the data part of {@code M u} per mask. Only
     * operators with {@link #maskGrams()} support it.
     */
    default void maskApply(Matrix w, Matrix y) {
        throw new UnsupportedOperationException("this operator has no per-mask products");
    }

    /**
     * Mixed-precision {@link #accumulateSchur(Matrix, Matrix)}: the terms of masks of tier
     * {@link SchurTier#DOUBLE} are added to {@code s}, those of tier {@link SchurTier#SINGLE} (formed
     * in double, rounded) to the single-precision {@code f}, masks {@link SchurTier#OMITTED} are
     * skipped. Upper triangles. Only operators with {@link #maskGrams()} support it.
     */
    default void accumulateSchur(Matrix factors, SchurTier[] tiers, Matrix s, FloatMatrix f) {
        throw new UnsupportedOperationException("this operator accumulates its Schur complement in double precision only");
    }

    /**
     * The predictions of single blocks: column i of {@code out} (n × {@code active.length}) becomes
     * {@code ε_j A_j u_j} for {@code j = active[i]}. {@code scratch} (d×B) may be overwritten. The
     * default applies {@link #apply} to one block at a time; operators override it when a single
     * product for all listed blocks is cheaper.
     */
    default void blockPredictions(Matrix u, int[] active, Matrix scratch, Matrix out) {
        scratch.fill(0.0);
        for (int i = 0; i < active.length; i++) {
            Matrix column = scratch.column(active[i]);
            column.copyFrom(u.column(active[i]));
            apply(scratch, out.column(i));
            column.fill(0.0);
        }
    }

    /** Loss sign ε of block j (+1 or −1). */
    double sign(int block);

    /** Mask index of block j. */
    int maskOf(int block);
}
