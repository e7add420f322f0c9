package org.cvxnn.solver.certificate;

import java.util.Arrays;

/**
 * The support function {@code φ(g) = max {gᵀu : K u >= 0, Σ_j ‖u_j‖₂ <= 1}} of a polyhedral cone
 * intersected with the unit ball of the group norm {@code Σ_j ‖u_j‖} ({@code m} groups of
 * {@code k} coordinates), the per-combo problem of the weight-decay dual (formulations §3.9).
 * Its dual is {@code φ(g) = min_{a >= 0} max_j ‖(g + Kᵀa)_j‖₂}: every {@code a >= 0} bounds φ from
 * above, every feasible u from below. Two stages:
 * <ol>
 *   <li>The projection {@code p = Π_K(g) = g + Kᵀa*} (nonnegative least squares,
 *       {@link RowConeProjector}) gives the upper bound {@code max_j ‖p_j‖ <= ‖p‖} (the path value)
 *       and the feasible point {@code p / Σ_j ‖p_j‖} with value {@code ‖p‖² / Σ_j ‖p_j‖ >= ‖p‖/√m}.
 *       With one group, or when the projection is already optimal, the two agree.</li>
 *   <li>{@link #refine}: a primal log-barrier method on
 *       {@code max gᵀu s.t. K u >= 0, ‖u_j‖ <= t_j, Σ_j t_j <= 1}, started from a strictly
 *       feasible point of the cone. At barrier parameter s the multipliers
 *       {@code a_r = 1/(s·k_rᵀu)} of the (unit) rows are dual feasible, so every centring step
 *       yields a rigorous upper bound; the bounds close like {@code (rows + 2m + 1)/s}.</li>
 * </ol>
 * Instances are immutable and thread-safe.
 */
final class GroupBallSupport {
    /** Stop when the bounds (for unit ‖g‖) are this close. */
    private static final double GAP_TOL = 1e-11;
    /**
     * Barrier parameter range and growth. Beyond about 1e10 the Newton systems are too
     * ill-conditioned for better centring (measured: the bounds stop closing at about 1e-7·‖g‖).
     */
    private static final double S_START = 1.0, S_MAX = 1e10, S_GROWTH = 10.0;
    private static final int MAX_NEWTON = 60;
    /** A unit row k_r with k_rᵀu below this at the start (scaled to Σ‖u_j‖ = ½) makes the start unusable. */
    private static final double INTERIOR_TOL = 1e-12;
    /** A projection shorter than this fraction of ‖g‖ is treated as zero for the primal point. */
    private static final double NEGLIGIBLE = 1e-9;

    private final int groups, groupDim, dim;
    private final RowConeProjector projector;
    /** The nonzero rows of K scaled to unit length, row-major {@code kept × dim}. */
    private final double[] unit;
    private final int kept;

    /**
     * @param cone   the rows of K, of dimension {@code groups · groupDim}
     * @param groups number of groups m (first-layer neurons)
     */
    GroupBallSupport(ComboGeometry.ConeRows cone, int groups) {
        this.groups = groups;
        this.dim = cone.dim();
        this.groupDim = dim / groups;
        this.projector = cone.projector();
        double[] rows = new double[cone.k().length];
        int count = 0;
        for (int r = 0; r < cone.rows(); r++) {
            double norm = norm(cone.k(), r * dim, dim);
            if (norm == 0) continue;
            for (int l = 0; l < dim; l++) rows[count * dim + l] = cone.k()[r * dim + l] / norm;
            count++;
        }
        this.kept = count;
        this.unit = Arrays.copyOf(rows, count * dim);
    }

    /** Stage 1: the bounds from the cone projection of g. */
    ComboSupport project(double[] g) {
        double[] p = projector.project(g).point();
        double upper = maxGroupNorm(p);
        double spread = 0, gp = 0;
        for (int l = 0; l < dim; l++) gp += g[l] * p[l];
        for (int j = 0; j < groups; j++) spread += norm(p, j * groupDim, groupDim);
        // a projection at round-off size carries no direction: the zero point is the honest one
        if (!(gp > 0) || norm(p, 0, dim) <= NEGLIGIBLE * norm(g, 0, dim))
            return new ComboSupport(0.0, upper, new double[dim], p, false);
        double[] point = p.clone();
        for (int l = 0; l < dim; l++) point[l] /= spread;
        return new ComboSupport(Math.min(gp / spread, upper), upper, point, p, false);
    }

