package org.cvxnn.solver.lowrank;

import java.io.OutputStream;
import java.io.PrintStream;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LowRankApproximation} for the parallel three-layer models, against exact solves on X and X_r. */
class LowRankThreeLayerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final int M1 = 2;
    private static final double BETA = 0.1;

    private static ConvexSolution exactSolve(Dataset data, ModelKind kind) {
        ConvexSolution s = PathProblem.builder(data).model(kind).m1(M1).beta(BETA).combos(ComboSource.exact()).build()
                .solve(IpmSettings.defaults(), QUIET);
        assertTrue(s.status().isOptimal() && s.globalOptimum(), s.status().toString());
        return s;
    }

    private static LowRankResult approx(Dataset data, ModelKind kind, int r) {
        return LowRankApproximation.solve(data, LowRankSettings.of(r, BETA, false).withModel(kind, M1), IpmSettings.defaults(), QUIET);
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"PATH3", "RELU3"})
    void exactlyLowRankDataAreSolvedExactly(ModelKind kind) {
        Dataset data = LowRankApproximationTest.lowRank(8, 2, 1, 0, 0, 4);
        LowRankResult res = approx(data, kind, 1);
        double pStar = exactSolve(data, kind).objective();
        assertTrue(pStar < 0.5 * sumSquares(data.y()) * 0.9, "the optimum is not the zero network");
        assertEquals(kind, res.model().kind());
        assertEquals(pStar, res.objective(), 1e-6 * pStar);
        assertEquals(1, res.boundFactor(), 1e-9);
        assertEquals(Scope.ALL_PATTERNS, res.lowerBoundScope());
        assertEquals(pStar, res.lowerBound(), 1e-5 * pStar);
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"PATH3", "RELU3"})
    void noisyLowRankDataMeetTheGuarantee(ModelKind kind) {
        Dataset data = LowRankApproximationTest.lowRank(8, 2, 1, 0, 0.15, 6);
        LowRankResult res = approx(data, kind, 1);
        double pStar = exactSolve(data, kind).objective();
        double pStarApprox = exactSolve(res.approximation(), kind).objective();

        assertTrue(res.sigmaNext() > 0.05, "σ_{r+1} = " + res.sigmaNext());
        double lip = (kind == ModelKind.PATH3 ? Math.sqrt(M1) : 1) * res.sigmaNext();
        assertEquals(lip, res.lip(), 1e-15);
        assertEquals(lip * Math.sqrt(sumSquares(data.y())) / BETA, res.tau(), 1e-12 * res.tau());
        double half = 1 + res.tau() / 2;
        // the rotated network reproduces the optimum on X_r computed in the original coordinates
        assertEquals(pStarApprox, res.objectiveOnApprox(), 1e-6 * pStarApprox);
        assertTrue(pStar <= res.objective() * (1 + 1e-7), "p* " + pStar + " > F(θ_r;X) " + res.objective());
        assertTrue(res.objective() <= res.boundFactor() * pStar);
        assertTrue(pStarApprox <= half * half * pStar * (1 + 1e-7) && pStar <= half * half * pStarApprox * (1 + 1e-7));
        assertTrue(res.guaranteedLowerBound() <= pStar * (1 + 1e-7));
        assertEquals(Scope.ALL_PATTERNS, res.lowerBoundScope());
        assertTrue(res.lowerBound() <= pStar * (1 + 1e-7), "certificate " + res.lowerBound() + " above p* " + pStar);
    }

    @Test
    void badSettings() {
        assertThrows(IllegalArgumentException.class, () -> LowRankSettings.of(1, 1, false).withModel(ModelKind.GATED2, 1));
        assertThrows(IllegalArgumentException.class, () -> LowRankSettings.of(1, 1, false).withModel(ModelKind.PATH3, 0));
        assertThrows(IllegalArgumentException.class, () -> LowRankSettings.of(1, 1, false).withModel(ModelKind.RELU2, 2));
    }

    private static double sumSquares(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }
}
