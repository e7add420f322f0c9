package org.cvxnn.solver;

import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The working-set strategy solves the same program: same optimum, and its certificate, computed
 * over all masks, brackets the optimum of the full solve.
 */
class WorkingSetTest {

    @ParameterizedTest(name = "{0} at {1}·β_max")
    @CsvSource({"RELU2, 0.3", "RELU2, 0.02", "GATED2, 0.3", "GATED2, 0.02"})
    void sameOptimumAsTheFullSolve(ModelKind kind, double fraction) {
        Dataset data = TwoLayerProblemTest.noisyPlanted(120, 5, 11);
        PatternSource source = PatternSource.sampled(400, 3);
        double betaMax = DualCertificate.betaMax(data, source.patternsOf(data));
        TwoLayerProblem problem = TwoLayerProblem.builder(data).model(kind).beta(fraction * betaMax).patterns(source).build();
        assertTrue(problem.patterns().size() > IpmSettings.WORKING_SET_MIN_PATTERNS, "needs enough patterns to use a working set");

        ConvexSolution full = problem.solve(IpmSettings.defaults());
        ConvexSolution rounds = problem.solve(IpmSettings.defaults().withWorkingSet(true));

        assertTrue(full.status().isOptimal() && rounds.status().isOptimal(), full.status() + " / " + rounds.status());
        double scale = Math.max(1, Math.abs(full.objective()));
        assertEquals(full.objective(), rounds.objective(), 1e-7 * scale);
        // each certificate is a lower bound on the other's feasible objective
        assertTrue(rounds.dualBound() <= full.objective() + 1e-12 * scale, rounds.dualBound() + " > " + full.objective());
        assertTrue(full.dualBound() <= rounds.objective() + 1e-12 * scale, full.dualBound() + " > " + rounds.objective());
        assertTrue(rounds.gapRel() <= 1e-7, "gap " + rounds.gapRel());
        assertEquals(rounds.objective(), rounds.nonconvexObjective(), 1e-7 * scale);
    }
}
