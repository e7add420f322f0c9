package org.cvxnn.solver.certificate;

import java.util.Arrays;
import java.util.Objects;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * Euclidean projection onto the cone {@code K_i = {u : A u >= 0}}, {@code A = (2D_i − I) X}, of an
 * activation pattern (formulations §0, §1.6).
 *
 * <p>By Moreau's decomposition {@code Π_K(g) = g + Aᵀa*} with {@code a* = argmin_{a >= 0} ‖g + Aᵀa‖}
 * (the polar cone is {@code {−Aᵀa : a >= 0}}). That nonnegative least-squares problem in the
 * {@code n} multipliers is solved by the Lawson–Hanson active-set method: constraints enter one at a
 * time (the most violated by the current point first) and at most {@code d} are active, so a step
 * costs {@code O(d²)} for the updated QR factorisation plus the pricing of the rows. Pricing is
 * partial, as in the simplex method: a full {@code O(nd)} pass keeps the most violated rows as
 * candidates, only those are re-priced ({@code O(d)} each) until none is violated, and optimality
 * is only declared after a full pass finds no violated row.
 *
 * <p>Rows of X are normalised once (this does not change the cone) so that violations are
 * distances. They are kept column-major, so that a full pass {@code X̂z} is a sequence of
 * vectorisable axpy loops, and row-major for the per-row work.
 *
 * <p>Instances are immutable and thread-safe; the public method allocates its own workspace.
 */
public final class PolyhedralConeProjector {
    /** A row enters only if it is violated by more than this fraction of {@code ‖g‖}. */
    private static final double VIOLATION_TOL = 1e-12;
    /** A row whose normal lies this close (relative) to the span of the active ones is skipped. */
    private static final double DEPENDENCE_TOL = 1e-10;
    /**
     * Bounds on the number of candidate rows kept by a full pass, which is d clamped to this range
     * (a full solve enters about d rows; the next entering rows are nearly always among the most
     * violated of the last full pass).
     */
    private static final int MIN_CANDIDATES = 32;
    private static final int MAX_CANDIDATES = 128;

    private final int n;
    private final int d;
    /** X with its rows scaled to unit length (zero rows stay zero), column-major n×d. */
    private final double[] unitX;
    /** The same matrix row-major. */
    private final double[] unitRows;
    private final int maxIterations;

