package org.cvxnn.solver.certificate;

import java.util.Objects;

import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TreeNetwork;

/**
 * A duality-gap certificate for any depth-L path-regularised tree network θ (formulations §4.3),
 * as {@link PathCertificate} for L = 3: with {@code v = y − f_θ(X)}, σ(v) of
 * {@link PathTreeDualNorm} and {@code t = clip(yᵀv/‖v‖², 0, β/σ(v))},
 * {@code LB = t·yᵀv − ½t²‖v‖² ≤ p* ≤ F(θ)} with F the path objective. Rigorous only with a complete
 * combo list ({@link Scope#ALL_PATTERNS}); exact enumeration of tree combos is not implemented for
 * L ≥ 4, so certificates of deeper networks are {@link Scope#PATTERN_SUBSET}: the bound holds for
 * the program restricted to the given combos.
 *
 * @param scope      what the combo set covers, hence whether the bound is rigorous
 * @param beta       β &gt; 0
 * @param objective  F(θ), the path objective of the network
 * @param lowerBound LB, a dual objective value (never negative)
 * @param sigma      σ(v) over the combo set (0 when v = 0)
 * @param scale      t (0 when v = 0)
 * @param maxCombo   index of the combo attaining σ(v), or −1 when σ(v) = 0
 * @param maxSign    ±1, the output sign attaining σ(v) at that combo; 0 when σ(v) = 0
 */
public record PathTreeCertificate(Scope scope, double beta, double objective, double lowerBound,
                                  double sigma, double scale, int maxCombo, int maxSign)
        implements GapCertificate {

    public PathTreeCertificate {
        Objects.requireNonNull(scope, "scope");
        ResidualBound.requireBeta(beta);
    }

    /**
     * Certifies {@code network} on {@code design} with regularisation {@code beta}.
     *
     * @param combos tree combos of {@code design} with the network's tree shape
     * @throws IllegalArgumentException for β not finite and positive, an empty combo set, or shapes
     *                                  (n, d, tree) of network, data and combos that disagree
     */
    public static PathTreeCertificate of(TreeNetwork network, Dataset design, TreeComboSet combos, double beta, Scope scope) {
        Objects.requireNonNull(network, "network");
        ResidualBound.requireArguments(network.d(), design, "design", scope, beta);
        if (!combos.shape().equals(network.shape()))
            throw new IllegalArgumentException("the combos are for the tree " + combos.shape() + ", the network's sub-networks are "
                    + network.shape());
        PathTreeDualNorm dualNorm = new PathTreeDualNorm(design, combos);
        return ResidualBound.of(design.y(), network.predict(design), beta, dualNorm::evaluate)
                .certificate(scope, beta, network.objective(design, beta), PathTreeCertificate::new);
    }

    /** {@code β_max = σ(y)} over the combos: for β ≥ β_max the zero network is optimal for their program. */
    public static double betaMax(Dataset design, TreeComboSet combos) {
        Objects.requireNonNull(design, "design");
        return new PathTreeDualNorm(design, combos).evaluate(design.y()).value();
    }
}
