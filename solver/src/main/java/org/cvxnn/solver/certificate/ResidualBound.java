package org.cvxnn.solver.certificate;

import java.util.function.Function;

/**
 * The lower bound of a network from its residual (formulations §1.6): {@code v = y − f(X)},
 * {@code t = clip(yᵀv/‖v‖², 0, β/σ(v))}, {@code LB = t yᵀv − ½t²‖v‖²}, valid for any σ that bounds
 * the dual constraint of the program (two-layer patterns or three-layer combos).
 *
 * @param sigma      σ(v) and where it is attained
 * @param scale      t
 * @param lowerBound LB
 */
record ResidualBound(DualNorm sigma, double scale, double lowerBound) {

    /** The bound at β (checked by the caller, see {@link #requireBeta}) with σ from {@code dualNorm}. */
    static ResidualBound of(double[] y, double[] prediction, double beta, Function<double[], DualNorm> dualNorm) {
        double[] v = new double[y.length];
        double yv = 0;
        double vv = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = y[i] - prediction[i];
            yv += y[i] * v[i];
            vv += v[i] * v[i];
        }
        DualNorm sigma = dualNorm.apply(v);
        double t = 0;
        if (vv > 0) {
            t = Math.max(0.0, yv / vv);
            if (sigma.value() > 0) t = Math.min(t, beta / sigma.value());
        }
        return new ResidualBound(sigma, t, t * yv - 0.5 * t * t * vv);
    }

    /** Rejects a β that is not finite and positive. */
    static void requireBeta(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta))
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
    }
}