    /**
     * Stage 2: tightens {@code coarse} (the result of {@link #project} for the same g) by the barrier
     * method started from {@code start}, a point of K; returns {@code coarse} when the bounds already
     * agree or when {@code start} is not strictly inside K (an empty interior).
     */
    ComboSupport refine(double[] g, double[] start, ComboSupport coarse) {
        double scale = norm(g, 0, dim);
        if (scale == 0 || coarse.spread() <= GAP_TOL * scale) return coarse;
        double[] h = new double[dim];
        for (int l = 0; l < dim; l++) h[l] = g[l] / scale;
        Barrier barrier = new Barrier(h);
        if (!barrier.start(start)) return coarse;

        double lower = coarse.lower() / scale, upper = coarse.upper() / scale;
        double[] point = coarse.point(), dual = coarse.dual();
        boolean dualImproved = false;
        for (double s = S_START; s <= S_MAX && upper - lower > GAP_TOL; s *= S_GROWTH) {
            if (!barrier.centre(s)) break;
            if (barrier.value() > 0) {
                double[] candidate = barrier.normalisedPoint();
                double value = barrier.value(candidate);
                if (value > lower) {
                    lower = value;
                    point = candidate;
                }
            }
            double[] z = barrier.dualPoint(s);
            double zMax = maxGroupNorm(z);
            if (zMax < upper) {
                upper = zMax;
                dual = z;
                dualImproved = true;
            }
        }
        if (dualImproved) for (int l = 0; l < dim; l++) dual[l] *= scale;
        double upperOut = dualImproved ? maxGroupNorm(dual) : coarse.upper();
        return new ComboSupport(Math.min(lower * scale, upperOut), upperOut, point, dual, true);
    }

    private double maxGroupNorm(double[] z) {
        double max = 0;
        for (int j = 0; j < groups; j++) max = Math.max(max, norm(z, j * groupDim, groupDim));
        return max;
    }

