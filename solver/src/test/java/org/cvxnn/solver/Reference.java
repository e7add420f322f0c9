package org.cvxnn.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * Independent, deliberately simple computations for tiny problems (n ≤ 10, d ≤ 3), sharing no code
 * with the library beyond the {@link Dataset} record: data, pattern enumeration, cone projection,
 * first-order solvers of the convex programs with their own duality gap, and non-convex training.
 */
final class Reference {
    private Reference() {
    }

    // ---------------------------------------------------------------------------------------
    // Data

    /** {@code n} samples of two Gaussian features; targets a smooth non-linear function plus noise. */
    static Dataset planar(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian(), b = rng.nextGaussian();
            x[i] = a;
            x[i + n] = b;
            y[i] = Math.abs(a) - 0.5 * Math.max(b, 0) + 0.3 * rng.nextGaussian();
        }
        return new Dataset(n, 2, x, y);
    }

    /** {@code data} as a design matrix, with the column of ones appended when {@code bias}. */
    static Dataset design(Dataset data, boolean bias) {
        return bias ? data.withBias() : data;
    }

    static double halfSquaredNorm(double[] v) {
        return 0.5 * dot(v, v);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    // ---------------------------------------------------------------------------------------
    // Network evaluation, written out from formulations (1.1) and §1.7

    /** {@code ½‖Σ_j (X u_j)_+ α_j − y‖² + (β/2) Σ_j (‖u_j‖² + α_j²)}; w1 column-major d×m. */
    static double reluObjective(Dataset x, double[] w1, double[] alpha, double beta) {
        int n = x.n(), d = x.d();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < alpha.length; j++) {
                double z = 0;
                for (int k = 0; k < d; k++) z += x.get(i, k) * w1[j * d + k];
                f += Math.max(z, 0) * alpha[j];
            }
            r[i] = f - x.y()[i];
        }
        return halfSquaredNorm(r) + 0.5 * beta * (dot(w1, w1) + dot(alpha, alpha));
    }

    /** Same for a gated network: neuron j is active on row i iff {@code x_iᵀg_j ≥ 0}. */
    static double gatedObjective(Dataset x, double[] gates, double[] w1, double[] alpha, double beta) {
        int n = x.n(), d = x.d();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < alpha.length; j++) {
                double z = 0, g = 0;
                for (int k = 0; k < d; k++) {
                    z += x.get(i, k) * w1[j * d + k];
                    g += x.get(i, k) * gates[j * d + k];
                }
                if (g >= 0) f += z * alpha[j];
            }
            r[i] = f - x.y()[i];
        }
        return halfSquaredNorm(r) + 0.5 * beta * (dot(w1, w1) + dot(alpha, alpha));
    }

    // ---------------------------------------------------------------------------------------
    // Patterns

    /**
     * Every activation pattern with a full-dimensional cell of a full-rank design in general
     * position: each cell of a central arrangement in R^d has an extreme ray on d−1 of the
     * hyperplanes; around the ray spanned by the null vector z of rows S, the gates
     * {@code ±z + ε Σ_{s∈S} σ_s x_s} reach every adjacent cell. All-zero patterns are dropped.
     */
    static List<boolean[]> allPatterns(Dataset x) {
        int n = x.n(), d = x.d();
        Map<String, boolean[]> found = new LinkedHashMap<>();
        for (int[] subset : subsets(n, d - 1)) {
            double[] z = nullVector(x, subset);
            for (int sign = -1; sign <= 1; sign += 2) {
                for (int combo = 0; combo < 1 << subset.length; combo++) {
                    double[] g = new double[d];
                    for (int k = 0; k < d; k++) g[k] = sign * z[k];
                    for (int s = 0; s < subset.length; s++) {
                        double sigma = (combo >> s & 1) == 1 ? 1 : -1;
                        for (int k = 0; k < d; k++) g[k] += 1e-6 * sigma * x.get(subset[s], k);
                    }
                    boolean[] p = new boolean[n];
                    boolean any = false;
                    for (int i = 0; i < n; i++) {
                        double v = 0;
                        for (int k = 0; k < d; k++) v += x.get(i, k) * g[k];
                        p[i] = v > 0;
                        any |= p[i];
                    }
                    if (any) found.putIfAbsent(Arrays.toString(p), p);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The patterns of a library pattern set, as boolean rows. */
    static List<boolean[]> patterns(PatternSet set) {
        List<boolean[]> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            boolean[] p = new boolean[set.n()];
            for (int r = 0; r < set.n(); r++) p[r] = set.active(i, r);
            out.add(p);
        }
        return out;
    }

    /** Unit vector orthogonal to the given rows (d−1 rows of a d-column matrix, d = 2 or 3). */
    private static double[] nullVector(Dataset x, int[] rows) {
        double[] z;
        if (x.d() == 2) {
            z = new double[] {-x.get(rows[0], 1), x.get(rows[0], 0)};
        } else if (x.d() == 3) {
            double[] a = x.row(rows[0]), b = x.row(rows[1]);
            z = new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
        } else {
            throw new IllegalArgumentException("reference enumeration supports d = 2 or 3");
        }
        double len = norm(z);
        for (int k = 0; k < z.length; k++) z[k] /= len;
        return z;
    }

    /** All subsets of {0..n−1} of size k, in lexicographic order. */
    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] s = new int[k];
        for (int i = 0; i < k; i++) s[i] = i;
        while (true) {
            out.add(s.clone());
            int i = k - 1;
            while (i >= 0 && s[i] == n - k + i) i--;
            if (i < 0) return out;
            s[i]++;
            for (int j = i + 1; j < k; j++) s[j] = s[j - 1] + 1;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Projection onto the cone K = {u : (2D − I) X u ≥ 0}

    /**
     * Exact Euclidean projection onto one pattern's cone by enumerating faces: the projection lies
     * in the relative interior of a face, and is the orthogonal projection onto that face's span,
     * {@code {u : a_s·u = 0, s ∈ S}} for some set S of at most d−1 constraint rows (or 0). Every
     * such candidate that is feasible is a point of K, so the closest feasible candidate is the
     * projection.
     */
    static final class Cone {
        private final double[][] rows;
        private final List<double[][]> projectors = new ArrayList<>();

        Cone(Dataset x, boolean[] pattern) {
            int n = x.n(), d = x.d();
            rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = x.row(i);
                if (!pattern[i]) for (int k = 0; k < d; k++) rows[i][k] = -rows[i][k];
            }
            for (int size = 1; size < d; size++) {
                for (int[] s : subsets(n, size)) {
                    double[][] p = complementProjector(s, d);
                    if (p != null) projectors.add(p);
                }
            }
        }

        /** {@code I − A_Sᵀ (A_S A_Sᵀ)⁻¹ A_S} for |S| ≤ 2, or null when A_S is rank deficient. */
        private double[][] complementProjector(int[] s, int d) {
            double[][] p = new double[d][d];
            for (int k = 0; k < d; k++) p[k][k] = 1;
            if (s.length == 1) {
                double[] a = rows[s[0]];
                double aa = dot(a, a);
                for (int k = 0; k < d; k++) for (int l = 0; l < d; l++) p[k][l] -= a[k] * a[l] / aa;
                return p;
            }
            double[] a = rows[s[0]], b = rows[s[1]];
            double g11 = dot(a, a), g12 = dot(a, b), g22 = dot(b, b), det = g11 * g22 - g12 * g12;
            if (det <= 1e-12 * g11 * g22) return null;
            double i11 = g22 / det, i12 = -g12 / det, i22 = g11 / det;
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    p[k][l] -= a[k] * (i11 * a[l] + i12 * b[l]) + b[k] * (i12 * a[l] + i22 * b[l]);
                }
            }
            return p;
        }

        boolean contains(double[] u) {
            double scale = norm(u);
            for (double[] a : rows) if (dot(a, u) < -1e-13 * scale * norm(a)) return false;
            return true;
        }

        double[] project(double[] g) {
            if (contains(g)) return g.clone();
            double[] best = new double[g.length];
            double bestDist = dot(g, g);
            for (double[][] p : projectors) {
                double[] c = new double[g.length];
                for (int k = 0; k < g.length; k++) c[k] = dot(p[k], g);
                double dist = 0;
                for (int k = 0; k < g.length; k++) dist += (c[k] - g[k]) * (c[k] - g[k]);
                if (dist < bestDist && contains(c)) {
                    best = c;
                    bestDist = dist;
                }
            }
            return best;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Convex programs (1.2) and (1.5) by FISTA with adaptive restart

    /** Result of {@link #solveConvex}: primal value, own dual lower bound, iterations used. */
    record ConvexResult(double objective, double lowerBound, int iterations, double[][] blocks) {
        double relativeGap() {
            return (objective - lowerBound) / Math.max(1, Math.abs(objective));
        }
    }

    /**
     * Minimises {@code ½‖Σ_b s_b D_b X u_b − y‖² + β Σ_b ‖u_b‖}: for the ReLU program (1.2) the
     * blocks are v_1..v_P (s = +1) and w_1..w_P (s = −1), each constrained to its pattern's cone;
     * for the gated program (1.5) they are u_1..u_P, unconstrained. Stops when its own certified
     * relative gap is below {@code tol} or after {@code maxIterations}.
     */
    static ConvexResult solveConvex(Dataset x, List<boolean[]> patterns, double beta, boolean relu, double tol, int maxIterations) {
        int n = x.n(), d = x.d(), p = patterns.size(), blocks = relu ? 2 * p : p;
        Cone[] cones = new Cone[p];
        if (relu) for (int i = 0; i < p; i++) cones[i] = new Cone(x, patterns.get(i));
        double step = 1 / lipschitz(x, patterns, relu);
        double[][] cur = new double[blocks][d], z = new double[blocks][d];
        double t = 1;
        int it = 0;
        while (true) {
            if (it % 50 == 0) {
                double[] v = residual(x, patterns, cur);
                for (int i = 0; i < n; i++) v[i] = -v[i];
                double primal = halfSquaredNorm(v) + beta * sumNorms(cur);
                double lb = lowerBound(x, patterns, cones, v, beta, relu);
                if ((primal - lb) / Math.max(1, Math.abs(primal)) <= tol || it >= maxIterations)
                    return new ConvexResult(primal, lb, it, cur);
            }
            double[] r = residual(x, patterns, z);
            double[][] next = new double[blocks][d];
            double restart = 0;
            for (int b = 0; b < blocks; b++) {
                double sign = b < p ? 1 : -1;
                double[] g = correlation(x, patterns.get(b % p), r);
                double[] point = new double[d];
                for (int k = 0; k < d; k++) point[k] = z[b][k] - step * sign * g[k];
                if (relu) point = cones[b % p].project(point);
                double len = norm(point);
                double shrink = len > step * beta ? 1 - step * beta / len : 0;
                for (int k = 0; k < d; k++) {
                    next[b][k] = shrink * point[k];
                    restart += (z[b][k] - next[b][k]) * (next[b][k] - cur[b][k]);
                }
            }
            double tNext = restart > 0 ? 1 : 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
            double momentum = restart > 0 ? 0 : (t - 1) / tNext;
            for (int b = 0; b < blocks; b++)
                for (int k = 0; k < d; k++) z[b][k] = next[b][k] + momentum * (next[b][k] - cur[b][k]);
            cur = next;
            t = tNext;
            it++;
        }
    }

    /**
     * Dual bound of formulations §1.6 (and its gated analogue without cones): with
     * {@code σ = max_b ‖Π_{K_b}(s_b XᵀD_b v)‖}, {@code t v} is dual feasible for
     * {@code t = clip(yᵀv/‖v‖², 0, β/σ)}, giving {@code t yᵀv − ½ t² ‖v‖²}.
     */
    static double lowerBound(Dataset x, List<boolean[]> patterns, Cone[] cones, double[] v, double beta, boolean relu) {
        double sigma = sigma(x, patterns, cones, v, relu);
        double yv = dot(x.y(), v), vv = dot(v, v);
        if (vv == 0) return 0;
        double t = Math.max(0, yv / vv);
        if (sigma > 0) t = Math.min(t, beta / sigma);
        return t * yv - 0.5 * t * t * vv;
    }

    /**
     * {@code max_i max_± ‖Π_{K_i}(±XᵀD_i v)‖} for ReLU ({@code max_{u ∈ K, ‖u‖ ≤ 1} gᵀu = ‖Π_K g‖}),
     * {@code max_i ‖XᵀD_i v‖} for gated; {@code cones} may be null and is then built here.
     */
    static double sigma(Dataset x, List<boolean[]> patterns, Cone[] cones, double[] v, boolean relu) {
        double sigma = 0;
        for (int i = 0; i < patterns.size(); i++) {
            double[] g = correlation(x, patterns.get(i), v);
            if (relu) {
                Cone cone = cones != null ? cones[i] : new Cone(x, patterns.get(i));
                double[] minus = new double[g.length];
                for (int k = 0; k < g.length; k++) minus[k] = -g[k];
                sigma = Math.max(sigma, Math.max(norm(cone.project(g)), norm(cone.project(minus))));
            } else {
                sigma = Math.max(sigma, norm(g));
            }
        }
        return sigma;
    }

    /** {@code Σ_b s_b D_b X u_b − y}. */
    private static double[] residual(Dataset x, List<boolean[]> patterns, double[][] blocks) {
        int n = x.n(), d = x.d(), p = patterns.size();
        double[] r = new double[n];
        for (int b = 0; b < blocks.length; b++) {
            double sign = b < p ? 1 : -1;
            boolean[] mask = patterns.get(b % p);
            for (int i = 0; i < n; i++) {
                if (!mask[i]) continue;
                double s = 0;
                for (int k = 0; k < d; k++) s += x.get(i, k) * blocks[b][k];
                r[i] += sign * s;
            }
        }
        for (int i = 0; i < n; i++) r[i] -= x.y()[i];
        return r;
    }

    /** {@code XᵀD r}. */
    private static double[] correlation(Dataset x, boolean[] mask, double[] r) {
        double[] g = new double[x.d()];
        for (int i = 0; i < x.n(); i++) if (mask[i]) for (int k = 0; k < x.d(); k++) g[k] += x.get(i, k) * r[i];
        return g;
    }

    private static double sumNorms(double[][] blocks) {
        double s = 0;
        for (double[] b : blocks) s += norm(b);
        return s;
    }

    /** 1.01 × the largest eigenvalue of {@code Σ_b D_b X Xᵀ D_b} (= ‖M‖²), by power iteration. */
    private static double lipschitz(Dataset x, List<boolean[]> patterns, boolean relu) {
        int n = x.n();
        double[][] g = new double[n][n];
        for (boolean[] mask : patterns) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (mask[i] && mask[j]) g[i][j] += (relu ? 2 : 1) * dot(x.row(i), x.row(j));
                }
            }
        }
        double[] v = new double[n];
        Arrays.fill(v, 1);
        double lambda = 0;
        for (int it = 0; it < 300; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) next[i] = dot(g[i], v);
            lambda = norm(next);
            for (int i = 0; i < n; i++) v[i] = next[i] / lambda;
        }
        return 1.01 * lambda;
    }

    // ---------------------------------------------------------------------------------------
    // Non-convex training of (1.1): gradient descent with backtracking from random starts

    /**
     * The best objective (1.1) over {@code restarts} runs of width {@code m}, each started from
     * {@code u_j ~ N(0, I/d)}, {@code α_j ~ N(0, 1/m)} and run for {@code iterations} steps of
     * gradient descent with an adaptive step (grown by 1.2 after success, halved until the objective
     * decreases).
     */
    static double bestNonconvex(Dataset x, double beta, int m, int restarts, int iterations, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double best = Double.POSITIVE_INFINITY;
        int d = x.d();
        for (int run = 0; run < restarts; run++) {
            double[] w1 = new double[d * m], alpha = new double[m];
            for (int k = 0; k < w1.length; k++) w1[k] = rng.nextGaussian() / Math.sqrt(d);
            for (int j = 0; j < m; j++) alpha[j] = rng.nextGaussian() / Math.sqrt(m);
            best = Math.min(best, descend(x, beta, w1, alpha, iterations));
        }
        return best;
    }

    private static double descend(Dataset x, double beta, double[] w1, double[] alpha, int iterations) {
        int n = x.n(), d = x.d(), m = alpha.length;
        double f = reluObjective(x, w1, alpha, beta);
        double step = 1e-2;
        for (int it = 0; it < iterations && step > 1e-14; it++) {
            double[] r = new double[n];
            double[][] z = new double[m][n];
            for (int i = 0; i < n; i++) {
                double pred = 0;
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) s += x.get(i, k) * w1[j * d + k];
                    z[j][i] = s;
                    pred += Math.max(s, 0) * alpha[j];
                }
                r[i] = pred - x.y()[i];
            }
            double[] gw = new double[d * m], ga = new double[m];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    if (z[j][i] <= 0) continue;
                    ga[j] += r[i] * z[j][i];
                    for (int k = 0; k < d; k++) gw[j * d + k] += r[i] * alpha[j] * x.get(i, k);
                }
                ga[j] += beta * alpha[j];
                for (int k = 0; k < d; k++) gw[j * d + k] += beta * w1[j * d + k];
            }
            while (step > 1e-14) {
                double[] w1t = new double[d * m], at = new double[m];
                for (int k = 0; k < w1.length; k++) w1t[k] = w1[k] - step * gw[k];
                for (int j = 0; j < m; j++) at[j] = alpha[j] - step * ga[j];
                double ft = reluObjective(x, w1t, at, beta);
                if (ft < f) {
                    System.arraycopy(w1t, 0, w1, 0, w1.length);
                    System.arraycopy(at, 0, alpha, 0, m);
                    f = ft;
                    step *= 1.2;
                    break;
                }
                step *= 0.5;
            }
        }
        return f;
    }
}
