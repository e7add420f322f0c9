package org.cvxnn.solver.ipm;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Solves the weight-decay three-layer convex program (formulations (3.4)) with the structured
 * interior-point method and certifies the result:
 * <pre>
 *   min ½‖Σ_c A_c(u_c − u'_c) − y‖² + β Σ_c Σ_j (‖u_cj‖₂ + ‖u'_cj‖₂)   s.t. K_c u_c ≥ 0, K_c u'_c ≥ 0
 * </pre>
 * with one d-dimensional group per first-layer neuron (§3.6). The bound is that of the program on
 * the given combos: it bounds the optimum of (3.1) only when the combos are complete (e.g. from
 * {@code ComboEnumerator}).
 */
public final class WeightDecayThreeLayerSolver {
    private WeightDecayThreeLayerSolver() { }

    /**
     * @param design   samples (include the bias column already if wanted); n ≥ 2
     * @param combos   combos of {@code design} (same n and d)
     * @param beta     regularisation strength, &gt; 0
     * @param settings interior-point settings ({@link IpmSettings#workingSet()} is not used)
     * @param log      destination of the per-iteration progress lines when {@code settings.verbose()}
     * @return the certified solution; its weights are {@code (m1·d) × 2C} column-major: block c is
     *         {@code u_c = (u_c1..u_cm1)}, block C + c is {@code u'_c}
     */
    public static IpmResult solve(Dataset design, ComboSet combos, double beta, IpmSettings settings, PrintStream log) {
        return PathThreeLayerSolver.solve(design, combos, beta, settings, log, true);
    }

    /**
     * The network of a solution (formulations §3.8): one sub-network per nonzero block {@code u}
     * of combo c with output sign ς and {@code t = Σ_j ‖u_j‖}: {@code w_1j = u_j/√(‖u_j‖ t)}
     * (0 if {@code u_j = 0}), {@code w_2j = s_cj √‖u_j‖}, {@code w_3 = ς √t}. Then
     * {@code ‖W_1‖_F = 1}, its predictions are {@code Σ ς A_c u} and its weight decay
     * {@code ½(‖w_2‖² + w_3²)} is {@code t}, so its objective (3.1) is the program's objective at
     * {@code result.weights()}.
     *
     * @param combos the combos the result was solved on
     */
    public static ParallelThreeLayerNetwork network(ComboSet combos, IpmResult result) {
        int d = combos.d(), m1 = combos.m1(), dim = m1 * d, c = combos.size();
        if (result.d() != dim || result.blocks() != 2 * c)
            throw new IllegalArgumentException("the result has " + result.blocks() + " blocks of dimension " + result.d()
                    + ", the combos need " + 2 * c + " of dimension " + dim);
        double[] u = result.weights();
        int k = 0;
        double[] w1 = new double[result.blocks() * dim], w2 = new double[result.blocks() * m1], w3 = new double[result.blocks()];
        for (int b = 0; b < result.blocks(); b++) {
            double t = 0;
            for (int j = 0; j < m1; j++) t += norm(u, b * dim + j * d, d);
            if (t == 0) continue;
            int combo = b % c;
            for (int j = 0; j < m1; j++) {
                int from = b * dim + j * d;
                double nj = norm(u, from, d);
                if (nj == 0) continue;
                double scale = Math.sqrt(nj * t);
                for (int l = 0; l < d; l++) w1[k * dim + j * d + l] = u[from + l] / scale;
                w2[k * m1 + j] = combos.sign(combo, j) * Math.sqrt(nj);
            }
            w3[k] = (b < c ? 1.0 : -1.0) * Math.sqrt(t);
            k++;
        }
        return new ParallelThreeLayerNetwork(d, k, m1, Arrays.copyOf(w1, k * dim), Arrays.copyOf(w2, k * m1), Arrays.copyOf(w3, k));
    }

    private static double norm(double[] v, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) s += v[i] * v[i];
        return Math.sqrt(s);
    }
}
