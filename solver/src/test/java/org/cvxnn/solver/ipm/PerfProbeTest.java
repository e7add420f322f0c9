package org.cvxnn.solver.ipm;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PerfProbeTest {
    @Test
    void probe() {
        int n = Integer.getInteger("pn", 1000), d = Integer.getInteger("pd", 20), p = Integer.getInteger("pp", 500);
        Dataset data = TestProblems.planted(n, d, 1);
        PatternSet patterns = TestProblems.sample(data, p, 2);
        double beta = Double.parseDouble(System.getProperty("pk", "0.1")) * org.cvxnn.solver.certificate.DualCertificate.betaMax(data, patterns);
        System.err.println("beta " + beta);
        IpmResult r = TwoLayerSolver.solve(data, patterns, beta, false, IpmSettings.defaults().withVerbose(Boolean.getBoolean("pv")), System.err);
        System.err.printf("gram %.2f inv %.2f mask %.2f acc %.2f potrf %.2f kktsolve %.2f%n", SchurKktSolver.T_GRAM/1e9, SchurKktSolver.T_INV/1e9, SchurKktSolver.T_MASK/1e9, SchurKktSolver.T_ACC/1e9, SchurKktSolver.T_POTRF/1e9, SchurKktSolver.T_SOLVE/1e9);
        System.err.println(patterns.size() + " " + r.status() + " it " + r.iterations() + " obj " + r.objective() + " gap " + r.gapRel() + " total " + r.totalSeconds() + " " + r.seconds());
    }
}
