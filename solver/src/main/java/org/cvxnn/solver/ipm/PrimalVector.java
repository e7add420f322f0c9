package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.linalg.Matrix;

import java.lang.foreign.Arena;

/**
 * An element of the primal space: block weights {@code u} (d×B) and epigraph variables {@code t},
 * one per second-order cone (B·g for g groups per block).
 */
final class PrimalVector {
    final Matrix u;
    final Matrix t;

    PrimalVector(Arena arena, int d, int blocks, int cones) {
        this.u = Matrix.allocate(arena, d, blocks);
        this.t = Matrix.vector(arena, cones);
    }

    void copyFrom(PrimalVector o) {
        u.copyFrom(o.u);
        t.copyFrom(o.t);
    }

    /** {@code this ← a·x + b·this}. */
    void axpby(Elementwise k, double a, PrimalVector x, double b) {
        k.axpby(a, x.u.segment(), b, u.segment(), u.segment(), (long) u.rows() * u.cols());
        k.axpby(a, x.t.segment(), b, t.segment(), t.segment(), t.rows());
    }

    double sumSquares(Elementwise k) {
        return k.sumSquares(u.segment(), (long) u.rows() * u.cols()) + k.sumSquares(t.segment(), t.rows());
    }

}
