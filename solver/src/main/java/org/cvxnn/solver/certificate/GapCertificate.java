package org.cvxnn.solver.certificate;

/**
 * A duality-gap certificate of a network θ: from the residual {@code v = y − f_θ(X)}, a dual norm
 * σ(v) of the model's convex program and {@code t = clip(yᵀv/‖v‖², 0, β/σ(v))}, the scaled residual
 * {@code t·v} is dual feasible, so {@code LB = t·yᵀv − ½t²‖v‖² <= p* <= F(θ)} (formulations §1.6).
 * Each model family has its own record; they share these components and the gap.
 */
public sealed interface GapCertificate permits DualCertificate, WeightDecayCertificate, PathCertificate, PathTreeCertificate {

    /** What the pattern or combo set covers, hence whether the bound is rigorous. */
    Scope scope();

    /** The regularisation strength β > 0. */
    double beta();

    /** F(θ), the regularised objective of the network. */
    double objective();

    /** LB, a dual objective value (never negative). */
    double lowerBound();

    /** σ(v) over the pattern or combo set (0 when v = 0). */
    double sigma();

    /** t, the scaling of the residual that gives LB (0 when v = 0). */
    double scale();

    /** ±1, the sign attaining σ(v); 0 when σ(v) = 0. */
    int maxSign();

    /** {@code F(θ) − LB}: an upper bound on {@code F(θ) − p*} (within the {@link #scope()}). */
    default double gap() {
        return objective() - lowerBound();
    }

    /** {@code gap / max(1, |F(θ)|)}. */
    default double relativeGap() {
        return gap() / Math.max(1.0, Math.abs(objective()));
    }
}