    /** Prepares projections onto the pattern cones of {@code data}'s feature matrix. */
    public PolyhedralConeProjector(Dataset data) {
        this.n = data.n();
        this.d = data.d();
        this.unitX = new double[n * d];
        this.unitRows = new double[n * d];
        double[] x = data.x();
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += x[r + j * n] * x[r + j * n];
            double inv = s > 0 ? 1.0 / Math.sqrt(s) : 0.0;
            for (int j = 0; j < d; j++) {
                unitX[r + j * n] = x[r + j * n] * inv;
                unitRows[r * d + j] = x[r + j * n] * inv;
            }
        }
        this.maxIterations = 3 * (n + d);
    }

    /**
     * Projects {@code g} onto the cone of pattern {@code pattern} of {@code patterns}.
     *
     * @throws IllegalArgumentException if the pattern set or {@code g} does not match the data
     */
    public ConeProjection project(PatternSet patterns, int pattern, double[] g) {
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(g, "g");
        if (patterns.n() != n)
            throw new IllegalArgumentException("the patterns cover " + patterns.n() + " rows, the data have n = " + n);
        if (pattern < 0 || pattern >= patterns.size())
            throw new IllegalArgumentException("pattern index " + pattern + " is outside [0, " + patterns.size() + ")");
        if (g.length != d)
            throw new IllegalArgumentException("g has length " + g.length + ", the data have d = " + d + " features");
        return project(patterns.patternWords(pattern), 0, g, new Workspace(), 0.0);
    }

    /**
     * Unchecked projection onto the cone of the pattern stored in {@code words[offset ..]}, using
     * {@code ws} (which must come from this projector) for all scratch storage.
     *
     * <p>The iterates' norms decrease and each bounds the exact value from above, so the solve stops
     * as soon as the norm falls below {@code stopBelow}: the result is then only known to be smaller
     * than {@code stopBelow}. Pass 0 for the exact projection.
     */
    ConeProjection project(long[] words, int offset, double[] g, Workspace ws, double stopBelow) {
        double[] z = g.clone();
        double norm = norm(g);
        if (norm == 0 || norm < stopBelow) return new ConeProjection(z, 0);
        ws.start(words, offset, g);
        double tol = VIOLATION_TOL * norm;
        int iterations = 0;
        boolean fullPricing = true;
        while (iterations < maxIterations && norm >= stopBelow) {
            if (fullPricing) ws.priceAllRows(z, tol);
            else ws.priceCandidates(z);
            if (enterMostViolated(ws, tol) < 0) {
                if (fullPricing) break; // no row of the cone is violated: z is the projection
                fullPricing = true;
                continue;
            }
            fullPricing = false;
            iterations++;
            iterations += dropNonpositive(ws);
            ws.currentPoint(g, z);
            norm = norm(z);
        }
        return new ConeProjection(z, iterations);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /**
     * Adds the most violated candidate row that is independent of the active ones and gets a
     * positive least-squares coefficient; returns it, or −1 if no candidate is violated by more
     * than {@code tol}. On return {@code ws.s} holds the least-squares solution of the enlarged set.
     */
    private static int enterMostViolated(Workspace ws, double tol) {
        while (true) {
            int best = -1;
            double worst = tol;
            for (int c = 0; c < ws.candidateCount; c++) {
                if (ws.candidateViolation[c] > worst) {
                    worst = ws.candidateViolation[c];
                    best = c;
                }
            }
            if (best < 0) return -1;
            ws.candidateViolation[best] = Double.NEGATIVE_INFINITY; // tried: do not pick it again now
            int t = ws.candidates[best];
            ws.column(t);
            if (!ws.qr.add(ws.column, DEPENDENCE_TOL)) continue;
            int k = ws.qr.size() - 1;
            ws.qr.solve(ws.s);
            if (!(ws.s[k] > 0)) {
                // Rounding only: in exact arithmetic a violated row always enters with a positive weight.
                ws.qr.remove(k);
                continue;
            }
            ws.rows[k] = t;
            ws.coef[k] = 0.0;
            ws.active[t] = true;
            return t;
        }
    }

    /**
     * The inner Lawson–Hanson loop: while some least-squares coefficient is nonpositive, move from
     * the current multipliers towards it as far as nonnegativity allows and drop the rows that hit
     * zero. Leaves the new multipliers (all positive) in {@code ws.coef}; returns the solves used.
     */
    private static int dropNonpositive(Workspace ws) {
        int solves = 0;
        while (true) {
            int k = ws.qr.size();
            double step = Double.POSITIVE_INFINITY;
            int blocking = -1;
            for (int p = 0; p < k; p++) {
                if (ws.s[p] <= 0) {
                    double ratio = ws.coef[p] / (ws.coef[p] - ws.s[p]);
                    if (ratio < step) {
                        step = ratio;
                        blocking = p;
                    }
                }
            }
            if (blocking < 0) {
                System.arraycopy(ws.s, 0, ws.coef, 0, k);
                return solves;
            }
            for (int p = 0; p < k; p++) ws.coef[p] += step * (ws.s[p] - ws.coef[p]);
            ws.coef[blocking] = 0.0;
            for (int p = k - 1; p >= 0; p--) {
                if (ws.coef[p] <= 0) ws.deactivate(p);
            }
            ws.qr.solve(ws.s);
            solves++;
        }
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    /** Scratch storage for one projection at a time; reusable, not thread-safe. */
    final class Workspace {
        private final ActiveSetQr qr = new ActiveSetQr(d);
        /** ±1 per row: +1 where the pattern is active. */
        private final double[] sign = new double[n];
        /** Scratch for the full pricing pass (sign not yet applied). */
        private final double[] violation = new double[n];
        private final boolean[] active = new boolean[n];
        /** Rows priced between full passes, and their violations ({@code −∞} once tried or active). */
        private final int[] candidates = new int[Math.min(n, Math.clamp(d, MIN_CANDIDATES, MAX_CANDIDATES))];
        private final double[] candidateViolation = new double[candidates.length];
        private int candidateCount;
        /** Active rows in QR column order, their multipliers and the latest least-squares solution. */
        private final int[] rows = new int[d];
        private final double[] coef = new double[d];
        private final double[] s = new double[d];
        private final double[] column = new double[d];
        private final double[] negG = new double[d];

        private Workspace() {
        }

        void start(long[] words, int offset, double[] g) {
            for (int r = 0; r < n; r++)
                sign[r] = ((words[offset + (r >>> 6)] >>> (r & 63)) & 1L) != 0 ? 1.0 : -1.0;
            Arrays.fill(active, false);
            for (int j = 0; j < d; j++) negG[j] = -g[j];
            qr.reset(negG);
        }

        /**
         * Full pricing: {@code violation[r] = −A_r·z} (the distance of z outside half-space r) for
         * every row, keeping the most violated inactive rows above {@code tol} as candidates (in a
         * min-heap on their violation).
         */
        void priceAllRows(double[] z, double tol) {
            Arrays.fill(violation, 0.0);
            for (int j = 0; j < d; j++) {
                double zj = z[j];
                if (zj == 0) continue;
                int col = j * n;
                for (int r = 0; r < n; r++) violation[r] += zj * unitX[col + r];
            }
            candidateCount = 0;
            for (int r = 0; r < n; r++) {
                double v = -sign[r] * violation[r];
                if (v <= tol || active[r]) continue;
                if (candidateCount < candidates.length) {
                    candidates[candidateCount] = r;
                    candidateViolation[candidateCount] = v;
                    siftUp(candidateCount++);
                } else if (v > candidateViolation[0]) {
                    candidates[0] = r;
                    candidateViolation[0] = v;
                    siftDown(0);
                }
            }
        }

        /** Partial pricing: recomputes the violations of the current candidates only. */
        void priceCandidates(double[] z) {
            for (int c = 0; c < candidateCount; c++) {
                int r = candidates[c];
                if (active[r]) {
                    candidateViolation[c] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double dot = 0;
                int base = r * d;
                for (int j = 0; j < d; j++) dot += unitRows[base + j] * z[j];
                candidateViolation[c] = -sign[r] * dot;
            }
        }

        private void siftUp(int c) {
            while (c > 0 && candidateViolation[(c - 1) / 2] > candidateViolation[c]) {
                swap(c, (c - 1) / 2);
                c = (c - 1) / 2;
            }
        }

        private void siftDown(int c) {
            while (true) {
                int child = 2 * c + 1;
                if (child >= candidateCount) return;
                if (child + 1 < candidateCount && candidateViolation[child + 1] < candidateViolation[child]) child++;
                if (candidateViolation[c] <= candidateViolation[child]) return;
                swap(c, child);
                c = child;
            }
        }

        private void swap(int a, int b) {
            int r = candidates[a];
            candidates[a] = candidates[b];
            candidates[b] = r;
            double v = candidateViolation[a];
            candidateViolation[a] = candidateViolation[b];
            candidateViolation[b] = v;
        }

        /** Loads the normal {@code A_t} of row {@code t} into {@link #column}. */
        void column(int t) {
            int base = t * d;
            for (int j = 0; j < d; j++) column[j] = sign[t] * unitRows[base + j];
        }

        /** Removes the active row at QR position {@code p}. */
        void deactivate(int p) {
            int k = qr.size();
            active[rows[p]] = false;
            qr.remove(p);
            System.arraycopy(rows, p + 1, rows, p, k - 1 - p);
            System.arraycopy(coef, p + 1, coef, p, k - 1 - p);
            System.arraycopy(s, p + 1, s, p, k - 1 - p);
        }

        /** {@code z = g + Σ_p coef_p A_{rows[p]}}, computed directly from the nonnegative multipliers. */
        void currentPoint(double[] g, double[] z) {
            System.arraycopy(g, 0, z, 0, d);
            for (int p = 0; p < qr.size(); p++) {
                int base = rows[p] * d;
                double w = coef[p] * sign[rows[p]];
                for (int j = 0; j < d; j++) z[j] += w * unitRows[base + j];
            }
        }
    }
}
