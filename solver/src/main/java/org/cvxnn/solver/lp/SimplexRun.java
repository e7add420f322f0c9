package org.cvxnn.solver.lp;

import java.util.Arrays;

/**
 * The state of one {@link SimplexSolver} solve. Columns {@code 0..n-1} are the LP's variables,
 * columns {@code n..n+m-1} the artificials {@code ±e_i} of phase 1. Nonbasic variables keep their
 * value in {@link #x} (a finite bound, or 0 for a free variable).
 */
final class SimplexRun {
    /** Consecutive degenerate steps after which Bland's rule takes over. */
    private static final int DEGENERATE_STEPS_BEFORE_BLAND = 50;
    /** A step shorter than this counts as degenerate. */
    private static final double DEGENERATE_STEP = 1e-12;

    private final StandardFormLp lp;
    private final LpSettings settings;
    private final int m;
    private final int n;
    private final int total;
    private final double[] lo;
    private final double[] hi;
    private final double[] cost;
    private final double[] x;
    private final double[] artificialSign;
    private final int[] basis;
    private final int[] position;
    private final BasisInverse inverse;
    private final double[] pi;
    private final double[] alpha;
    private final double[] work;
    private final double[] basisMatrix;
    private int iterations;
    private int sinceRefactor;
    private int degenerateSteps;

    // outcome of the last ratio test
    private int leavingRow;
    private double step;

    SimplexRun(StandardFormLp lp, LpSettings settings) {
        this.lp = lp;
        this.settings = settings;
        this.m = lp.rows();
        this.n = lp.cols();
        this.total = n + m;
        this.lo = new double[total];
        this.hi = new double[total];
        this.cost = new double[total];
        this.x = new double[total];
        this.artificialSign = new double[m];
        this.basis = new int[m];
        this.position = new int[total];
        this.inverse = new BasisInverse(m);
        this.pi = new double[m];
        this.alpha = new double[m];
        this.work = new double[m];
        this.basisMatrix = new double[m * m];
    }

    LpSolution solve() {
        startPhase1();
        LpStatus status = iterate();
        if (status == LpStatus.OPTIMAL) {
            if (artificialSum() > 10 * settings.feasibilityTol() * Math.max(1.0, maxAbs(lp.b()))) {
                status = LpStatus.INFEASIBLE;
            } else {
                startPhase2();
                status = iterate();
            }
        } else if (status == LpStatus.UNBOUNDED) {
            status = LpStatus.NUMERICAL_ERROR; // phase 1 is bounded below by 0
        }
        return finish(status);
    }

    /** Structural variables at a finite bound (or 0 if free); one artificial per row absorbs the residual. */
    private void startPhase1() {
        System.arraycopy(lp.lower(), 0, lo, 0, n);
        System.arraycopy(lp.upper(), 0, hi, 0, n);
        double[] residual = lp.b().clone();
        for (int j = 0; j < n; j++) {
            x[j] = Double.isFinite(lo[j]) ? lo[j] : Double.isFinite(hi[j]) ? hi[j] : 0.0;
            position[j] = -1;
            if (x[j] != 0.0) {
                for (int i = 0; i < m; i++) residual[i] -= lp.a()[i + j * m] * x[j];
            }
        }
        for (int i = 0; i < m; i++) {
            int k = n + i;
            artificialSign[i] = residual[i] >= 0 ? 1.0 : -1.0;
            x[k] = Math.abs(residual[i]);
            lo[k] = 0.0;
            hi[k] = Double.POSITIVE_INFINITY;
            cost[k] = 1.0;
            basis[i] = k;
            position[k] = i;
        }
        inverse.setDiagonal(artificialSign);
        sinceRefactor = 0;
    }

    /** Artificials are fixed at zero (basic ones leave at the first step that moves them). */
    private void startPhase2() {
        System.arraycopy(lp.c(), 0, cost, 0, n);
        for (int k = n; k < total; k++) {
            cost[k] = 0.0;
            hi[k] = 0.0;
            if (position[k] < 0) x[k] = 0.0;
        }
        degenerateSteps = 0;
    }

    private LpStatus iterate() {
        while (true) {
            if (sinceRefactor >= settings.refactorInterval() && !refactor()) return LpStatus.NUMERICAL_ERROR;
            computeDuals();
            int q = chooseEntering();
            if (q < 0) {
                if (sinceRefactor == 0) return LpStatus.OPTIMAL;
                if (!refactor()) return LpStatus.NUMERICAL_ERROR; // confirm optimality on fresh values
                continue;
            }
            if (iterations >= settings.maxIterations()) return LpStatus.ITERATION_LIMIT;
            double direction = reducedCost(q) < 0 ? 1.0 : -1.0;
            enteringColumn(q);
            if (!ratioTest(q, direction)) return LpStatus.UNBOUNDED;
            applyStep(q, direction);
            iterations++;
        }
    }

    private void computeDuals() {
        for (int i = 0; i < m; i++) work[i] = cost[basis[i]];
        inverse.solveTransposed(work, pi);
    }

    private double reducedCost(int j) {
        if (j >= n) return cost[j] - artificialSign[j - n] * pi[j - n];
        double[] a = lp.a();
        int off = j * m;
        double s = 0;
        for (int i = 0; i < m; i++) s += a[off + i] * pi[i];
        return cost[j] - s;
    }

