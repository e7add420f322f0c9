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
        System.err.println(patterns.size() + " " + r.status() + " it " + r.iterations() + " obj " + r.objective() + " gap " + r.gapRel() + " total " + r.totalSeconds() + " " + r.seconds());
    }
}
