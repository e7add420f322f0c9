package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.linalg.Matrix;

import java.lang.foreign.Arena;

/**
 * An element of the cone space: the orthant part (rows×B, one column of arrangement-cone rows per
 * block; absent for unconstrained programs) and the second-order-cone part ((dg+1)×cones, one cone
 * {@code (t_q, u_q)} per group of dg coordinates).
 */
final class ConeVector {
    final Matrix orthant;
    final Matrix soc;

    ConeVector(Arena arena, int rows, int blocks, int groupDim, int cones, boolean constrained) {
        this.orthant = constrained ? Matrix.allocate(arena, rows, blocks) : null;
        this.soc = Matrix.allocate(arena, groupDim + 1, cones);
    }

    long orthantLength() {
        return orthant == null ? 0 : (long) orthant.rows() * orthant.cols();
    }

    long socLength() {
        return (long) soc.rows() * soc.cols();
    }

    void copyFrom(ConeVector o) {
        if (orthant != null) orthant.copyFrom(o.orthant);
        soc.copyFrom(o.soc);
    }

    /** {@code this ← a·x + b·this}. */
    /** {@code this ← a·x + b·y} in one pass per part. */
    void combine(Elementwise k, double a, ConeVector x, double b, ConeVector y) {
        if (orthant != null) k.axpby(a, x.orthant.segment(), b, y.orthant.segment(), orthant.segment(), orthantLength());
        k.axpby(a, x.soc.segment(), b, y.soc.segment(), soc.segment(), socLength());
    }

    void axpby(Elementwise k, double a, ConeVector x, double b) {
        if (orthant != null) k.axpby(a, x.orthant.segment(), b, orthant.segment(), orthant.segment(), orthantLength());
        k.axpby(a, x.soc.segment(), b, soc.segment(), soc.segment(), socLength());
    }

    double dot(Elementwise k, ConeVector o) {
        double s = k.dot(soc.segment(), o.soc.segment(), socLength());
        if (orthant != null) s += k.dot(orthant.segment(), o.orthant.segment(), orthantLength());
        return s;
    }

    double sumSquares(Elementwise k) {
        double s = k.sumSquares(soc.segment(), socLength());
        if (orthant != null) s += k.sumSquares(orthant.segment(), orthantLength());
        return s;
    }

}
