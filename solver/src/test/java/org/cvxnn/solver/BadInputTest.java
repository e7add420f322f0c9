package org.cvxnn.solver;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.cvxnn.solver.arrangement.EnumerationSettings;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input at the API level: an IllegalArgumentException whose message names the problem. */
class BadInputTest {

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention '" + f + "'");
    }

    private static TwoLayerProblem.Builder builder(Dataset data) {
        return TwoLayerProblem.builder(data).beta(0.1).patterns(PatternSource.exact());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteDataAreRejectedWithTheirPosition(double bad) {
        double[] x = {1, 2, 3, 4, 5, 6};
        x[4] = bad; // column-major 3×2: feature 1 of sample 1
        assertRejected(() -> new Dataset(3, 2, x, new double[] {1, 2, 3}), "feature 1 of sample 1", String.valueOf(bad), "finite");
        assertRejected(() -> new Dataset(3, 2, new double[6], new double[] {1, bad, 3}), "target of sample 1", "finite");
        assertRejected(() -> Dataset.ofRows(new double[][] {{1, 2}, {3, 4}, {bad, 5}}, new double[] {1, 2, 3}),
                "feature 0 of sample 2", "finite");
    }

    @Test
    void inconsistentShapesAreRejected() {
        assertRejected(() -> new Dataset(3, 2, new double[5], new double[3]), "x has 5 values", "3*2");
        assertRejected(() -> new Dataset(3, 2, new double[6], new double[2]), "y has 2 values", "n = 3");
        assertRejected(() -> Dataset.ofRows(new double[][] {{1, 2}, {3}}, new double[2]), "sample 1 has 1 features");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void betaMustBePositiveAndFinite(double beta) {
        Dataset data = Reference.planar(6, 1);
        assertRejected(() -> TwoLayerProblem.builder(data).beta(beta).build(), "beta");
    }

    @Test
    void betaIsRequired() {
        assertRejected(() -> TwoLayerProblem.builder(Reference.planar(6, 1)).build(), "beta is required");
    }

    @Test
    void gatesMustHaveTheDesignWidth() {
        Dataset data = Reference.planar(6, 2);
        assertRejected(() -> builder(data).patterns(PatternSource.gates(new double[][] {{1, 0}, {1, 0, 0}})).build(),
                "gate 1 has 3 values", "expected d = 2");
        // With a bias column the design, hence every gate, has one more coordinate.
        assertRejected(() -> builder(data).bias(true).patterns(PatternSource.gates(new double[][] {{1, 0}})).build(),
                "gate 0 has 2 values", "expected d = 3", "bias");
        assertRejected(() -> builder(data).patterns(PatternSource.gates(new double[][] {{1, Double.NaN}})).build(),
                "gate 0", "NaN", "finite");
        assertRejected(() -> builder(data).patterns(PatternSource.gates(new double[0][])).build(), "no gates");
    }

    @Test
    void atLeastTwoSamples() {
        assertRejected(() -> builder(new Dataset(1, 2, new double[] {1, 2}, new double[] {3})).build(), "at least 2 samples", "got 1");
    }

    @Test
    void zeroFeaturesLeaveNoPattern() {
        Dataset zero = new Dataset(4, 2, new double[8], new double[] {1, -1, 2, 0});
        assertRejected(() -> builder(zero).build(), "no activation pattern left", "X is zero");
        assertRejected(() -> builder(zero).patterns(PatternSource.sampled(50, 1)).build(), "no activation pattern left");
        assertRejected(() -> builder(zero).patterns(PatternSource.gates(new double[][] {{1, 0}})).build(), "no activation pattern left");
    }

    @Test
    void exactEnumerationBeyondTheLimitSuggestsSampling() {
        Dataset tiny = Reference.planar(10, 3);
        assertRejected(() -> builder(tiny).patterns(PatternSource.exact(EnumerationSettings.defaults().withMaxPatterns(10))).build(),
                "exact enumeration refused", "maxPatterns = 10", "sample");
        SplittableRandom rng = new SplittableRandom(4);
        int n = 300, d = 8;
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        Dataset wide = new Dataset(n, d, x, new double[n]);
        assertRejected(() -> builder(wide).build(), "exact enumeration refused", "maxPatterns = 200000", "sample");
    }

    @Test
    void badSettingsAndSourcesNameTheParameter() {
        assertRejected(() -> PatternSource.sampled(0, 1), "number of sampled gates", "got 0");
        assertRejected(() -> IpmSettings.defaults().withMaxIterations(0), "maxIterations");
        assertRejected(() -> IpmSettings.defaults().withThreads(0), "threads");
        assertRejected(() -> IpmSettings.defaults().withTolerance(Double.NaN), "tolGapAbs");
        assertRejected(() -> IpmSettings.defaults().withTimeLimit(java.time.Duration.ZERO), "timeLimit");
    }

    @Test
    void aModelRejectsDataOfAnotherWidth() {
        TwoLayerProblem problem = builder(Reference.planar(6, 5)).bias(true).build();
        ConvexSolution s = problem.solve(IpmSettings.defaults());
        Dataset three = new Dataset(2, 3, new double[6], new double[2]);
        assertRejected(() -> s.model().predict(three), "expects 2 features", "have 3");
    }
}
