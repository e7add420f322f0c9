package org.cvxnn.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Random;

import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.SolveStatus;
import org.cvxnn.solver.network.TreeNetwork;
import org.junit.jupiter.api.Test;

class PathLProblemTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Dataset data(int n, int d, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[n * d], y = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = Math.max(0, x[i]) - 0.5 * Math.max(0, x[i + n]) + 0.1 * rng.nextGaussian();
        return new Dataset(n, d, x, y);
    }

    @Test
    void solvesTheDepthLProgramAndRecoversATreeNetwork() {
        Dataset data = data(12, 2, 71);
        for (PathProblem problem : new PathProblem[] {
                PathProblem.builder(data).model(ModelKind.PATHL).m1(2).depth(4).beta(0.05).bias(true)
                        .combos(ComboSource.sampled(120, 1)).build(),
                PathProblem.builder(data).model(ModelKind.PATHL).widths(2, 1, 2).beta(0.05)
                        .combos(ComboSource.sampled(120, 2)).build()}) {
            ConvexSolution s = problem.solve(IpmSettings.defaults(), QUIET);
            assertEquals(SolveStatus.SOLVED, s.status());
            assertEquals(ModelKind.PATHL, s.model().kind());
            TreeNetwork net = (TreeNetwork) s.model().network();
            assertEquals(problem.shape(), net.shape());
            assertEquals(problem.treeCombos().size(), s.patterns());
            assertEquals(s.objective(), s.nonconvexObjective(), 1e-7 * s.objective());
            assertEquals(s.nonconvexObjective(), s.model().objective(data, problem.beta()), 1e-12 * s.objective());
            assertTrue(s.gapRel() <= 1e-7);
        }
    }

    @Test
    void rejectsInconsistentTreeSettings() {
        Dataset data = data(8, 2, 72);
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).depth(4).beta(0.1).build(),
                "depth without pathL");
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).model(ModelKind.PATHL).beta(0.1).build());
        assertThrows(IllegalArgumentException.class,
                () -> PathProblem.builder(data).model(ModelKind.PATHL).depth(4).widths(2, 2).beta(0.1).build());
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).model(ModelKind.PATHL).depth(2));
        IllegalArgumentException exact = assertThrows(IllegalArgumentException.class,
                () -> PathProblem.builder(data).model(ModelKind.PATHL).m1(2).depth(4).beta(0.1).combos(ComboSource.exact()).build());
        assertTrue(exact.getMessage().contains("only depth 3"), exact.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> PathProblem.builder(data(8, 5, 73)).model(ModelKind.PATHL).m1(4).depth(5).beta(0.1).build());
        assertTrue(wide.getMessage().contains("exceeds the supported maximum"), wide.getMessage());
        assertThrows(IllegalStateException.class,
                () -> PathProblem.builder(data).model(ModelKind.PATHL).m1(1).depth(4).beta(0.1).build().combos());
        assertEquals(TreeShape.uniform(1, 4),
                PathProblem.builder(data).model(ModelKind.PATHL).m1(1).depth(4).beta(0.1).combos(ComboSource.sampled(10, 0)).build().shape());
    }
}
