package org.cvxnn.solver.certificate;

/**
 * The projection {@code z = g + Aᵀa} ({@code a >= 0}) of a vector {@code g} onto a pattern cone
 * {@code K = {u : A u >= 0}}, as computed by {@link PolyhedralConeProjector}.
 *
 * <p>Because {@code a} is nonnegative by construction, {@link #norm()} is never below the exact
 * value {@code ‖Π_K(g)‖ = max_{u ∈ K, ‖u‖ <= 1} gᵀu} (up to rounding in the final sum): a
 * truncated or inaccurate solve can only make a dual certificate more conservative.
 *
 * @param point      {@code z = g + Aᵀa}, length d
 * @param iterations least-squares solves used by the active-set method
 */
public record ConeProjection(double[] point, int iterations) {

    /** {@code ‖z‖}, the support value {@code max_{u ∈ K, ‖u‖ <= 1} gᵀu}. */
    public double norm() {
        double s = 0;
        for (double v : point) s += v * v;
        return Math.sqrt(s);
    }
}
