package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.Diag;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Uplo;

import java.lang.foreign.Arena;
import java.util.function.BiConsumer;

/**
 * Conjugate gradients on the n×n Schur complement S, preconditioned by the Cholesky factor of an
 * approximation P (ipm.md §3.3, mixed precision): {@code P = S − E + F} with E the omitted masks'
 * terms and F the single-precision rounding. Since S ≽ I, the preconditioned spectrum lies within
 * about ‖E‖ + ‖F‖ of 1 and a few iterations reach the accuracy of a direct solve.
 */
final class PreconditionedSchur {
    /** The smallest tolerance {@link #solve} accepts: a backward error as small as a direct Cholesky solve's. */
    static final double FULL_ACCURACY = 1e-13;
    /** Upper limit on iterations of a solve with a fresh preconditioner. */
    static final int MAX_ITERATIONS = 50;
    /** A run whose residual has not fallen below its best for this many iterations stops (stagnation). */
    private static final int STAGNATION = 5;

    private final int n;
    private final BiConsumer<Matrix, Matrix> multiply;
    private final Elementwise ew = Kernels.get().elementwise();
    private final Matrix x, r, z, p, q;
    private boolean converged;

    /** @param multiply {@code (v, result) → result = S v}, exact */
    PreconditionedSchur(Arena arena, int n, BiConsumer<Matrix, Matrix> multiply) {
        this.n = n;
        this.multiply = multiply;
        this.x = Matrix.vector(arena, n);
        this.r = Matrix.vector(arena, n);
        this.z = Matrix.vector(arena, n);
        this.p = Matrix.vector(arena, n);
        this.q = Matrix.vector(arena, n);
    }

    /**
     * Overwrites {@code b} with the solution of S λ = b: the iterate of smallest residual.
     *
     * @param factor the upper Cholesky factor of the preconditioner P
     * @param normS     an estimate of ‖S‖ (its largest diagonal entry)
     * @param tolerance CG stops once {@code ‖r‖ ≤ tolerance·(‖b‖ + ‖S‖·‖λ‖)}, a relative backward
     *                  error; at least {@link #FULL_ACCURACY}
     * @param limit     the most iterations to spend
     * @return the iterations (products with S) used
     */
    int solve(Matrix factor, double normS, Matrix b, double tolerance, int limit) {
        tolerance = Math.max(tolerance, FULL_ACCURACY);
        converged = false;
        double normB = Math.sqrt(ew.sumSquares(b.segment(), n));
        if (normB == 0) {
            converged = true;
            return 0;
        }
        x.fill(0.0);
        r.copyFrom(b);
        z.copyFrom(r);
        solveWithFactor(factor, z);
        p.copyFrom(z);
        double rz = ew.dot(r.segment(), z.segment(), n);
        double bestR = Double.POSITIVE_INFINITY;
        int k = 0, sinceBest = 0;
        b.copyFrom(z); // from here on the best iterate (at first P⁻¹b); the right-hand side lives on in r
        while (k < limit && sinceBest < STAGNATION) {
            multiply.accept(p, q);
            k++;
            double pq = ew.dot(p.segment(), q.segment(), n);
            if (!(pq > 0)) break; // breakdown: rounding has made the direction useless
            double alpha = rz / pq;
            ew.axpby(alpha, p.segment(), 1.0, x.segment(), x.segment(), n);
            ew.axpby(-alpha, q.segment(), 1.0, r.segment(), r.segment(), n);
            double normR = Math.sqrt(ew.sumSquares(r.segment(), n)), normX = Math.sqrt(ew.sumSquares(x.segment(), n));
            if (normR < bestR) {
                bestR = normR;
                sinceBest = 0;
                b.copyFrom(x);
            } else {
                sinceBest++;
            }
            if (normR <= tolerance * (normB + normS * normX)) {
                converged = true;
                break;
            }
            z.copyFrom(r);
            solveWithFactor(factor, z);
            double rzNext = ew.dot(r.segment(), z.segment(), n);
            ew.axpby(1.0, z.segment(), rzNext / rz, p.segment(), p.segment(), n);
            rz = rzNext;
        }
        return k;
    }

    /**
     * {@code v ← (RᵀR)⁻¹ v} for an upper Cholesky factor R: two dtrsv, each one pass over the
     * triangle (with dpotrs, which goes through dtrsm, the solve phase took 1.2× as long at
     * (1000, 20, 500) and (2000, 50, 1000)).
     */
    static void solveWithFactor(Matrix factor, Matrix v) {
        Blas.dtrsv(Uplo.UPPER, Trans.TRANS, Diag.NON_UNIT, factor, v);
        Blas.dtrsv(Uplo.UPPER, Trans.NO_TRANS, Diag.NON_UNIT, factor, v);
    }

    /** Whether the last {@link #solve} reached its tolerance (rather than its limit, a stagnation or a breakdown). */
    boolean converged() {
        return converged;
    }
}
