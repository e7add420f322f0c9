package org.cvxnn.solver.lowrank;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.SplittableRandom;

import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LowRankApproximationTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * Features {@code offset·1cᵀ + G H + noise·E} (G n×r, H r×d, E n×d Gaussian), so the centred
     * features have rank r when noise = 0; targets from a fixed two-neuron ReLU function plus noise.
     */
    static Dataset lowRank(int n, int d, int r, double offset, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] g = gauss(n * r, rnd), h = gauss(r * d, rnd), c = gauss(d, rnd), x = new double[n * d];
        for (int j = 0; j < d; j++)
            for (int i = 0; i < n; i++) {
                double s = offset * c[j] + noise * rnd.nextGaussian();
                for (int l = 0; l < r; l++) s += g[i + l * n] * h[l + j * r];
                x[i + j * n] = s;
            }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 0, b = 0;
            for (int j = 0; j < d; j++) {
                a += x[i + j * n] * (j % 2 == 0 ? 1 : -0.5);
                b += x[i + j * n] * (j % 3 == 0 ? -0.7 : 0.4);
            }
            y[i] = Math.max(a, 0) - 0.8 * Math.max(b, 0) + 0.1 * rnd.nextGaussian();
        }
        return new Dataset(n, d, x, y);
    }

    private static double[] gauss(int len, SplittableRandom rnd) {
        double[] v = new double[len];
        for (int k = 0; k < len; k++) v[k] = rnd.nextGaussian();
        return v;
    }

    /** p* of the relu2 problem on {@code data} by exact enumeration of all its patterns. */
    private static ConvexSolution exactSolve(Dataset data, double beta, boolean bias) {
        ConvexSolution s = TwoLayerProblem.builder(data).beta(beta).bias(bias).patterns(PatternSource.exact()).build()
                .solve(IpmSettings.defaults(), QUIET);
        assertTrue(s.status().isOptimal() && s.globalOptimum(), s.status().toString());
        return s;
    }

    private static double betaFor(Dataset data, boolean bias, double fraction) {
        Dataset design = bias ? data.withBias() : data;
        return fraction * DualCertificate.betaMax(design, PatternSource.exact().patternsOf(design));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exactlyLowRankDataAreSolvedExactly(boolean bias) {
        int n = 24, d = 5, r = 2;
        Dataset data = lowRank(n, d, r, bias ? 1.5 : 0, 0, 5);
        double beta = betaFor(data, bias, 0.1);
        LowRankResult res = LowRankApproximation.solve(data, LowRankSettings.of(r, beta, bias), IpmSettings.defaults(), QUIET);
        ConvexSolution exact = exactSolve(data, beta, bias);

        assertTrue(res.sigmaNext() < 1e-12 * norm(data.x()), "σ_{r+1} = " + res.sigmaNext());
        assertEquals(1, res.boundFactor(), 1e-9);
        assertEquals(exact.objective(), res.objective(), 1e-6 * exact.objective(), "F(θ_r; X) = p*(X)");
        assertEquals(res.objective(), res.objectiveOnApprox(), 1e-9 * res.objective());
        assertEquals(Scope.ALL_PATTERNS, res.lowerBoundScope());
        assertEquals(exact.patterns(), res.certificatePatterns());
        assertEquals(exact.objective(), res.lowerBound(), 1e-5 * exact.objective(), "the certificate is tight");
        assertTrue(res.guaranteedLowerBound() <= exact.objective() * (1 + 1e-9));
        assertEquals(exact.objective(), res.guaranteedLowerBound(), 1e-6 * exact.objective());
        assertEquals(exact.patterns(), res.approxSolution().patterns(), "X_r and X have the same patterns");
    }

    @Test
    void noisyLowRankDataMeetTheGuarantee() {
        int n = 18, d = 3, r = 1;
        Dataset data = lowRank(n, d, r, 1.0, 0.08, 9);
        double beta = betaFor(data, true, 0.2);
        LowRankResult res = LowRankApproximation.solve(data, LowRankSettings.of(r, beta, true), IpmSettings.defaults(), QUIET);
        double pStar = exactSolve(data, beta, true).objective();
        double pStarApprox = exactSolve(res.approximation(), beta, true).objective();

        assertTrue(res.sigmaNext() > 0.01, "the data are not exactly low-rank: σ_{r+1} = " + res.sigmaNext());
        double half = 1 + res.tau() / 2;
        assertEquals(Math.pow(half, 4), res.boundFactor(), 1e-12 * res.boundFactor());
        assertEquals(res.sigmaNext() * norm(data.y()) / beta, res.tau(), 1e-12 * res.tau());
        // the solve on X_r (reduced coordinates) is the relu2 optimum on X_r, and the network reproduces it there
        assertEquals(pStarApprox, res.approxSolution().objective(), 1e-6 * pStarApprox);
        assertEquals(pStarApprox, res.objectiveOnApprox(), 1e-6 * pStarApprox);
        // §4.4: p* <= F(θ_r;X) <= (1+τ/2)⁴ p*, and the two one-sided comparisons of the optima
        assertTrue(pStar <= res.objective() * (1 + 1e-7), "p* " + pStar + " > F(θ_r;X) " + res.objective());
        assertTrue(res.objective() <= res.boundFactor() * pStar, "F(θ_r;X) " + res.objective() + " above the bound");
        assertTrue(pStarApprox <= half * half * pStar * (1 + 1e-7));
        assertTrue(pStar <= half * half * pStarApprox * (1 + 1e-7));
        // lower bounds: rigorous, below p*, below F(θ_r;X)
        assertEquals(Scope.ALL_PATTERNS, res.lowerBoundScope());
        assertTrue(res.lowerBound() <= pStar * (1 + 1e-7), "certificate " + res.lowerBound());
        assertTrue(res.guaranteedLowerBound() <= pStar * (1 + 1e-7), "guaranteed " + res.guaranteedLowerBound());
        assertTrue(res.guaranteedLowerBound() >= res.objective() / res.boundFactor() * (1 - 1e-6));
        assertEquals(res.objective(), res.model().objective(data, beta), 1e-12 * res.objective());
        // [X_r, 1] has rank r+1 and its rows are in general position: Cover's count minus the all-zero cell
        assertEquals(ExactEnumerator.coverCount(n, r + 1) - 1, res.approxSolution().patterns());
    }

    @Test
    void largeDataAreCertifiedOnSampledPatterns() {
        Dataset data = lowRank(60, 8, 2, 0, 0.05, 3);
        LowRankSettings settings = LowRankSettings.of(2, 1.0, false).withCertificate(1000, 300, 4);
        LowRankResult res = LowRankApproximation.solve(data, settings, IpmSettings.defaults(), QUIET);
        assertEquals(Scope.PATTERN_SUBSET, res.lowerBoundScope());
        assertTrue(res.certificatePatterns() > 0 && res.certificatePatterns() <= 300 + res.model().network().m());
        assertTrue(res.lowerBound() <= res.objective());
        assertEquals(ExactEnumerator.coverCount(60, 2), res.approxSolution().patterns(), "rank-2 X_r, 60 rows: 2n patterns");
    }

    @Test
    void badInput() {
        Dataset data = lowRank(10, 3, 1, 0, 0.1, 1);
        assertThrows(IllegalArgumentException.class, () -> LowRankSettings.of(0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> LowRankSettings.of(1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> LowRankSettings.of(1, 1, false).withCertificate(-1, 10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LowRankApproximation.solve(data, LowRankSettings.of(4, 1, false), IpmSettings.defaults(), QUIET));
        assertTrue(e.getMessage().contains("min(n, d) = 3"), e.getMessage());
        Dataset zero = new Dataset(4, 2, new double[8], new double[] {1, 2, 3, 4});
        e = assertThrows(IllegalArgumentException.class,
                () -> LowRankApproximation.solve(zero, LowRankSettings.of(1, 1, false), IpmSettings.defaults(), QUIET));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        Dataset big = lowRank(700, 3, 3, 0, 0, 2);
        e = assertThrows(IllegalArgumentException.class,
                () -> LowRankApproximation.solve(big, LowRankSettings.of(3, 1, false), IpmSettings.defaults(), QUIET));
        assertTrue(e.getMessage().contains("up to " + ExactEnumerator.coverCount(700, 3) + " patterns"), e.getMessage());
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
