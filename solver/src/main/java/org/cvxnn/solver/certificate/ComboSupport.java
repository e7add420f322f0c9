package org.cvxnn.solver.certificate;

/**
 * Bounds on the support value {@code φ(g) = max_{u ∈ C} gᵀu} of one weight-decay combo set
 * {@code C = {u : K u >= 0, Σ_j ‖u_j‖₂ <= 1}} (formulations §3.4, §3.9), with the points proving them.
 *
 * @param lower      {@code gᵀ point <= φ(g)}, attained by a feasible point (never negative)
 * @param upper      {@code max_j ‖dual_j‖₂ >= φ(g)}: by weak duality of
 *                   {@code φ(g) = min_{a >= 0} max_j ‖(g + Kᵀa)_j‖₂}, rigorous up to rounding
 * @param point      a point of C attaining {@code lower} (zero when {@code lower} = 0), length m1·d;
 *                   strictly inside the cone when {@code refined}, otherwise feasible up to the
 *                   tolerance of the cone projection
 * @param dual       {@code g + Kᵀa} for some {@code a >= 0}, whose largest group norm is {@code upper}
 * @param refined    whether the interior-point refinement ran (false: the bounds come from the
 *                   cone projection of g alone, see {@link WeightDecayDualNorm})
 */
public record ComboSupport(double lower, double upper, double[] point, double[] dual, boolean refined) {

    /** {@code upper − lower}, how far the two bounds on φ(g) are apart. */
    public double spread() {
        return upper - lower;
    }
}
