package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Random;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.baseline.TreeTrainer;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.PathTreeCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeCombos;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TreeNetwork;
import org.junit.jupiter.api.Test;

class PathTreeSolverTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static double halfSquaredNorm(double[] y) {
        double s = 0;
        for (double v : y) s += v * v;
        return 0.5 * s;
    }

    /** Σ_b ς_b A_c(b) u_b from the dense A_c of the operator test (tree recursion). */
    private static double[] densePrediction(Dataset data, TreeComboSet combos, double[] u) {
        int c = combos.size(), dim = combos.shape().leaves() * data.d();
        double[] out = new double[data.n()];
        for (int b = 0; b < 2 * c; b++) {
            double[][] a = PathTreeOperatorTest.lossMatrix(data, combos, b % c);
            for (int i = 0; i < data.n(); i++)
                for (int k = 0; k < dim; k++) out[i] += (b < c ? 1 : -1) * a[i][k] * u[b * dim + k];
        }
        return out;
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(1.0, Math.abs(expected)), what);
    }

    @Test
    void depthThreeTreeProgramIsThePathThreeLayerProgram() {
        Random rng = new Random(51);
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, 2);
            TreeComboSet tree = TreeComboSet.ofThreeLayer(combos);
            double betaMax = PathCertificate.betaMax(data, combos);
            assertRelative(betaMax, PathTreeCertificate.betaMax(data, tree), 1e-9, "beta_max");
            double beta = 0.1 * betaMax;
            IpmResult three = PathThreeLayerSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
            IpmResult deep = PathTreeSolver.solve(data, tree, beta, IpmSettings.defaults(), QUIET);
            assertEquals(SolveStatus.SOLVED, deep.status());
            assertRelative(three.objective(), deep.objective(), 1e-7, "n=" + data.n());
        }
    }

    /**
     * L = 4 with widths (m1, 1): root → one middle node → m1 leaves. Map the three-layer combo
     * (D_1j; s_j; D_2) to middle mask D_2, middle sign +1, root mask D_2: the root's constraint
     * {@code (2D_2 − I) D_2 z ≥ 0} is implied by the middle one {@code (2D_2 − I) z ≥ 0}, and the
     * feature {@code D_2 D_2 z = D_2 z} is the three-layer one, so both programs are the same.
     */
    @Test
    void widthOneMiddleLayerGivesTheThreeLayerProgram() {
        Random rng = new Random(52);
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, 2);
            int m1 = 2, c = combos.size(), wpm = combos.wordsPerMask(), nodes = m1 + 2, d = data.d();
            long[] masks = new long[c * nodes * wpm];
            byte[] signs = new byte[c * (nodes - 1)];
            double[] leaves = new double[c * m1 * d], edges = new double[c * (nodes - 1)];
            for (int k = 0; k < c; k++) {
                for (int j = 0; j < m1; j++) {
                    System.arraycopy(combos.firstLayerWords(k, j), 0, masks, (k * nodes + j) * wpm, wpm);
                    signs[k * (nodes - 1) + j] = (byte) combos.sign(k, j);
                    edges[k * (nodes - 1) + j] = combos.secondLayerWeights(k)[j];
                }
                System.arraycopy(combos.secondLayerWords(k), 0, masks, (k * nodes + m1) * wpm, wpm);
                System.arraycopy(combos.secondLayerWords(k), 0, masks, (k * nodes + m1 + 1) * wpm, wpm);
                signs[k * (nodes - 1) + m1] = 1;
                edges[k * (nodes - 1) + m1] = 1.0;
                System.arraycopy(combos.firstLayerWeights(k), 0, leaves, k * m1 * d, m1 * d);
            }
            TreeComboSet deep = new TreeComboSet(data.n(), d, TreeShape.of(m1, 1), masks, signs, leaves, edges);
            double beta = 0.1 * PathCertificate.betaMax(data, combos);
            IpmResult three = PathThreeLayerSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
            IpmResult four = PathTreeSolver.solve(data, deep, beta, IpmSettings.defaults(), QUIET);
            assertEquals(SolveStatus.SOLVED, four.status());
            assertRelative(three.objective(), four.objective(), 1e-7, "n=" + data.n());
            TreeNetwork net = PathTreeSolver.network(deep, four);
            assertEquals(4, net.depth());
            assertRelative(four.objective(), net.objective(data, beta), 1e-7, "recovered depth-4 network");
            ParallelThreeLayerNetwork reference = PathThreeLayerSolver.network(combos, three);
            assertRelative(reference.pathObjective(data, beta), net.objective(data, beta), 1e-7, "depth 3 vs 4 networks");
        }
    }

    @Test
    void solvesDeepProgramsToACertifiedOptimumThatTheirNetworksAttain() {
        Random rng = new Random(53);
        for (TreeShape shape : new TreeShape[] {TreeShape.of(2, 2), TreeShape.of(2, 1, 2)}) {
            Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 12, 2);
            TreeComboSet combos = TreeCombos.sample(data, shape, 150, 7);
            double betaMax = PathTreeCertificate.betaMax(data, combos);
            for (double kappa : new double[] {0.05, 0.3}) {
                double beta = kappa * betaMax;
                IpmResult result = PathTreeSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
                String where = shape + " kappa=" + kappa + ": ";
                assertEquals(SolveStatus.SOLVED, result.status(), where + result);
                assertTrue(result.gapAbs() >= -1e-12 && result.gapRel() <= 1e-7, where + "gap " + result.gapRel());
                TreeNetwork net = PathTreeSolver.network(combos, result);
                assertTrue(net.subnetworks() > 0, where + "zero network below beta_max");
                assertRelative(result.objective(), net.objective(data, beta), 1e-7, where + "network objective");
                double[] f = net.predict(data), dense = densePrediction(data, combos, result.weights());
                for (int i = 0; i < data.n(); i++) assertEquals(dense[i], f[i], 1e-9 * (1 + Math.abs(dense[i])), where + "prediction " + i);
                PathTreeCertificate cert = PathTreeCertificate.of(net, data, combos, beta, Scope.PATTERN_SUBSET);
                assertTrue(cert.lowerBound() <= result.objective() * (1 + 1e-12), where + cert);
                assertTrue(cert.relativeGap() <= 1e-5, where + "independent certificate gap " + cert);
            }
        }
    }

    /**
     * The key invariant: the convex optimum over a combo set containing a trained network's own
     * combos is at most that network's objective, and the certificate's bound is below it too.
     */
    @Test
    void convexOptimumOverATrainedNetworksCombosIsAtMostItsObjective() {
        Random rng = new Random(54);
        TrainingSettings adam = TrainingSettings.defaults().withEpochs(400);
        for (TreeShape shape : new TreeShape[] {TreeShape.of(2, 2), TreeShape.of(1, 2, 2)}) {
            Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 12, 2);
            TreeComboSet sampled = TreeCombos.sample(data, shape, 100, 3);
            double beta = 0.1 * PathTreeCertificate.betaMax(data, sampled);
            for (long seed = 0; seed < 2; seed++) {
                TreeNetwork trained = new TreeTrainer(3, shape).train(data, beta, adam.withSeed(seed)).network();
                double objective = trained.objective(data, beta);
                TreeComboSet own = TreeCombos.of(data, shape, trained.subnetworks(), trained.leaves(), trained.edges());
                TreeComboSet union = TreeCombos.union(data, sampled, own);
                IpmResult result = PathTreeSolver.solve(data, union, beta, IpmSettings.defaults(), QUIET);
                String where = shape + " seed " + seed + ": ";
                assertTrue(result.status().isOptimal(), where + result.status());
                assertTrue(result.objective() <= objective * (1 + 1e-7), where + "convex " + result.objective() + " above trained " + objective);
                PathTreeCertificate cert = PathTreeCertificate.of(trained, data, union, beta, Scope.PATTERN_SUBSET);
                assertTrue(cert.lowerBound() <= objective, where + cert);
                assertTrue(cert.lowerBound() <= result.objective() * (1 + 1e-9), where + "bound above the optimum " + cert);
            }
        }
    }

    @Test
    void betaAtOrAboveBetaMaxGivesTheZeroNetwork() {
        Random rng = new Random(55);
        Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 10, 2);
        TreeShape shape = TreeShape.of(2, 2);
        TreeComboSet combos = TreeCombos.sample(data, shape, 100, 1);
        double betaMax = PathTreeCertificate.betaMax(data, combos);
        for (double factor : new double[] {1.0, 1.5}) {
            IpmResult result = PathTreeSolver.solve(data, combos, factor * betaMax, IpmSettings.defaults(), QUIET);
            assertTrue(result.status().isOptimal(), result.status().toString());
            TreeNetwork net = PathTreeSolver.network(combos, result);
            assertEquals(0, net.subnetworks(), "factor " + factor);
            assertEquals(halfSquaredNorm(data.y()), result.objective(), 1e-14 * halfSquaredNorm(data.y()));
            PathTreeCertificate cert = PathTreeCertificate.of(net, data, combos, factor * betaMax, Scope.PATTERN_SUBSET);
            assertEquals(halfSquaredNorm(data.y()), cert.lowerBound(), 1e-12 * halfSquaredNorm(data.y()));
        }
    }

    @Test
    void rejectsMismatchedInput() {
        Random rng = new Random(56);
        Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 6, 2);
        TreeComboSet combos = TreeCombos.sample(data, TreeShape.of(2, 2), 20, 0);
        Dataset other = PathThreeLayerOperatorTest.gaussian(rng, 7, 2);
        assertThrows(IllegalArgumentException.class, () -> PathTreeSolver.solve(data, combos, 0.0, IpmSettings.defaults(), QUIET));
        assertThrows(IllegalArgumentException.class, () -> PathTreeSolver.solve(other, combos, 0.1, IpmSettings.defaults(), QUIET));
        Dataset wide = PathThreeLayerOperatorTest.gaussian(rng, 6, 5);
        TreeComboSet big = TreeCombos.sample(wide, TreeShape.of(8, 8), 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathTreeSolver.solve(wide, big, 0.1, IpmSettings.defaults(), QUIET));
        assertTrue(e.getMessage().contains("block dimension"), e.getMessage());
    }
}
