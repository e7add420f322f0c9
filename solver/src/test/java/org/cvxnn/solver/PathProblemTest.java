package org.cvxnn.solver;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.combo.ComboEnumerationSettings;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathProblemTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Dataset tiny(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            y[i] = Math.max(0, Math.max(0, rows[i][0]) - Math.max(0, rows[i][1] - 0.5)) + 0.1 * r.nextGaussian();
        }
        return Dataset.ofRows(rows, y);
    }

    /** ½‖y‖²: the objective of the zero network, an upper bound on every optimum. */
    private static double zeroObjective(Dataset data) {
        double s = 0;
        for (double v : data.y()) s += v * v;
        return 0.5 * s;
    }

    private static void checkSolution(PathProblem problem, ConvexSolution s, Dataset data, boolean exact) {
        assertTrue(s.status().isOptimal(), s.status().toString());
        assertTrue(s.gapRel() <= 1e-7, "gap " + s.gapRel());
        assertEquals(ModelKind.PATH3, s.model().kind());
        assertEquals(exact, s.globalOptimum());
        assertEquals(problem.combos().size(), s.patterns());
        ThreeLayerNetwork net = (ThreeLayerNetwork) s.model().network();
        assertEquals(problem.m1(), net.m1());
        assertEquals(net.network().subnetworks(), s.activeNeurons());
        // the recovered network's path objective, evaluated on raw features through the model, is the convex objective
        assertEquals(s.objective(), s.model().objective(data, problem.beta()), 1e-7 * s.objective());
        assertEquals(s.objective(), s.nonconvexObjective(), 1e-7 * s.objective());
        assertTrue(s.objective() < zeroObjective(data), "the zero network is not optimal below beta_max");
        // an independent certificate of the recovered network bounds its objective from below
        ParallelThreeLayerNetwork weights = net.network();
        PathCertificate c = PathCertificate.of(weights, problem.design(), problem.combos(), problem.beta(),
                exact ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET);
        assertTrue(c.lowerBound() <= s.objective() * (1 + 1e-12), c.toString());
        assertTrue(c.relativeGap() <= 1e-5, c.toString());
    }

    @Test
    void exactCombosGiveACertifiedGlobalOptimum() {
        Dataset data = tiny(8, 5);
        PathProblem problem = PathProblem.builder(data).m1(2).beta(0.05).combos(ComboSource.exact()).build();
        ConvexSolution s = problem.solve(IpmSettings.defaults(), QUIET);
        checkSolution(problem, s, data, true);
    }

    @Test
    void sampledCombosGiveAnUpperBoundOnTheExactOptimum() {
        Dataset data = tiny(10, 9);
        PathProblem sampled = PathProblem.builder(data).m1(2).beta(0.1).combos(ComboSource.sampled(100, 3)).build();
        ConvexSolution s = sampled.solve(IpmSettings.defaults(), QUIET);
        checkSolution(sampled, s, data, false);
        PathProblem withBias = PathProblem.builder(data).m1(2).beta(0.1).bias(true).combos(ComboSource.sampled(100, 3)).build();
        ConvexSolution b = withBias.solve(IpmSettings.defaults(), QUIET);
        checkSolution(withBias, b, data, false);
        assertEquals(3, b.model().network().d());
        ConvexSolution exact = PathProblem.builder(data).m1(2).beta(0.1).combos(ComboSource.exact()).build()
                .solve(IpmSettings.defaults(), QUIET);
        assertTrue(exact.objective() <= s.objective() * (1 + 1e-7), exact.objective() + " > " + s.objective());
        assertTrue(exact.dualBound() <= s.nonconvexObjective() * (1 + 1e-9));
    }

    @Test
    void listedCombosGiveTheSameProgramAsTheSetTheyWereWrittenFrom() {
        Dataset data = tiny(9, 4);
        PathProblem sampled = PathProblem.builder(data).m1(2).beta(0.1).bias(true).combos(ComboSource.sampled(150, 8)).build();
        PathProblem listed = PathProblem.builder(data).m1(2).beta(0.1).bias(true)
                .combos(ComboSource.listed(sampled.combos().masks())).build();
        assertEquals(sampled.combos().size(), listed.combos().size());
        ConvexSolution a = sampled.solve(IpmSettings.defaults(), QUIET);
        ConvexSolution b = listed.solve(IpmSettings.defaults(), QUIET);
        checkSolution(listed, b, data, false);
        assertEquals(a.objective(), b.objective(), 1e-7 * a.objective());
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).m1(3).beta(0.1).bias(true)
                .combos(ComboSource.listed(sampled.combos().masks())).build());
    }

    @Test
    void rejectsBadInput() {
        Dataset data = tiny(6, 1);
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).m1(0));
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).beta(0).build());
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).beta(-1).build());
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).beta(Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).build());
        assertThrows(IllegalArgumentException.class, () -> ComboSource.sampled(0, 1));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PathProblem.builder(data).beta(0.1)
                .combos(ComboSource.exact(ComboEnumerationSettings.defaults().withMaxCombos(3))).build());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        assertFalse(ComboSource.sampled(5, 1).complete());
    }
}
