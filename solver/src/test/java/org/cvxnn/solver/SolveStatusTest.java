package org.cvxnn.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.SolveStatus;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Early stops keep a valid certificate; the thread count changes nothing beyond round-off. */
class SolveStatusTest {

    private static TwoLayerProblem tiny(ModelKind kind) {
        return TwoLayerProblem.builder(Reference.planar(10, 31)).model(kind).bias(true).beta(0.3)
                .patterns(PatternSource.exact()).build();
    }

    /** Bounds of an early stop must bracket the optimum found by a full solve. */
    private static void assertValidBounds(ConvexSolution early, ConvexSolution full) {
        String both = "early " + early.objective() + " [" + early.dualBound() + "], full " + full.objective() + " [" + full.dualBound() + "]";
        assertTrue(early.dualBound() <= early.objective(), both);
        assertTrue(early.dualBound() <= full.objective(), both);
        assertTrue(full.dualBound() <= early.objective(), both);
        assertEquals(early.objective(), early.nonconvexObjective(), 1e-9 * early.objective(), "the early point is exactly feasible");
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RELU2", "GATED2"})
    void oneIterationStopsAtTheLimitWithAValidCertificate(ModelKind kind) {
        TwoLayerProblem problem = tiny(kind);
        ConvexSolution full = problem.solve(IpmSettings.defaults());
        assertEquals(SolveStatus.SOLVED, full.status());
        ConvexSolution early = problem.solve(IpmSettings.defaults().withMaxIterations(1));
        assertEquals(SolveStatus.MAX_ITERATIONS, early.status());
        assertEquals(1, early.iterations());
        assertTrue(early.gapRel() > full.gapRel(), "one iteration cannot be as accurate: " + early.gapRel());
        assertValidBounds(early, full);
        if (kind == ModelKind.RELU2) {
            // The early network, certified independently of the solver, never beats the optimum.
            DualCertificate cert = DualCertificate.of((TwoLayerNetwork) early.model().network(), problem.design(),
                    problem.patterns(), problem.beta(), Scope.ALL_PATTERNS);
            assertTrue(cert.lowerBound() <= full.objective() && cert.objective() >= full.dualBound(), cert + " vs " + full.objective());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RELU2", "GATED2"})
    void aTinyTimeLimitStopsBeforeTheFirstIterationWithAValidCertificate(ModelKind kind) {
        TwoLayerProblem problem = tiny(kind);
        ConvexSolution full = problem.solve(IpmSettings.defaults());
        ConvexSolution early = problem.solve(IpmSettings.defaults().withTimeLimit(Duration.ofNanos(1)));
        assertEquals(SolveStatus.TIME_LIMIT, early.status());
        assertEquals(0, early.iterations());
        assertValidBounds(early, full);
    }

    @Test
    void theThreadCountIsAppliedAndChangesOnlyRoundOff() {
        SplittableRandom rng = new SplittableRandom(33);
        int n = 120, d = 4;
        double[] x = new double[n * d], y = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = Math.max(x[i] + x[i + n], 0) - Math.max(x[i + 2 * n], 0) + 0.1 * rng.nextGaussian();
        Dataset data = new Dataset(n, d, x, y);
        for (Dataset tinyOrNot : new Dataset[] {Reference.planar(10, 32), data}) {
            TwoLayerProblem problem = TwoLayerProblem.builder(tinyOrNot).bias(true).beta(0.5)
                    .patterns(PatternSource.sampled(50, 4)).build();
            ConvexSolution one = problem.solve(IpmSettings.defaults().withThreads(1));
            assertEquals(1, OpenBlas.threads(), "OpenBLAS left at the requested thread count");
            ConvexSolution two = problem.solve(IpmSettings.defaults().withThreads(2));
            assertEquals(2, OpenBlas.threads(), "OpenBLAS left at the requested thread count");
            assertEquals(SolveStatus.SOLVED, one.status());
            assertEquals(SolveStatus.SOLVED, two.status());
            assertEquals(one.objective(), two.objective(), 1e-9 * one.objective());
            assertTrue(one.dualBound() <= two.objective() && two.dualBound() <= one.objective());
            assertEquals(one.activeNeurons(), two.activeNeurons());
        }
    }
}
