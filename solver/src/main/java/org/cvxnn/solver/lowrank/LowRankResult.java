package org.cvxnn.solver.lowrank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;

/**
 * The outcome of {@link LowRankApproximation#solve}: the network θ_r trained on the rank-r
 * approximation X_r, evaluated on the original data X, with the a-priori bound of formulations §4.4
 * and measured lower bounds on the optimum p*(X) of the model's problem on X (for path3 and relu3: over
 * parallel networks with sub-networks of the same width m1).
 *
 * <p>Guarantees, with {@code τ = Lip·‖y‖/β}:
 * {@code p*(X) <= F(θ_r;X) <= (1+τ/2)⁴·p*(X)} when θ_r is an exact optimum on X_r (it is optimal to the
 * solver's certified gap), and, without that proviso, {@code p*(X) >= p*(X_r)/(1+τ/2)² >=}
 * {@link #guaranteedLowerBound()}.
 *
 * @param rank                 the requested approximation rank r
 * @param sigmaNext            {@code σ_{r+1} = ‖X − X_r‖₂} (of the centred features with a bias column; 0 when
 *                             r reaches the rank of the data, up to rounding)
 * @param lip                  the Lipschitz constant of §4.4, {@code ‖f_θ(X) − f_θ(X_r)‖ <= Lip·R(θ)} with R the
 *                             regulariser: {@code σ_{r+1}} for relu2 and relu3, {@code √m1·σ_{r+1}} for path3
 * @param tau                  {@code τ = Lip·‖y‖₂/β}
 * @param boundFactor          {@code (1 + τ/2)⁴}, the guaranteed ratio F(θ_r;X)/p*(X)
 * @param objectiveOnApprox    {@code F(θ_r; X_r)}, the non-convex objective on the approximation
 * @param objective            {@code F(θ_r; X)}, the non-convex objective on the original data
 * @param guaranteedLowerBound {@code max(0, dual bound of the X_r solve)/(1+τ/2)²}: a rigorous lower bound on
 *                             p*(X) (the X_r solve enumerates every pattern or combo of X_r); it is at least
 *                             {@code F(θ_r;X)/(1+τ/2)⁴} up to the solver's gap
 * @param lowerBound           the dual certificate of θ_r on X (formulations §1.6, §4.2, §3.9)
 * @param lowerBoundScope      {@link Scope#ALL_PATTERNS} when {@code lowerBound} maximises over every pattern
 *                             (combo) of X and is rigorous, {@link Scope#PATTERN_SUBSET} when over sampled ones
 * @param certificatePatterns  number of patterns (combos) of X the certificate maximises over
 * @param approxSolution       the certified convex solve on X_r, in orthonormal coordinates of the row space
 *                             of X_r (with the bias column): its objective, dual bound and gap refer to
 *                             p*(X_r), its pattern (combo) count is that of X_r; its model acts on those
 *                             coordinates, {@link #model()} is the same network on the original features
 * @param model                θ_r as a model on the original features
 * @param approximation        X_r (same shape and targets as X; without the bias column)
 * @param seconds              wall seconds per phase: svd, patterns (of X_r; its combos for path3, relu3), solve (the interior-point
 *                             method), recovery, certificate
 */
public record LowRankResult(int rank, double sigmaNext, double lip, double tau, double boundFactor,
                            double objectiveOnApprox, double objective, double guaranteedLowerBound,
                            double lowerBound, Scope lowerBoundScope, int certificatePatterns, ConvexSolution approxSolution,
                            TrainedModel model, Dataset approximation, Map<String, Double> seconds) {

    public LowRankResult {
        Objects.requireNonNull(lowerBoundScope, "lowerBoundScope");
        Objects.requireNonNull(approxSolution, "approxSolution");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(approximation, "approximation");
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /** {@code (F(θ_r;X) − lowerBound)/max(1, |F(θ_r;X)|)}, within the certificate's scope. */
    public double relativeGap() {
        return (objective - lowerBound) / Math.max(1.0, Math.abs(objective));
    }

    /** Wall seconds of the whole computation. */
    public double totalSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
