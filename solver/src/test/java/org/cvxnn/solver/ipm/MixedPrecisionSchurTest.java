package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.Random;

import org.cvxnn.linalg.FloatMatrix;
import org.cvxnn.linalg.Lapack;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Uplo;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mixed-precision Schur complement: the mask Grams and tiered accumulation against dense
 * loops, conjugate gradients against a direct solve, and the whole reduced Newton solve with
 * terms rounded or left out against the exact one.
 */
class MixedPrecisionSchurTest {

    @Test
    void maskGramsAreTheMaskedGramMatrices() {
        Dataset data = TestProblems.planted(37, 4, 3);
        PatternSet patterns = TestProblems.sample(data, 12, 5);
        try (Arena arena = Arena.ofConfined()) {
            for (boolean constrained : new boolean[] {true, false}) {
                Matrix grams = TestProblems.twoLayerOperator(arena, data, patterns, constrained).maskGrams();
                for (int i = 0; i < patterns.size(); i++) {
                    int k = 0;
                    for (int c = 0; c < 4; c++)
                        for (int r = 0; r <= c; r++, k++) {
                            double g = 0;
                            for (int a = 0; a < data.n(); a++) if (patterns.active(i, a)) g += data.get(a, r) * data.get(a, c);
                            assertEquals(g, grams.get(k, i), 1e-12 * (1 + Math.abs(g)), "mask " + i + " entry " + r + "," + c);
                        }
                }
            }
        }
    }

