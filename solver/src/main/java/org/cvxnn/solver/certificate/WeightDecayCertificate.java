package org.cvxnn.solver.certificate;

import java.util.Objects;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * A duality-gap certificate for any weight-decay parallel three-layer ReLU network θ
 * (formulations §3.1, §3.3, §3.9): with the residual {@code v = y − f_θ(X)}, σ̂ ≥ σ₃(v) of
 * {@link WeightDecayDualNorm} and {@code t = clip(yᵀv/‖v‖², 0, β/σ̂)}, the scaled residual {@code t·v}
 * is feasible for the dual (3.3), so {@code LB = t·yᵀv − ½t²‖v‖² <= p* <= F(θ)} with F the
 * weight-decay objective (3.1) (which requires {@code ‖W_1k‖_F <= 1}). The gap {@code F(θ) − LB}
 * bounds the suboptimality of θ — rigorously when the combos are complete
 * ({@link Scope#ALL_PATTERNS}: every combo of X with the network's width, e.g. from
 * {@code ComboEnumerator}); with sampled combos ({@link Scope#PATTERN_SUBSET}) σ₃ may be
 * underestimated and the bound holds only for the program (3.4) restricted to those combos.
 *
 * @param scope      what the combo set covers, hence whether the bound is rigorous
 * @param beta       the regularisation strength β > 0
 * @param objective  F(θ), the weight-decay objective (3.1) of the network
 * @param lowerBound LB, a dual objective value (never negative)
 * @param sigma      σ̂, the upper value of σ₃(v) over the combo set (0 when v = 0)
 * @param scale      t, the scaling of the residual that gives LB (0 when v = 0)
 * @param maxCombo   index of the combo attaining σ̂, or −1 when σ̂ = 0
 * @param maxSign    ±1, the output sign attaining σ̂ at that combo; 0 when σ̂ = 0
 */
public record WeightDecayCertificate(Scope scope, double beta, double objective, double lowerBound,
                              double sigma, double scale, int maxCombo, int maxSign)
        implements GapCertificate {

    public WeightDecayCertificate {
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
     * @throws IllegalStateException    if a sub-network has {@code ‖W_1k‖_F > 1}: infeasible for (3.1)
     */
    public static WeightDecayCertificate of(ParallelThreeLayerNetwork network, Dataset design, ComboSet combos, double beta,
                                     Scope scope) {
        return ResidualBound.ofParallel(network, design, combos, beta, scope, (x, c) -> new WeightDecayDualNorm(x, c)::evaluate)
                .certificate(scope, beta, network.objective(design, beta), WeightDecayCertificate::new);
    }

    /**
     * {@code β_max = σ₃(y)} (the upper value): for β ≥ β_max the zero network is optimal for (3.1).
     * With complete combos the bound agrees with the exact threshold up to the refinement tolerance.
     */
    public static double betaMax(Dataset design, ComboSet combos) {
        Objects.requireNonNull(design, "design");
        return new WeightDecayDualNorm(design, combos).evaluate(design.y()).value();
    }

    @Override
    public String toString() {
        return ResidualBound.describe(this, "argmaxCombo", maxCombo);
    }
}