    /** Dantzig's rule, or the smallest eligible index while degenerate steps pile up; -1 if optimal. */
    private int chooseEntering() {
        boolean bland = degenerateSteps >= DEGENERATE_STEPS_BEFORE_BLAND;
        int best = -1;
        double bestScore = 0;
        for (int j = 0; j < total; j++) {
            if (position[j] >= 0 || !(hi[j] > lo[j])) continue;
            double d = reducedCost(j);
            double tol = settings.optimalityTol() * (1 + Math.abs(cost[j]));
            double score = (d < -tol && x[j] < hi[j]) ? -d : (d > tol && x[j] > lo[j]) ? d : 0;
            if (score > bestScore) {
                best = j;
                bestScore = score;
                if (bland) break;
            }
        }
        return best;
    }

    private void enteringColumn(int q) {
        if (q >= n) {
            inverse.column(q - n, artificialSign[q - n], alpha);
        } else {
            System.arraycopy(lp.a(), q * m, work, 0, m);
            inverse.solve(work, alpha);
        }
    }

    /**
     * Finds the step along the entering direction: sets {@link #step} and {@link #leavingRow}
     * ({@code -1} for a bound flip of the entering variable).
     *
     * @return false if nothing blocks the step (unbounded direction)
     */
    private boolean ratioTest(int q, double direction) {
        double range = hi[q] - lo[q];
        double feasTol = settings.feasibilityTol();
        double pivTol = settings.pivotTol();
        boolean bland = degenerateSteps >= DEGENERATE_STEPS_BEFORE_BLAND;
        // pass 1: the longest step that keeps every basic variable within its bound plus the tolerance
        double limit = range;
        if (!bland) {
            for (int i = 0; i < m; i++) {
                double rate = -direction * alpha[i];
                int k = basis[i];
                if (rate < -pivTol && lo[k] > Double.NEGATIVE_INFINITY) {
                    limit = Math.min(limit, (x[k] - lo[k] + feasTol) / -rate);
                } else if (rate > pivTol && hi[k] < Double.POSITIVE_INFINITY) {
                    limit = Math.min(limit, (hi[k] - x[k] + feasTol) / rate);
                }
            }
        }
        // pass 2: among the rows blocking within that step, the largest pivot (Bland: the smallest ratio, then index)
        leavingRow = -1;
        double leavingRatio = Double.POSITIVE_INFINITY;
        double bestPivot = 0;
        for (int i = 0; i < m; i++) {
            double rate = -direction * alpha[i];
            int k = basis[i];
            double ratio;
            if (rate < -pivTol && lo[k] > Double.NEGATIVE_INFINITY) {
                ratio = Math.max(0.0, (x[k] - lo[k]) / -rate);
            } else if (rate > pivTol && hi[k] < Double.POSITIVE_INFINITY) {
                ratio = Math.max(0.0, (hi[k] - x[k]) / rate);
            } else {
                continue;
            }
            boolean better = bland
                    ? ratio < leavingRatio || (ratio == leavingRatio && k < basis[leavingRow])
                    : ratio <= limit && Math.abs(rate) > bestPivot;
            if (better) {
                leavingRow = i;
                leavingRatio = ratio;
                bestPivot = Math.abs(rate);
            }
        }
        if (leavingRow < 0 || range <= leavingRatio) {
            if (range == Double.POSITIVE_INFINITY) return false;
            leavingRow = -1;
            step = range;
        } else {
            step = leavingRatio;
        }
        return true;
    }

    private void applyStep(int q, double direction) {
        for (int i = 0; i < m; i++) x[basis[i]] -= direction * alpha[i] * step;
        if (leavingRow < 0) {
            x[q] = direction > 0 ? hi[q] : lo[q];
        } else {
            x[q] += direction * step;
            int k = basis[leavingRow];
            x[k] = -direction * alpha[leavingRow] < 0 ? lo[k] : hi[k];
            position[k] = -1;
            basis[leavingRow] = q;
            position[q] = leavingRow;
            inverse.pivot(leavingRow, alpha);
            sinceRefactor++;
        }
        degenerateSteps = step <= DEGENERATE_STEP ? degenerateSteps + 1 : 0;
    }

    /** Re-inverts the basis and recomputes the basic values from the nonbasic ones. */
    private boolean refactor() {
        double[] a = lp.a();
        for (int c = 0; c < m; c++) {
            int k = basis[c];
            for (int i = 0; i < m; i++) {
                basisMatrix[i * m + c] = k >= n ? (i == k - n ? artificialSign[i] : 0.0) : a[i + k * m];
            }
        }
        if (!inverse.invert(basisMatrix, 1e-13)) return false;
        double[] residual = work;
        System.arraycopy(lp.b(), 0, residual, 0, m);
        for (int j = 0; j < total; j++) {
            if (position[j] >= 0 || x[j] == 0.0) continue;
            if (j >= n) {
                residual[j - n] -= artificialSign[j - n] * x[j];
            } else {
                for (int i = 0; i < m; i++) residual[i] -= a[i + j * m] * x[j];
            }
        }
        inverse.solve(residual, alpha);
        for (int i = 0; i < m; i++) x[basis[i]] = alpha[i];
        sinceRefactor = 0;
        return true;
    }

    private double artificialSum() {
        double s = 0;
        for (int k = n; k < total; k++) s += x[k];
        return s;
    }

    private LpSolution finish(LpStatus status) {
        if (status != LpStatus.NUMERICAL_ERROR && sinceRefactor > 0) refactor();
        System.arraycopy(lp.c(), 0, cost, 0, n);
        Arrays.fill(cost, n, total, 0.0);
        computeDuals();
        double[] xs = Arrays.copyOf(x, n);
        double objective = 0;
        for (int j = 0; j < n; j++) objective += lp.c()[j] * xs[j];
        return new LpSolution(status, xs, objective, pi.clone(), iterations);
    }

    private static double maxAbs(double[] v) {
        double s = 0;
        for (double e : v) s = Math.max(s, Math.abs(e));
        return s;
    }
}
