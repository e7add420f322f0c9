package org.cvxnn.solver.certificate;

import java.util.function.IntFunction;
import java.util.stream.IntStream;

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

    /**
     * The largest of {@code values[2c]} (index c, sign +) and {@code values[2c + 1]} (index c, sign −);
     * ties go to the lowest index, then to the + sign; {@link #ZERO} if no value is positive.
     */
    static DualNorm largest(double[] values) {
        DualNorm best = ZERO;
        for (int k = 0; k < values.length; k++) {
            if (values[k] > best.value()) best = new DualNorm(values[k], k / 2, k % 2 == 0 ? 1 : -1);
        }
        return best;
    }

    /**
     * {@link #largest(double[])} of the values {@code bothSigns.apply(c) = {σ_c(+), σ_c(−)}} of the
     * indices {@code c ∈ [0, size)}, evaluated in parallel on the common fork-join pool.
     */
    static DualNorm largest(int size, IntFunction<double[]> bothSigns) {
        double[] values = new double[2 * size];
        IntStream.range(0, size).parallel().forEach(c -> {
            double[] pm = bothSigns.apply(c);
            values[2 * c] = pm[0];
            values[2 * c + 1] = pm[1];
        });
        return largest(values);
    }

    /** {@code {‖Π_K(g)‖, ‖Π_K(−g)‖}} for the cone K of {@code cone}; negates {@code g} in place. */
    static double[] projectBothSigns(RowConeProjector cone, double[] g) {
        double plus = cone.project(g).norm();
        for (int k = 0; k < g.length; k++) g[k] = -g[k];
        return new double[] {plus, cone.project(g).norm()};
    }
}
