package org.cvxnn.solver.certificate;

import java.util.Objects;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * A duality-gap certificate for any two-layer ReLU network θ (formulations §1.6): with the
 * residual {@code v = y − f_θ(X)} and {@code t = clip(yᵀv/‖v‖², 0, β/σ(v))}, the scaled residual
 * {@code t·v} is feasible for the dual (1.3), so {@code LB = t·yᵀv − ½t²‖v‖² <= p* <= F(θ)}.
 * The gap {@code F(θ) − LB} therefore bounds the suboptimality of θ — rigorously when the patterns
 * are complete ({@link Scope#ALL_PATTERNS}).
 *
 * @param scope      what the pattern set covers, hence whether the bound is rigorous
 * @param beta       the regularisation strength β > 0
 * @param objective  F(θ), the objective (1.1) of the network
 * @param lowerBound LB, a dual objective value (never negative)
 * @param sigma      σ(v) over the pattern set (0 when v = 0)
 * @param scale      t, the scaling of the residual that gives LB (0 when v = 0)
 * @param maxPattern index of the pattern attaining σ(v), or −1 when σ(v) = 0
 * @param maxSign    ±1, the sign attaining σ(v) at that pattern; 0 when σ(v) = 0
 */
public record DualCertificate(Scope scope, double beta, double objective, double lowerBound,
                              double sigma, double scale, int maxPattern, int maxSign)
        implements GapCertificate {

    public DualCertificate {
        Objects.requireNonNull(scope, "scope");
        ResidualBound.requireBeta(beta);
    }

    /**
     * Certifies {@code network} on {@code data} with regularisation {@code beta}.
     *
     * @param data     the data the network is evaluated on (with the bias column if it has one)
     * @param patterns activation patterns of {@code data}'s feature matrix
     * @param scope    whether the caller guarantees that {@code patterns} is complete
     * @throws IllegalArgumentException for β not finite and positive, an empty pattern set, or
     *                                  shapes of network, data and patterns that disagree
     */
    public static DualCertificate of(TwoLayerNetwork network, Dataset data, PatternSet patterns, double beta, Scope scope) {
        Objects.requireNonNull(network, "network");
        ResidualBound.requireArguments(network.d(), data, "data", scope, beta);
        PatternDualNorm dualNorm = new PatternDualNorm(data, patterns);
        return ResidualBound.of(data.y(), network.predict(data), beta, dualNorm::evaluate)
                .certificate(scope, beta, network.objective(data, beta), DualCertificate::new);
    }

    /**
     * {@code β_max = σ(y)}: for β ≥ β_max the zero network is optimal, below it it is not
     * (formulations §1.6). Exact when {@code patterns} is complete, a lower estimate otherwise.
     */
    public static double betaMax(Dataset data, PatternSet patterns) {
        Objects.requireNonNull(data, "data");
        return new PatternDualNorm(data, patterns).evaluate(data.y()).value();
    }

    @Override
    public String toString() {
        return ResidualBound.describe(this, "argmaxPattern", maxPattern);
    }
}
