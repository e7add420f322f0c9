package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Step-length ratio tests of an interior-point iteration: the largest {@code α >= 0} such that
 * {@code x + α dx} stays in a cone, for the nonnegative orthant and for products of second-order
 * cones.
 */
public abstract class StepLength {

    /** For the implementations in this module. */
    protected StepLength() {}

    /**
     * Largest {@code α >= 0} with {@code s + α ds >= 0}, for {@code s >= 0}: the minimum of
     * {@code -s[k] / ds[k]} over {@code ds[k] < 0}, or {@code +∞} if there is none (also for
     * {@code len = 0}).
     *
     * @param s   {@code len} doubles, the current point (read)
     * @param ds  {@code len} doubles, the direction (read)
     * @param len vector length
     * @throws IllegalArgumentException if {@code len < 0} or a segment is too small or not 8-byte aligned
     */
    public final double orthant(MemorySegment s, MemorySegment ds, long len) {
        Checks.vector("s", s, len);
        Checks.vector("ds", ds, len);
        return orthantUnchecked(s, ds, len);
    }

    /**
     * Largest {@code α >= 0} such that {@code x + α dx} lies in every one of {@code coneCount}
     * consecutive second-order cones {@code {(t, u) : t >= ‖u‖}} of dimension {@code coneDim},
     * each stored as {@code (t, u_1 … u_{coneDim-1})}; {@code +∞} if no cone limits the step. Each
     * {@code x} block must lie in its cone (a residual {@code t² - ‖u‖²} that rounding made
     * slightly negative counts as the boundary). See {@link #coneStep} for the per-cone rule.
     *
     * @param x         {@code coneDim · coneCount} doubles, the current point (read)
     * @param dx        {@code coneDim · coneCount} doubles, the direction (read)
     * @param coneDim   dimension of each cone, {@code >= 1}
     * @param coneCount number of cones, {@code >= 0}
     * @throws IllegalArgumentException if {@code coneDim < 1}, {@code coneCount < 0} or a segment is
     *     too small or not 8-byte aligned
     */
    public final double secondOrderCones(MemorySegment x, MemorySegment dx, int coneDim, long coneCount) {
        Checks.positive("coneDim", coneDim);
        Checks.nonNegative("coneCount", coneCount);
        long len;
        try {
            len = Math.multiplyExact(coneCount, (long) coneDim);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(coneCount + " cones of dimension " + coneDim + " overflow a long length", e);
        }
        Checks.vector("x", x, len);
        Checks.vector("dx", dx, len);
        return secondOrderConesUnchecked(x, dx, coneDim, coneCount);
    }

    /** {@link #orthant} with arguments already validated. */
    protected abstract double orthantUnchecked(MemorySegment s, MemorySegment ds, long len);

    /** {@link #secondOrderCones} with arguments already validated. */
    protected abstract double secondOrderConesUnchecked(MemorySegment x, MemorySegment dx, int coneDim, long coneCount);

    /**
     * Step to the boundary of one second-order cone, from the point {@code (x0, u)} and direction
     * {@code (y0, v)} reduced to {@code xx = ‖u‖²}, {@code yy = ‖v‖²}, {@code xy = u·v}.
     *
     * <p>The cone is {@code {t >= 0, t² - ‖u‖² >= 0}}, so the step is the smaller of the first
     * {@code α > 0} where {@code x0 + α y0} turns negative and the first where
     * {@code f(α) = a α² + 2 b α + c} turns negative, with {@code a = y0² - yy},
     * {@code b = x0 y0 - xy}, {@code c = max(x0² - xx, 0)}. The first bound alone decides when the
     * line passes through the apex ({@code f} only touches zero there). Roots use the cancellation-free
     * form {@code q = -(b + sign(b) √(b² - ac))}, roots {@code q / a} and {@code c / q}.
     *
     * @return the largest feasible {@code α >= 0}, or {@code +∞}
     */
    protected static double coneStep(double x0, double y0, double xx, double yy, double xy) {
        double apex = y0 < 0 ? -x0 / y0 : Double.POSITIVE_INFINITY;
        return Math.min(apex, quadraticStep(y0 * y0 - yy, x0 * y0 - xy, Math.max(x0 * x0 - xx, 0.0)));
    }

    /** {@code sup {α >= 0 : a t² + 2 b t + c >= 0 for all t in [0, α]}}, for {@code c >= 0}. */
    private static double quadraticStep(double a, double b, double c) {
        final double inf = Double.POSITIVE_INFINITY;
        if (c == 0) {                        // on the boundary: f(α) = α (a α + 2 b)
            if (b < 0 || (b == 0 && a < 0)) return 0.0;
            return a < 0 ? -2 * b / a : inf;
        }
        if (a == 0) return b < 0 ? -c / (2 * b) : inf;   // f is linear
        double disc = b * b - a * c;
        if (disc < 0) return inf;            // no real root: f keeps the sign of f(0) = c > 0
        double q = -(b + Math.copySign(Math.sqrt(disc), b));   // q != 0 because c > 0
        double r1 = q / a;
        double r2 = c / q;
        double step = r1 > 0 ? r1 : inf;
        return r2 > 0 ? Math.min(step, r2) : step;
    }
}
