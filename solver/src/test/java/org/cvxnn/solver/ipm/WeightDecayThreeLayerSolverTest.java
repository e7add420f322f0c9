package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Random;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.baseline.ThreeLayerTrainer;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class WeightDecayThreeLayerSolverTest {
    private static final int M1 = 2;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** ½‖Σ_b ς_b A_c(b) u_b − y‖² + β Σ_b Σ_j ‖u_bj‖ from dense A_c: the objective of (3.4). */
    private static double denseObjective(Dataset data, ComboSet combos, double[] u, double beta) {
        int c = combos.size(), d = data.d(), dim = M1 * d;
        double[] f = new double[data.n()];
        double groups = 0;
        for (int b = 0; b < 2 * c; b++) {
            double[][] a = PathThreeLayerOperatorTest.lossMatrix(data, combos, b % c);
            for (int i = 0; i < data.n(); i++)
                for (int k = 0; k < dim; k++) f[i] += (b < c ? 1 : -1) * a[i][k] * u[b * dim + k];
            for (int j = 0; j < M1; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) s += u[b * dim + j * d + l] * u[b * dim + j * d + l];
                groups += Math.sqrt(s);
            }
        }
        double loss = 0;
        for (int i = 0; i < data.n(); i++) loss += 0.5 * (f[i] - data.y()[i]) * (f[i] - data.y()[i]);
        return loss + beta * groups;
    }

    /** Every orthant row K_c u ≥ 0 of every block, from dense K_c (exact feasibility of the certified point). */
    private static double minConstraintRow(Dataset data, ComboSet combos, double[] u) {
        int c = combos.size(), dim = M1 * data.d();
        double min = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 2 * c; b++) {
            double[][] k = PathThreeLayerOperatorTest.constraintMatrix(data, combos, b % c);
            for (double[] row : k) {
                double s = 0;
                for (int l = 0; l < dim; l++) s += row[l] * u[b * dim + l];
                min = Math.min(min, s);
            }
        }
        return min;
    }

    @Test
    void solvesToACertifiedOptimumThatItsNetworkAttains() {
        Random rng = new Random(51);
        TrainingSettings adam = TrainingSettings.defaults().withEpochs(1500);
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, M1);
            double betaMax = PathCertificate.betaMax(data, combos);
            for (double kappa : new double[] {0.05, 0.3}) {
                double beta = kappa * betaMax;
                IpmResult result = WeightDecayThreeLayerSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
                String where = "n=" + data.n() + " kappa=" + kappa + ": ";
                assertEquals(SolveStatus.SOLVED, result.status(), where + result);
                assertTrue(result.gapAbs() >= -1e-12 && result.gapRel() <= 1e-7, where + "gap " + result.gapRel());
                assertTrue(minConstraintRow(data, combos, result.weights()) >= 0, where + "certified point infeasible");
                assertEquals(denseObjective(data, combos, result.weights(), beta), result.objective(), 1e-10 * result.objective(),
                        where + "objective of the certified point");

                ParallelThreeLayerNetwork net = WeightDecayThreeLayerSolver.network(combos, result);
                assertTrue(net.subnetworks() > 0, where + "zero network below beta_max");
                for (int k = 0; k < net.subnetworks(); k++) assertEquals(1.0, net.firstLayerNorm(k), 1e-12, where + "‖W1‖_F of " + k);
                assertEquals(result.objective(), net.objective(data, beta), 1e-7 * result.objective(), where + "network objective (3.1)");

                // local search on (3.1) never beats the certified optimum
                for (int subnetworks : new int[] {1, 3}) {
                    for (long seed = 0; seed < 2; seed++) {
                        ParallelThreeLayerNetwork trained = new ThreeLayerTrainer(subnetworks, M1, ThreeLayerPenalty.WEIGHT_DECAY)
                                .train(data, beta, adam.withSeed(seed)).network();
                        double trainedObjective = trained.objective(data, beta);
                        assertTrue(result.dualBound() <= trainedObjective * (1 + 1e-12),
                                where + "trained " + trainedObjective + " below the bound " + result.dualBound());
                    }
                }
            }
        }
    }

    /**
     * Same loss and constraints, regularisers ‖u_c‖₂ ≤ Σ_j ‖u_cj‖₂ ≤ √m1 ‖u_c‖₂ pointwise, hence
     * p*_path(β) ≤ p*_wd(β) ≤ p*_path(√m1 β); the first is strict on problems where the path optimum
     * spreads a block over both neurons (formulations §3.6).
     */
    @Test
    void liesBetweenThePathProgramsAndDiffersFromThem() {
        Random rng = new Random(52);
        int strict = 0;
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, M1);
            double beta = 0.1 * PathCertificate.betaMax(data, combos);
            IpmResult wd = WeightDecayThreeLayerSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
            IpmResult path = PathThreeLayerSolver.solve(data, combos, beta, IpmSettings.defaults(), QUIET);
            IpmResult pathScaled = PathThreeLayerSolver.solve(data, combos, Math.sqrt(M1) * beta, IpmSettings.defaults(), QUIET);
            String where = "n=" + data.n() + ": ";
            assertTrue(wd.status().isOptimal() && path.status().isOptimal() && pathScaled.status().isOptimal(), where);
            assertTrue(path.dualBound() <= wd.objective(), where + "path " + path + " above weight decay " + wd);
            assertTrue(wd.dualBound() <= pathScaled.objective(), where + "weight decay " + wd + " above path(√m1 β) " + pathScaled);
            if (wd.dualBound() > path.objective() * (1 + 1e-4)) strict++;
        }
        assertTrue(strict > 0, "the weight-decay optimum never differed from the path optimum");
    }

    @Test
    void betaAtOrAbovePathBetaMaxGivesTheZeroNetwork() {
        // σ_wd ≤ σ_path (the ℓ1/ℓ2 ball lies in the ℓ2 ball), so the path β_max also zeroes (3.4)
        Random rng = new Random(53);
        for (Dataset data : PathThreeLayerOperatorTest.problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, M1);
            double betaMax = PathCertificate.betaMax(data, combos);
            IpmResult result = WeightDecayThreeLayerSolver.solve(data, combos, betaMax, IpmSettings.defaults(), QUIET);
            assertTrue(result.status().isOptimal(), result.status().toString());
            assertEquals(0, WeightDecayThreeLayerSolver.network(combos, result).subnetworks());
            double half = 0;
            for (double v : data.y()) half += 0.5 * v * v;
            assertEquals(half, result.objective(), 0.0);
            assertTrue(result.gapRel() <= 1e-7, "gap " + result.gapRel());
        }
    }

    @Test
    void rejectsMismatchedInput() {
        Random rng = new Random(54);
        Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 6, 2);
        ComboSet combos = new ComboEnumerator().enumerate(data, M1);
        Dataset other = PathThreeLayerOperatorTest.gaussian(rng, 7, 2);
        assertThrows(IllegalArgumentException.class, () -> WeightDecayThreeLayerSolver.solve(data, combos, -1.0, IpmSettings.defaults(), QUIET));
        assertThrows(IllegalArgumentException.class, () -> WeightDecayThreeLayerSolver.solve(other, combos, 0.1, IpmSettings.defaults(), QUIET));
        IpmResult path = PathThreeLayerSolver.solve(data, combos, 0.1, IpmSettings.defaults(), QUIET);
        ComboSet fewer = new ComboEnumerator().enumerate(PathThreeLayerOperatorTest.gaussian(rng, 6, 3), M1);
        assertThrows(IllegalArgumentException.class, () -> WeightDecayThreeLayerSolver.network(fewer, path));
    }
}
