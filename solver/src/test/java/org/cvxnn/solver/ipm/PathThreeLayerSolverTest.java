package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Random;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.baseline.ThreeLayerTrainer;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PathThreeLayerSolverTest {
    private static final int M1 = 2;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static double halfSquaredNorm(double[] y) {
        double s = 0;
        for (double v : y) s += v * v;
        return 0.5 * s;
    }

    /** Σ_b ς_b A_c(b) u_b from dense A_c. */
    private static double[] densePrediction(Dataset data, ComboSet combos, double[] u) {
        int c = combos.size(), dim = M1 * data.d();
        double[] out = new double[data.n()];
        for (int b = 0; b < 2 * c; b++) {
            double[][] a = PathThreeLayerOperatorTest.lossMatrix(data, combos, b % c);
            for (int i = 0; i < data.n(); i++)
                for (int k = 0; k < dim; k++) out[i] += (b < c ? 1 : -1) * a[i][k] * u[b * dim + k];
        }
        return out;
    }

    @Test
    void solvesToACertifiedOptimumThatItsNetworkAttains() {
        Random rng = new Random(41);
        TrainingSettings adam = TrainingSettings.defaults().withEpochs(1500);
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, M1);
            double betaMax = PathCertificate.betaMax(data, combos);
            for (double kappa : new double[] {0.05, 0.3}) {
                double beta = kappa * betaMax;
                IpmResult result = PathThreeLayerSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
                String where = "n=" + data.n() + " kappa=" + kappa + ": ";
                assertEquals(SolveStatus.SOLVED, result.status(), where + result);
                assertTrue(result.gapAbs() >= -1e-12 && result.gapRel() <= 1e-7, where + "gap " + result.gapRel());

                ParallelThreeLayerNetwork net = PathThreeLayerSolver.network(combos, result);
                assertTrue(net.subnetworks() > 0, where + "zero network below beta_max");
                double path = net.pathObjective(data, beta);
                assertEquals(result.objective(), path, 1e-7 * result.objective(), where + "network objective");
                double[] f = net.predict(data), dense = densePrediction(data, combos, result.weights());
                for (int i = 0; i < data.n(); i++) assertEquals(dense[i], f[i], 1e-9 * (1 + Math.abs(dense[i])), where + "prediction " + i);

                // the independent certificate of the path network agrees with the IPM's bound
                PathCertificate cert = PathCertificate.of(net, data, combos, beta, Scope.ALL_PATTERNS);
                assertTrue(cert.lowerBound() <= result.objective() * (1 + 1e-12), where + cert);
                assertTrue(cert.relativeGap() <= 1e-5, where + "independent certificate gap " + cert);

                // local search never beats the certified optimum
                for (int subnetworks : new int[] {1, 3}) {
                    for (long seed = 0; seed < 2; seed++) {
                        ParallelThreeLayerNetwork trained = new ThreeLayerTrainer(subnetworks, M1, ThreeLayerPenalty.PATH)
                                .train(data, beta, adam.withSeed(seed)).network();
                        double trainedObjective = trained.pathObjective(data, beta);
                        assertTrue(result.dualBound() <= trainedObjective * (1 + 1e-12),
                                where + "trained " + trainedObjective + " below the bound " + result.dualBound());
                        assertTrue(result.objective() <= trainedObjective * (1 + 1e-7),
                                where + "trained " + trainedObjective + " below the optimum " + result.objective());
                    }
                }
            }
        }
    }

    @Test
    void betaAtOrAboveBetaMaxGivesTheZeroNetwork() {
        Random rng = new Random(42);
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, M1);
            double betaMax = PathCertificate.betaMax(data, combos);
            for (double factor : new double[] {1.0, 1.5}) {
                IpmResult result = PathThreeLayerSolver.solve(data, combos, factor * betaMax, IpmSettings.defaults(), QUIET);
                assertTrue(result.status().isOptimal(), result.status().toString());
                ParallelThreeLayerNetwork net = PathThreeLayerSolver.network(combos, result);
                assertEquals(0, net.subnetworks(), "factor " + factor);
                assertEquals(halfSquaredNorm(data.y()), result.objective(), 0.0);
                assertTrue(result.gapRel() <= 1e-7, "gap " + result.gapRel());
            }
        }
    }

    @Test
    void rejectsMismatchedInput() {
        Random rng = new Random(43);
        Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 6, 2);
        ComboSet combos = new ComboEnumerator().enumerate(data, M1);
        Dataset other = PathThreeLayerOperatorTest.gaussian(rng, 7, 2);
        assertThrows(IllegalArgumentException.class, () -> PathThreeLayerSolver.solve(data, combos, 0.0, IpmSettings.defaults(), QUIET));
        assertThrows(IllegalArgumentException.class, () -> PathThreeLayerSolver.solve(other, combos, 0.1, IpmSettings.defaults(), QUIET));
    }
}
