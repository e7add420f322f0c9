package org.cvxnn.solver.certificate;

import java.util.Objects;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * A duality-gap certificate for any path-regularised parallel three-layer ReLU network θ
 * (formulations §4.1–4.2, §3.9): with the residual {@code v = y − f_θ(X)}, σ(v) of
 * {@link PathDualNorm} and {@code t = clip(yᵀv/‖v‖², 0, β/σ(v))}, the scaled residual {@code t·v}
 * is feasible for the dual of (4.2), so {@code LB = t·yᵀv − ½t²‖v‖² <= p* <= F(θ)} with F the
 * path objective (4.1). The gap {@code F(θ) − LB} bounds the suboptimality of θ — rigorously when
 * the combos are complete ({@link Scope#ALL_PATTERNS}: every combo of X with the network's width,
 * e.g. from {@code ComboEnumerator}); with sampled combos ({@link Scope#PATTERN_SUBSET}) σ may be
 * underestimated and the bound holds only for the program restricted to those combos.
 *
 * @param scope      what the combo set covers, hence whether the bound is rigorous
 * @param beta       the regularisation strength β > 0
 * @param objective  F(θ), the path objective (4.1) of the network
 * @param lowerBound LB, a dual objective value (never negative)
 * @param sigma      σ(v) over the combo set (0 when v = 0)
 * @param scale      t, the scaling of the residual that gives LB (0 when v = 0)
 * @param maxCombo   index of the combo attaining σ(v), or −1 when σ(v) = 0
 * @param maxSign    ±1, the output sign attaining σ(v) at that combo; 0 when σ(v) = 0
 */
public record PathCertificate(Scope scope, double beta, double objective, double lowerBound,
                              double sigma, double scale, int maxCombo, int maxSign)
        implements GapCertificate {

    public PathCertificate {
        Objects.requireNonNull(scope, "scope");
        ResidualBound.requireBeta(beta);
    }

    /**
     * Certifies {@code network} on {@code design} with regularisation {@code beta}.
     *
     * @param design the data the network is evaluated on (with the bias column if it has one)
     * @param combos combos of {@code design}'s feature matrix with the network's width m1
     * @param scope  whether the caller guarantees that {@code combos} is complete
     * @throws IllegalArgumentException for β not finite and positive, an empty combo set, or shapes
     *                                  of network, data and combos (n, d, m1) that disagree
     */
    public static PathCertificate of(ParallelThreeLayerNetwork network, Dataset design, ComboSet combos, double beta,
                                     Scope scope) {
        return ResidualBound.ofParallel(network, design, combos, beta, scope, (x, c) -> new PathDualNorm(x, c)::evaluate)
                .certificate(scope, beta, network.pathObjective(design, beta), PathCertificate::new);
    }

    /**
     * {@code β_max = σ(y)}: for β ≥ β_max the zero network is optimal for (4.1), below it it is not.
     * Exact when {@code combos} is complete, a lower estimate otherwise.
     */
    public static double betaMax(Dataset design, ComboSet combos) {
        Objects.requireNonNull(design, "design");
        return new PathDualNorm(design, combos).evaluate(design.y()).value();
    }

    @Override
    public String toString() {
        return ResidualBound.describe(this, "argmaxCombo", maxCombo);
    }
}
