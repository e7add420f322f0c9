package org.cvxnn.solver.ipm;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoLayerSolverTest {

    @Test
    void smallReluProblemIsSolvedWithACertifiedGap() {
        Dataset data = TestProblems.planted(40, 3, 1);
        PatternSet patterns = TestProblems.sample(data, 60, 2);
        IpmResult r = TwoLayerSolver.solve(data, patterns, 1.0, false, IpmSettings.defaults().withVerbose(true), System.err);
        System.err.println(r.status() + " obj " + r.objective() + " lb " + r.dualBound() + " gap " + r.gapRel() + " " + r.seconds());
        assertEquals(SolveStatus.SOLVED, r.status());
        assertTrue(r.gapRel() <= 1e-7, "certified gap " + r.gapRel());
        assertTrue(r.dualBound() <= r.objective() + 1e-12);
    }

    @Test
    void smallGatedProblemIsSolvedWithACertifiedGap() {
        Dataset data = TestProblems.planted(40, 3, 3);
        PatternSet patterns = TestProblems.sample(data, 60, 4);
        IpmResult r = TwoLayerSolver.solve(data, patterns, 1.0, true, IpmSettings.defaults().withVerbose(true), System.err);
        System.err.println(r.status() + " obj " + r.objective() + " lb " + r.dualBound() + " gap " + r.gapRel());
        assertEquals(SolveStatus.SOLVED, r.status());
        assertTrue(r.gapRel() <= 1e-7, "certified gap " + r.gapRel());
    }
}
