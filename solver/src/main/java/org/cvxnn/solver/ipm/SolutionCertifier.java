package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Matrix;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Turns an interior-point iterate into a certified pair (ipm.md §5.2): an exactly feasible primal
 * point with its objective (upper bound) and a feasible dual point with its objective (lower bound).
 * <ol>
 *   <li>Primal repair: a block that violates its cone is moved along its generating direction
 *       {@code h_j} ({@link BlockOperator#generatingDirections}, e.g. the mask's gate {@code g_i}
 *       with {@code (2D_i − I) X g_i = |X g_i|}) just far enough, or set to zero when that move
 *       would exceed the block itself.</li>
 *   <li>Dual point: {@code λ = Mu − y}, orthant multipliers clipped at 0, scaled by the largest
 *       {@code s ≤ β / max_q ‖[ε_j A_jᵀ λ − K_jᵀ μ_j]_q‖} (max over the groups q of every block,
 *       {@link BlockOperator#groupsPerBlock()}; the dual norm of {@code Σ_q ‖u_q‖}) that maximises
 *       the concave dual objective {@code −½s²‖λ‖² − s λᵀy}.</li>
 * </ol>
 * Between the two, blocks left at round-off size are zeroed when that does not raise the objective,
 * so the recovered network has only the neurons the solution really uses; then, when more than n
 * blocks remain, {@link BlockSparsifier} removes linearly dependent ones (Carathéodory), again kept
 * only when the objective does not rise beyond round-off. The pruning threshold is
 * relative to the largest block, so it cannot tell when every block is round-off: the zero point
 * (objective ½‖y‖²) is therefore tried first and returned when it is as good. This is the case for
 * β ≥ β_max, where zero is the unique optimum that an interior point only approaches.
 */
final class SolutionCertifier {
    /** A certified point: weights (d×B, column-major), their objective and a dual lower bound. */
    record Certificate(double[] weights, double primal, double dual) { }

    /** Blocks below this fraction of the largest block's norm are candidates for pruning. */
    private static final double PRUNE_NORM = 1e-6;
    /** Pruning is kept when it raises the objective by at most this, relative. */
    private static final double PRUNE_COST = 1e-10;

    private final BlockOperator op;
    private final Matrix y;
    private final double beta;
    private final int n, d, blocks, groupDim, cones;
    private final Matrix u, grad, yhat, lambda;
    private final Matrix directions, directionRows; // d×B and rows×B, null when unconstrained
    private Matrix rows; // rows×B scratch of the current certify call
    private final Elementwise ew = Kernels.get().elementwise();
    private final BlockSparsifier sparsifier;

    SolutionCertifier(Arena arena, BlockOperator op, Matrix y, double beta) {
        this.op = op;
        this.y = y;
        this.beta = beta;
        this.n = op.n();
        this.d = op.d();
        this.blocks = op.blocks();
        this.groupDim = d / op.groupsPerBlock();
        this.cones = blocks * op.groupsPerBlock();
        this.u = Matrix.allocate(arena, d, blocks);
        this.grad = Matrix.allocate(arena, d, blocks);
        this.yhat = Matrix.vector(arena, n);
        this.lambda = Matrix.vector(arena, n);
        this.directions = op.constrained() ? Matrix.allocate(arena, d, blocks) : null;
        this.directionRows = op.constrained() ? Matrix.allocate(arena, op.rows(), blocks) : null;
        this.sparsifier = new BlockSparsifier(op);
    }

    /**
     * Certifies the iterate {@code weights} (d×B) with orthant multipliers {@code orthantMultipliers}
     * (rows×B, null when unconstrained; clipped at 0 in place). {@code scratch} (rows×B, null when
     * unconstrained) is overwritten: the finished interior-point method lends its buffers.
     * {@code outsideDualNorm} gives, for the residual λ = Mu − y, the largest {@code ‖Xᵀ D_i λ‖} over
     * the masks of the problem that this solve left out (zero blocks, zero multipliers), so the
     * bound holds for the whole problem; 0 when none was left out.
     */
    Certificate certify(Matrix weights, Matrix orthantMultipliers, Matrix scratch, ToDoubleFunction<Matrix> outsideDualNorm) {
        rows = scratch;
        u.copyFrom(weights);
        if (op.constrained()) repair();
        double[] w = u.toArray();
        double primal = primalObjective(w);
        // dual point, from the residual λ = Mu − y of this (unpruned) point, which primalObjective left in lambda
        double residual2 = ew.sumSquares(lambda.segment(), n);
        op.applyTranspose(1.0, lambda, 0.0, grad);
        if (op.constrained()) {
            clipNegative(orthantMultipliers);
            op.constraintTranspose(-1.0, orthantMultipliers, null, 1.0, grad);
        }
        double[] g = grad.toArray();
        double c = 0;
        for (int q = 0; q < cones; q++) c = Math.max(c, norm(g, q * groupDim, groupDim));
        c = Math.max(c, outsideDualNorm.applyAsDouble(lambda));
        double ly = ew.dot(lambda.segment(), y.segment(), n);
        double dual;
        if (residual2 == 0) {
            dual = 0;
        } else {
            double sMax = c > 0 ? beta / c : Double.POSITIVE_INFINITY;
            double sStar = Math.min(Math.max(-ly / residual2, 0.0), sMax);
            dual = -0.5 * sStar * sStar * residual2 - sStar * ly;
        }
        // primal point: the zero network or the pruned point when no worse (both feasible)
        double slack = PRUNE_COST * Math.max(1.0, Math.abs(primal));
        double zeroPrimal = 0.5 * ew.sumSquares(y.segment(), n);
        double[] pruned = pruned(w);
        double prunedPrimal = primalObjective(pruned);
        if (zeroPrimal <= primal + slack) {
            w = new double[w.length];
            primal = zeroPrimal;
        } else if (prunedPrimal <= primal + slack) {
            w = pruned;
            primal = prunedPrimal;
        }
        double[] sparse = sparsifier.sparsify(w, u, grad);
        if (sparse != w) {
            double sparsePrimal = primalObjective(sparse);
            if (sparsePrimal <= primal + slack) {
                w = sparse;
                primal = sparsePrimal;
            }
        }
        return new Certificate(w, primal, dual);
    }

    /** The program's objective {@code ½‖Mu − y‖² + β Σ_q ‖u_q‖} (over all groups) at the (feasible) point {@code w}. */
    private double primalObjective(double[] w) {
        u.copyFrom(w);
        op.apply(u, yhat);
        ew.axpby(1.0, yhat.segment(), -1.0, y.segment(), lambda.segment(), n);
        double norms = 0;
        for (int q = 0; q < cones; q++) norms += norm(w, q * groupDim, groupDim);
        return 0.5 * ew.sumSquares(lambda.segment(), n) + beta * norms;
    }

    /**
     * {@code w} with the blocks an interior point leaves at round-off size (norm below
     * {@value #PRUNE_NORM} of the largest) set to zero; zero blocks are feasible, so the result is
     * still feasible and the certificate stays rigorous.
     */
    private double[] pruned(double[] w) {
        double largest = 0;
        for (int j = 0; j < blocks; j++) largest = Math.max(largest, norm(w, j * d, d));
        double[] p = w.clone();
        for (int j = 0; j < blocks; j++) {
            if (norm(w, j * d, d) <= PRUNE_NORM * largest) Arrays.fill(p, j * d, j * d + d, 0.0);
        }
        return p;
    }

    /** Makes every block exactly feasible for its cone (see the class comment). */
    private void repair() {
        op.constraintRows(1.0, u, rows);
        int m = op.rows();
        op.generatingDirections(directions);
        op.constraintRows(1.0, directions, directionRows);
        boolean[] moved = new boolean[blocks];
        for (int j = 0; j < blocks; j++) {
            double minRow = Double.POSITIVE_INFINITY;
            for (int a = 0; a < m; a++) minRow = Math.min(minRow, rows.get(a, j));
            if (minRow >= 0) continue;
            double theta = 0;
            boolean repairable = true;
            for (int a = 0; a < m && repairable; a++) {
                double r = rows.get(a, j);
                if (r >= 0) continue;
                double sh = directionRows.get(a, j);
                if (sh <= 0) repairable = false;
                else theta = Math.max(theta, -r / sh);
            }
            theta *= 1 + 1e-9;
            double[] h = directions.column(j).toArray();
            double[] uj = u.column(j).toArray();
            repairable &= theta * norm(h, 0, d) <= norm(uj, 0, d);
            for (int k = 0; k < d; k++) u.set(k, j, repairable ? uj[k] + theta * h[k] : 0.0);
            moved[j] = repairable;
        }
        // the move is exact only up to rounding: zero any moved block that is still infeasible
        op.constraintRows(1.0, u, rows);
        for (int j = 0; j < blocks; j++) {
            if (!moved[j]) continue;
            for (int a = 0; a < m; a++) {
                if (rows.get(a, j) < 0) {
                    for (int k = 0; k < d; k++) u.set(k, j, 0.0);
                    break;
                }
            }
        }
    }

    private static void clipNegative(Matrix m) {
        for (int j = 0; j < m.cols(); j++)
            for (int i = 0; i < m.rows(); i++) if (m.get(i, j) < 0) m.set(i, j, 0.0);
    }

    private static double norm(double[] v, int from, int len) {
        double s = 0;
        for (int k = from; k < from + len; k++) s += v[k] * v[k];
        return Math.sqrt(s);
    }
}