    @Test
    void eachTierGoesToItsOwnAccumulator() {
        Dataset data = TestProblems.planted(41, 3, 7);
        PatternSet patterns = TestProblems.sample(data, 30, 9);
        int n = data.n(), d = data.d(), p = patterns.size();
        Random rng = new Random(11);
        SchurTier[] tiers = new SchurTier[p];
        for (int i = 0; i < p; i++) tiers[i] = SchurTier.values()[rng.nextInt(3)];
        try (Arena arena = Arena.ofConfined()) {
            TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, true);
            Matrix factors = Matrix.allocate(arena, d, d * p);
            for (int i = 0; i < p; i++)
                for (int c = 0; c < d; c++)
                    for (int r = c; r < d; r++) factors.set(r, i * d + c, rng.nextGaussian());
            Matrix exact = Matrix.allocate(arena, n, n);
            FloatMatrix single = FloatMatrix.allocate(arena, n, n);
            op.accumulateSchur(factors, tiers, exact, single);
            double[][] expectDouble = denseSum(data, patterns, factors, tiers, SchurTier.DOUBLE);
            double[][] expectSingle = denseSum(data, patterns, factors, tiers, SchurTier.SINGLE);
            for (int b = 0; b < n; b++)
                for (int a = 0; a <= b; a++) {
                    assertEquals(expectDouble[a][b], exact.get(a, b), 1e-11 * (1 + Math.abs(expectDouble[a][b])));
                    assertEquals(expectSingle[a][b], single.get(a, b), 1e-5 * (1 + Math.abs(expectSingle[a][b])));
                }
            Matrix all = Matrix.allocate(arena, n, n);
            op.accumulateSchur(factors, all);
            double[][] everything = denseSum(data, patterns, factors, null, null);
            for (int b = 0; b < n; b++)
                for (int a = 0; a <= b; a++) assertEquals(everything[a][b], all.get(a, b), 1e-11 * (1 + Math.abs(everything[a][b])));
        }
    }

    /** Σ over masks of the tier (all masks if {@code tier} is null) of D_i X L_i L_iᵀ Xᵀ D_i, by plain loops. */
    private static double[][] denseSum(Dataset data, PatternSet patterns, Matrix factors, SchurTier[] tiers, SchurTier tier) {
        int n = data.n(), d = data.d();
        double[][] s = new double[n][n];
        for (int i = 0; i < patterns.size(); i++) {
            if (tier != null && tiers[i] != tier) continue;
            double[][] z = new double[n][d];
            for (int a = 0; a < n; a++) {
                if (!patterns.active(i, a)) continue;
                for (int c = 0; c < d; c++)
                    for (int k = 0; k < d; k++) z[a][c] += data.get(a, k) * factors.get(k, i * d + c);
            }
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    for (int c = 0; c < d; c++) s[a][b] += z[a][c] * z[b][c];
        }
        return s;
    }

    @Test
    void conjugateGradientsReachTheDirectSolution() {
        int n = 50, k = 120;
        Random rng = new Random(13);
        try (Arena arena = Arena.ofConfined()) {
            Matrix z = Matrix.allocate(arena, n, k);
            for (int c = 0; c < k; c++) {
                double scale = c < 5 ? 1e4 : c < 60 ? 1.0 : 1e-3; // a few huge terms, tiny ones left out
                for (int a = 0; a < n; a++) z.set(a, c, scale * rng.nextGaussian());
            }
            Matrix s = identityPlus(arena, z, k), precond = identityPlus(arena, z, 60);
            Lapack.dpotrf(Uplo.UPPER, precond).orThrow();
            Matrix b = Matrix.vector(arena, n);
            for (int a = 0; a < n; a++) b.set(a, rng.nextGaussian());
            double[] rhs = b.toArray();
            double normS = 0;
            for (int a = 0; a < n; a++) normS = Math.max(normS, s.get(a, a));
            PreconditionedSchur cg = new PreconditionedSchur(arena, n, (v, out) -> {
                for (int a = 0; a < n; a++) {
                    double sum = 0;
                    for (int c = 0; c < n; c++) sum += s.get(a, c) * v.get(c);
                    out.set(a, sum);
                }
            });
            int iterations = cg.solve(precond, normS, b, PreconditionedSchur.FULL_ACCURACY, PreconditionedSchur.MAX_ITERATIONS);
            assertTrue(iterations <= 6, iterations + " iterations");
            // backward error of the solution: ‖S λ − rhs‖ small against ‖rhs‖ + ‖S‖‖λ‖
            double residual = 0, normRhs = 0, normLambda = 0;
            for (int a = 0; a < n; a++) {
                double sum = -rhs[a];
                for (int c = 0; c < n; c++) sum += s.get(a, c) * b.get(c);
                residual += sum * sum;
                normRhs += rhs[a] * rhs[a];
                normLambda += b.get(a) * b.get(a);
            }
            assertTrue(Math.sqrt(residual) <= 1e-12 * (Math.sqrt(normRhs) + normS * Math.sqrt(normLambda)),
                    "residual " + Math.sqrt(residual));
        }
    }

    /** I + (first {@code cols} columns of Z)(…)ᵀ, full symmetric. */
    private static Matrix identityPlus(Arena arena, Matrix z, int cols) {
        int n = z.rows();
        Matrix m = Matrix.allocate(arena, n, n);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                double sum = a == b ? 1 : 0;
                for (int c = 0; c < cols; c++) sum += z.get(a, c) * z.get(b, c);
                m.set(a, b, sum);
            }
        return m;
    }

    /**
     * The reduced Newton solve with terms rounded to single precision and left out equals the exact
     * one, also when the data are scaled so that the rounding alone could make S indefinite.
     */
    /**
     * Light masks (t_i ≤ 0.02) are left out beyond the omit budget, up to 100 times it in total, and
     * the solve still equals the exact one: the approximation only preconditions CG on the exact S.
     */
    @Test
    void lightMasksAreLeftOutBeyondTheBudget() {
        try (Arena arena = Arena.ofConfined()) {
            NewtonSystem sys = NewtonSystem.random(arena, 1.0, 0, 10); // σ ten times larger: t_i ≈ 0.01–0.1
            Solution exact = sys.solveExactly(arena);
            double budget = 1e-3;
            SchurKktSolver mixed = new SchurKktSolver(arena, sys.op, 1e-8, 1, true);
            mixed.fixBudgets(budget, 1e30);
            assertTrue(mixed.factor(sys.sigma, sys.soc));
            int masks = sys.op.masks();
            double[] t = new double[masks];
            for (int i = 0; i < masks; i++) t[i] = mixed.maskWeight(i);
            Arrays.sort(t);
            int withinBudget = 0, light = 0;
            for (double sum = 0; withinBudget < masks && sum + t[withinBudget] <= budget; withinBudget++) sum += t[withinBudget];
            for (double sum = 0; light < masks && t[light] <= 0.02 && sum + t[light] <= 100 * budget; light++) sum += t[light];
            assertTrue(light > withinBudget, "this system needs light masks beyond the budget: " + Arrays.toString(t));
            assertEquals(light, mixed.omittedMasks());
            Solution sol = sys.solve(arena, mixed, PreconditionedSchur.FULL_ACCURACY);
            assertTrue(sol.differenceTo(exact) <= 1e-8, "difference " + sol.differenceTo(exact));
        }
    }

    @ParameterizedTest(name = "data scale {0}")
    @ValueSource(doubles = {1.0, 1e5})
    void mixedSolveEqualsTheExactSolve(double scale) {
        try (Arena arena = Arena.ofConfined()) {
            NewtonSystem sys = NewtonSystem.random(arena, scale, 0);
            Solution exact = sys.solveExactly(arena);
            for (double[] budgets : new double[][] {{0, 1e30}, {1e30, 0}, {0.05, 1e5}}) {
                SchurKktSolver mixed = new SchurKktSolver(arena, sys.op, 1e-8, 1, true);
                mixed.fixBudgets(budgets[0], budgets[1]);
                assertTrue(mixed.factor(sys.sigma, sys.soc));
                Solution sol = sys.solve(arena, mixed, PreconditionedSchur.FULL_ACCURACY);
                assertTrue(sol.differenceTo(exact) <= 1e-8, "budgets " + budgets[0] + ", " + budgets[1] + ": difference " + sol.differenceTo(exact));
            }
        }
    }

    /**
     * A later iteration reuses the first accumulation (rescaled) as its preconditioner and still
     * solves to the accuracy asked for; a solve that does not converge within the limit for reused
     * preconditioners accumulates afresh, with the same result; reuse can be switched off.
     */
    @Test
    void reusedPreconditionerSolvesTheNextIteration() {
        try (Arena arena = Arena.ofConfined()) {
            NewtonSystem first = NewtonSystem.random(arena, 1.0, 0);
            NewtonSystem next = NewtonSystem.random(arena, 1.0, 1.0);
            Solution exact = next.solveExactly(arena);
            for (int limit : new int[] {SchurKktSolver.REUSED_CG_LIMIT, 1}) {
                SchurKktSolver mixed = new SchurKktSolver(arena, first.op, 1e-8, 1, true);
                mixed.limitReusedSolves(limit);
                assertTrue(mixed.factor(first.sigma, first.soc));
                assertFalse(mixed.preconditionerReused());
                assertTrue(mixed.factor(next.sigma, next.soc));
                assertTrue(mixed.preconditionerReused(), "the second factorisation reuses the first sum");
                Solution sol = next.solve(arena, mixed, PreconditionedSchur.FULL_ACCURACY);
                assertTrue(sol.differenceTo(exact) <= 1e-8, "limit " + limit + ": difference " + sol.differenceTo(exact));
                assertEquals(limit > 1, mixed.preconditionerReused(), "limit " + limit + ": accumulated afresh iff the limit was hit");
                assertTrue(mixed.conjugateGradientProducts() > 0);
                Solution predictor = next.solve(arena, mixed, Double.POSITIVE_INFINITY);
                assertTrue(predictor.differenceTo(exact) <= 0.01, "limit " + limit + ": predictor difference " + predictor.differenceTo(exact));
            }
            SchurKktSolver noReuse = new SchurKktSolver(arena, first.op, 1e-8, 1, true);
            noReuse.allowReuse(false);
            assertTrue(noReuse.factor(first.sigma, first.soc));
            assertTrue(noReuse.factor(next.sigma, next.soc));
            assertFalse(noReuse.preconditionerReused());
            assertTrue(next.solve(arena, noReuse, PreconditionedSchur.FULL_ACCURACY).differenceTo(exact) <= 1e-8);
        }
    }

    /** The Newton system of a random iterate of a small ReLU program: σ = z/s spread like late iterations. */
    private record NewtonSystem(TwoLayerOperator op, Matrix sigma, SocCones soc, Matrix ru, Matrix rt) {
        /**
         * @param scale  multiplies the data
         * @param spread 0 for the base iterate; otherwise σ and the cones of the base iterate
         *               multiplied by factors e^{±spread·u}, u uniform on [0, 1] (a later iteration)
         */
        static NewtonSystem random(Arena arena, double scale, double spread) {
            return random(arena, scale, spread, 1.0);
        }

        /** As {@link #random(Arena, double, double)} with every σ multiplied by {@code sigmaScale} (lighter masks). */
        static NewtonSystem random(Arena arena, double scale, double spread, double sigmaScale) {
            Dataset base = TestProblems.planted(60, 4, 17);
            double[] x = base.x().clone();
            for (int i = 0; i < x.length; i++) x[i] *= scale;
            Dataset data = new Dataset(base.n(), base.d(), x, base.y());
            PatternSet patterns = TestProblems.sample(data, 40, 19);
            int n = data.n(), d = data.d(), blocks = 2 * patterns.size();
            Random rng = new Random(23), change = new Random(29);
            TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, true);
            Matrix sigma = Matrix.allocate(arena, n, blocks);
            for (int j = 0; j < blocks; j++)
                for (int a = 0; a < n; a++)
                    sigma.set(a, j, sigmaScale * Math.exp(3 * rng.nextGaussian() + spread * (2 * change.nextDouble() - 1)));
            SocCones soc = new SocCones(arena, d, blocks);
            Matrix s = Matrix.allocate(arena, d + 1, blocks), z = Matrix.allocate(arena, d + 1, blocks);
            for (int j = 0; j < blocks; j++) {
                double grow = Math.exp(spread * (2 * change.nextDouble() - 1));
                s.set(0, j, 2 + rng.nextDouble());
                z.set(0, j, (2 + rng.nextDouble()) * grow);
                for (int k = 1; k <= d; k++) {
                    s.set(k, j, 0.3 * rng.nextGaussian());
                    z.set(k, j, 0.3 * rng.nextGaussian() * grow);
                }
            }
            assertTrue(soc.update(s, z, Matrix.allocate(arena, d + 1, blocks)));
            Matrix ru = Matrix.allocate(arena, d, blocks), rt = Matrix.vector(arena, blocks);
            for (int j = 0; j < blocks; j++) {
                rt.set(j, rng.nextGaussian());
                for (int k = 0; k < d; k++) ru.set(k, j, rng.nextGaussian());
            }
            return new NewtonSystem(op, sigma, soc, ru, rt);
        }

        Solution solveExactly(Arena arena) {
            SchurKktSolver exact = new SchurKktSolver(arena, op, 1e-8, 1, false);
            assertTrue(exact.factor(sigma, soc));
            return solve(arena, exact, PreconditionedSchur.FULL_ACCURACY);
        }

        Solution solve(Arena arena, SchurKktSolver kkt, double tolerance) {
            Solution sol = new Solution(Matrix.allocate(arena, ru.rows(), ru.cols()), Matrix.vector(arena, rt.rows()));
            kkt.solve(ru, rt, sol.du, sol.dt, tolerance);
            return sol;
        }
    }

    private record Solution(Matrix du, Matrix dt) {
        /** max |this − other| / max |other| over both parts. */
        double differenceTo(Solution other) {
            double diff = 0, norm = 0;
            for (int j = 0; j < du.cols(); j++) {
                for (int k = 0; k < du.rows(); k++) {
                    diff = Math.max(diff, Math.abs(du.get(k, j) - other.du.get(k, j)));
                    norm = Math.max(norm, Math.abs(other.du.get(k, j)));
                }
                diff = Math.max(diff, Math.abs(dt.get(j) - other.dt.get(j)));
                norm = Math.max(norm, Math.abs(other.dt.get(j)));
            }
            return diff / norm;
        }
    }
}
