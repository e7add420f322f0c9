package org.cvxnn.solver.ipm;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Solves the path-regularised three-layer convex program (formulations (4.2)) with the structured
 * interior-point method and certifies the result:
 * <pre>
 *   min ½‖Σ_c A_c(u_c − u'_c) − y‖² + β Σ_c (‖u_c‖₂ + ‖u'_c‖₂)   s.t. K_c u_c ≥ 0, K_c u'_c ≥ 0
 * </pre>
 * with one {@code (m1·d)}-dimensional group per combo and sign. The bound is that of the program on
 * the given combos: it bounds the optimum of (4.1) only when the combos are complete (e.g. from
 * {@code ComboEnumerator}).
 *
 * <p>All off-heap memory of a solve lives in a confined arena closed before returning.
 */
public final class PathThreeLayerSolver {
    private PathThreeLayerSolver() { }

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
        return solve(design, combos, beta, settings, log, false);
    }

    /**
     * The program on {@code combos} with one group per block, or with {@code perNeuron} one per
     * first-layer neuron (the weight-decay program (3.4)); arguments as in the public method.
     */
    static IpmResult solve(Dataset design, ComboSet combos, double beta, IpmSettings settings, PrintStream log, boolean perNeuron) {
        ComboSolve.checkArguments(design, combos.n(), combos.d(), beta);
        if (combos.size() == 0) throw new IllegalArgumentException("the combo set is empty");
        return ComboSolve.solve(design, beta, settings, log, (arena, x) -> new PathThreeLayerOperator(arena, x, combos, perNeuron));
    }

    /**
     * The network of a solution (formulations §4.2): one sub-network per nonzero block
     * {@code u} of combo c with output sign ς and {@code t = ‖u‖}: {@code w_1j = u_j/‖u_j‖}
     * (0 if {@code u_j = 0}), {@code w_2j = s_cj‖u_j‖/t}, {@code w_3 = ς t}. Its predictions are
     * {@code Σ ς A_c u} and its path norms sum to {@code Σ ‖u‖}, so its path objective (4.1) is the
     * program's objective at {@code result.weights()}.
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
            double t = norm(u, b * dim, dim);
            if (t == 0) continue;
            int combo = b % c;
            for (int j = 0; j < m1; j++) {
                int from = b * dim + j * d;
                double nj = norm(u, from, d);
                if (nj == 0) continue;
                for (int l = 0; l < d; l++) w1[k * dim + j * d + l] = u[from + l] / nj;
                w2[k * m1 + j] = combos.sign(combo, j) * nj / t;
            }
            w3[k] = (b < c ? 1.0 : -1.0) * t;
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