    private static double norm(double[] v, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) s += v[i] * v[i];
        return Math.sqrt(s);
    }

    /**
     * The barrier {@code F_s(u, t) = −s·hᵀu − Σ_r log k_rᵀu − Σ_j log(t_j² − ‖u_j‖²) − log(1 − Σ_j t_j)}
     * and its Newton iterations; the variables are {@code x = (u, t)}.
     */
    private final class Barrier {
        private final double[] h;
        private final int size = dim + groups;
        private final double[] x = new double[size];
        private final double[] trial = new double[size];
        private final double[] grad = new double[size];
        private final double[] hess = new double[size * size];
        private final double[] step = new double[size];
        private final double[] slack = new double[kept];

        Barrier(double[] h) {
            this.h = h;
        }

        /** Scales {@code u0} to Σ‖u_j‖ = ½ with {@code t_j = ‖u_j‖ + 1/(4m)}; false if not strictly inside K. */
        boolean start(double[] u0) {
            double total = 0;
            for (int j = 0; j < groups; j++) total += norm(u0, j * groupDim, groupDim);
            if (!(total > 0) || !Double.isFinite(total)) return false;
            for (int l = 0; l < dim; l++) x[l] = 0.5 * u0[l] / total;
            for (int j = 0; j < groups; j++) x[dim + j] = norm(x, j * groupDim, groupDim) + 0.25 / groups;
            for (int r = 0; r < kept; r++) {
                double s = 0;
                for (int l = 0; l < dim; l++) s += unit[r * dim + l] * x[l];
                if (!(s > INTERIOR_TOL)) return false;
            }
            return true;
        }

        /** {@code hᵀu} at the current point. */
        double value() {
            double v = 0;
            for (int l = 0; l < dim; l++) v += h[l] * x[l];
            return v;
        }

        /** {@code hᵀu} at {@code u}. */
        double value(double[] u) {
            double v = 0;
            for (int l = 0; l < dim; l++) v += h[l] * u[l];
            return v;
        }

        /** The current u rescaled onto Σ‖u_j‖ = 1 (still in K and in the ball; its value only grows when positive). */
        double[] normalisedPoint() {
            double total = 0;
            for (int j = 0; j < groups; j++) total += norm(x, j * groupDim, groupDim);
            double[] u = Arrays.copyOf(x, dim);
            for (int l = 0; l < dim; l++) u[l] /= total;
            return u;
        }

        /** {@code h + Σ_r a_r k_r} with {@code a_r = 1/(s·k_rᵀu) > 0}. */
        double[] dualPoint(double s) {
            double[] z = h.clone();
            rowValues(x, slack);
            for (int r = 0; r < kept; r++) {
                double a = 1.0 / (s * slack[r]);
                for (int l = 0; l < dim; l++) z[l] += a * unit[r * dim + l];
            }
            return z;
        }

        private void rowValues(double[] at, double[] out) {
            for (int r = 0; r < kept; r++) {
                double s = 0;
                for (int l = 0; l < dim; l++) s += unit[r * dim + l] * at[l];
                out[r] = s;
            }
        }

        /**
         * Newton's method on {@code F_s} from the current point; false if it could not make progress.
         * F_s is self-concordant, so the damped step {@code 1/(1 + λ)} ({@code λ²} the Newton
         * decrement) stays in the domain and decreases F_s, and full steps converge quadratically
         * once {@code λ < 1/4}: no line search on F_s, whose values lose the decrease to rounding
         * when s is large.
         */
        boolean centre(double s) {
            for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
                derivatives(s);
                if (!solveNewton()) return iteration > 0;
                double decrement = 0;
                for (int i = 0; i < size; i++) decrement -= grad[i] * step[i];
                if (!(decrement > 1e-20)) return true;
                double lambda = Math.sqrt(decrement);
                double alpha = lambda < 0.25 ? 1.0 : 1.0 / (1.0 + lambda);
                while (true) {
                    for (int i = 0; i < size; i++) trial[i] = x[i] + alpha * step[i];
                    if (inDomain(trial)) break;
                    alpha *= 0.5; // only rounding can leave the domain
                    if (alpha < 1e-14) return iteration > 0;
                }
                System.arraycopy(trial, 0, x, 0, size);
                if (decrement < 1e-14) return true;
            }
            return true;
        }

        private boolean inDomain(double[] at) {
            for (int r = 0; r < kept; r++) {
                double v = 0;
                for (int l = 0; l < dim; l++) v += unit[r * dim + l] * at[l];
                if (!(v > 0)) return false;
            }
            double sumT = 0;
            for (int j = 0; j < groups; j++) {
                if (!(at[dim + j] > norm(at, j * groupDim, groupDim))) return false;
                sumT += at[dim + j];
            }
            return sumT < 1;
        }

        /** Gradient and Hessian of {@code F_s} at the current point. */
        private void derivatives(double s) {
            Arrays.fill(grad, 0.0);
            Arrays.fill(hess, 0.0);
            for (int l = 0; l < dim; l++) grad[l] = -s * h[l];
            rowValues(x, slack);
            for (int r = 0; r < kept; r++) {
                double inv = 1.0 / slack[r];
                int base = r * dim;
                for (int a = 0; a < dim; a++) {
                    double ka = unit[base + a] * inv;
                    if (ka == 0) continue;
                    grad[a] -= ka;
                    for (int b = a; b < dim; b++) hess[a * size + b] += ka * unit[base + b] * inv;
                }
            }
            double sumT = 0;
            for (int j = 0; j < groups; j++) {
                int t = dim + j, from = j * groupDim;
                double tj = x[t];
                double un = norm(x, from, groupDim);
                double q = (tj - un) * (tj + un);
                sumT += tj;
                // −log q with ∇q = (−2u_j, 2t_j): gradient −∇q/q, Hessian ∇q∇qᵀ/q² + diag(2I, −2)/q
                for (int a = 0; a < groupDim; a++) {
                    grad[from + a] += 2 * x[from + a] / q;
                    for (int b = a; b < groupDim; b++)
                        hess[(from + a) * size + from + b] += 4 * x[from + a] * x[from + b] / (q * q) + (a == b ? 2 / q : 0);
                    hess[(from + a) * size + t] += -4 * tj * x[from + a] / (q * q);
                }
                grad[t] -= 2 * tj / q;
                hess[t * size + t] += 4 * tj * tj / (q * q) - 2 / q;
            }
            double rho = 1 - sumT;
            for (int j = 0; j < groups; j++) {
                grad[dim + j] += 1 / rho;
                for (int k = j; k < groups; k++) hess[(dim + j) * size + dim + k] += 1 / (rho * rho);
            }
            for (int a = 0; a < size; a++)
                for (int b = 0; b < a; b++) hess[a * size + b] = hess[b * size + a];
        }

        /** {@code step = −H⁻¹ grad} by Cholesky (H is symmetric positive definite on the domain); false if it breaks down. */
        private boolean solveNewton() {
            for (int j = 0; j < size; j++) {
                double diag = hess[j * size + j];
                for (int k = 0; k < j; k++) diag -= hess[j * size + k] * hess[j * size + k];
                if (!(diag > 0)) return false;
                double root = Math.sqrt(diag);
                hess[j * size + j] = root;
                for (int i = j + 1; i < size; i++) {
                    double v = hess[i * size + j];
                    for (int k = 0; k < j; k++) v -= hess[i * size + k] * hess[j * size + k];
                    hess[i * size + j] = v / root;
                }
            }
            for (int i = 0; i < size; i++) {
                double v = -grad[i];
                for (int k = 0; k < i; k++) v -= hess[i * size + k] * step[k];
                step[i] = v / hess[i * size + i];
            }
            for (int i = size - 1; i >= 0; i--) {
                double v = step[i];
                for (int k = i + 1; k < size; k++) v -= hess[k * size + i] * step[k];
                step[i] = v / hess[i * size + i];
            }
            return true;
        }
    }
}
