package org.cvxnn.solver.certificate;

/**
 * The value {@code σ(v) = max_i max_± ‖Π_{K_i}(±XᵀD_i v)‖} of the dual constraint (1.3)/(1.4)
 * over a pattern set, and where it is attained.
 *
 * @param value   σ(v) ≥ 0 (an upper bound in the sense of {@link ConeProjection})
 * @param pattern index of a maximising pattern, or −1 when σ(v) = 0
 * @param sign    +1 or −1: the sign of {@code ±XᵀD_i v} that attains the maximum; 0 when σ(v) = 0
 */
public record DualNorm(double value, int pattern, int sign) {

    /** σ(v) = 0: no pattern gives {@code v} a positive correlation with any neuron. */
    static final DualNorm ZERO = new DualNorm(0.0, -1, 0);
}
