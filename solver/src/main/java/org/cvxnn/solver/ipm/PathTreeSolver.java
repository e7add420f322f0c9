package org.cvxnn.solver.ipm;

import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TreeNetwork;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Solves the depth-L path-regularised convex program (formulations §4.3) with the structured
 * interior-point method and certifies the result:
 * <pre>
 *   min ½‖Σ_c A_c(u_c − u'_c) − y‖² + β Σ_c (‖u_c‖₂ + ‖u'_c‖₂)   s.t. K_c u_c ≥ 0, K_c u'_c ≥ 0
 * </pre>
 * with one {@code (leaves·d)}-dimensional group per tree combo and sign ({@link PathTreeOperator}).
 * The bound is that of the program on the given combos; it bounds the optimum over all depth-L
 * tree networks only when the combos are complete.
 */
public final class PathTreeSolver {
    /**
     * Largest supported block dimension {@code leaves · d} (d with the bias column): every block's
     * Gram matrix and factor are dense in it, per combo.
     */
    public static final int MAX_BLOCK_DIMENSION = 256;

    private PathTreeSolver() { }

    /**
     * @param design   samples (include the bias column already if wanted); n ≥ 2
     * @param combos   tree combos of {@code design} (same n and d)
     * @param beta     regularisation strength, &gt; 0
     * @param settings interior-point settings ({@link IpmSettings#workingSet()} is not used)
     * @param log      destination of the per-iteration progress lines when {@code settings.verbose()}
     * @return the certified solution; its weights are {@code (leaves·d) × 2C} column-major: block c is
     *         {@code u_c = (u_c1..u_cN1)}, block C + c is {@code u'_c}
     * @throws IllegalArgumentException for β not positive, shapes that disagree, fewer than 2 samples,
     *     or a block dimension {@code leaves·d} above {@value #MAX_BLOCK_DIMENSION}
     */
    public static IpmResult solve(Dataset design, TreeComboSet combos, double beta, IpmSettings settings, PrintStream log) {
        ComboSolve.checkArguments(design, combos.n(), combos.d(), beta);
        return ComboSolve.solve(design, beta, settings, log, (arena, x) -> new PathTreeOperator(arena, x, combos));
    }

    /**
     * The network of a solution (§4.2's reconstruction, generalised to trees): one sub-network per
     * nonzero block {@code u} of combo c with output sign ς. With the subtree norms
     * {@code ρ_ℓ = ‖u_ℓ‖} at the leaves and {@code ρ_q = sqrt(Σ_{p ∈ children(q)} ρ_p²)} above
     * ({@code ρ_root = t = ‖u‖}): leaf weights {@code w_ℓ = u_ℓ/ρ_ℓ}, edge weights
     * {@code w_p = s_p ρ_p/ρ_parent(p)} (0 below a zero subtree), output weight {@code ς t}. The edge
     * factors telescope, so the scale of leaf ℓ is {@code ρ_ℓ}: the sub-network's predictions are
     * {@code ς A_c u} and its path norm is {@code t}, hence the network's path objective is the
     * program's objective at {@code result.weights()}.
     *
     * @param combos the combos the result was solved on
     */
    public static TreeNetwork network(TreeComboSet combos, IpmResult result) {
        TreeShape shape = combos.shape();
        int d = combos.d(), leaves = shape.leaves(), dim = leaves * d, c = combos.size(), nodes = shape.nodes();
        if (result.d() != dim || result.blocks() != 2 * c)
            throw new IllegalArgumentException("the result has " + result.blocks() + " blocks of dimension " + result.d()
                    + ", the combos need " + 2 * c + " of dimension " + dim);
        double[] u = result.weights();
        int k = 0;
        double[] lw = new double[result.blocks() * dim], ew = new double[result.blocks() * (nodes - 1)], out = new double[result.blocks()];
        double[] rho = new double[nodes];
        for (int b = 0; b < result.blocks(); b++) {
            Arrays.fill(rho, 0.0);
            for (int l = 0; l < leaves; l++) {
                double s = 0;
                for (int f = 0; f < d; f++) s += u[b * dim + l * d + f] * u[b * dim + l * d + f];
                rho[l] = Math.sqrt(s);
            }
            for (int level = 2; level < shape.depth(); level++) {
                int m = shape.width(level - 1);
                for (int q = 0; q < shape.levelSize(level); q++) {
                    double s = 0;
                    for (int j = 0; j < m; j++) s += rho[shape.node(level - 1, q * m + j)] * rho[shape.node(level - 1, q * m + j)];
                    rho[shape.node(level, q)] = Math.sqrt(s);
                }
            }
            double t = rho[shape.root()];
            if (t == 0) continue;
            int combo = b % c;
            for (int l = 0; l < leaves; l++) {
                if (rho[l] == 0) continue;
                for (int f = 0; f < d; f++) lw[k * dim + l * d + f] = u[b * dim + l * d + f] / rho[l];
            }
            for (int level = 1; level < shape.depth() - 1; level++) {
                int m = shape.width(level);
                for (int p = 0; p < shape.levelSize(level); p++) {
                    int node = shape.node(level, p), parent = shape.node(level + 1, p / m);
                    if (rho[parent] > 0) ew[k * (nodes - 1) + node] = combos.sign(combo, node) * rho[node] / rho[parent];
                }
            }
            out[k] = (b < c ? 1.0 : -1.0) * t;
            k++;
        }
        return new TreeNetwork(d, shape, k, Arrays.copyOf(lw, k * dim), Arrays.copyOf(ew, k * (nodes - 1)), Arrays.copyOf(out, k));
    }
}
