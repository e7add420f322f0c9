package org.cvxnn.solver.certificate;

import java.util.Arrays;
import java.util.Objects;

import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;

/**
 * The dual constraint function of the depth-L path-regularised program (formulations §4.3, the
 * dual as in §3.9/§4.2) over a tree combo set:
 * {@code σ(v) = max_c max_± max_{u ∈ K_c, ‖u‖₂ ≤ 1} ±vᵀA_c u = max_c max_± ‖Π_{K_c}(±A_cᵀv)‖}, with
 * {@code A_c u = z_root} and {@code K_c} the cone {@code (2D_q − I)·h_q ≥ 0} at every node q of the
 * tree ({@link TreeComboSet}). Equivalently {@code σ(v) = sup |vᵀf_k(X)| / R_k} over single tree
 * sub-networks using these combos. With every combo this is the exact σ(v); with a subset (sampled
 * combos) it can only be smaller. Each value comes from {@link RowConeProjector}, so it is never
 * below the exact projection norm beyond rounding.
 *
 * <p>Combos are evaluated in parallel on the common fork-join pool; the result is deterministic
 * (ties go to the lowest combo index, then to the + sign). Instances are immutable and thread-safe.
 */
public final class PathTreeDualNorm {
    private final int n;
    private final int d;
    private final TreeComboSet combos;
    private final double[] rowMajor;

    /**
     * @param design the feature matrix X (with its bias column, if the model has one)
     * @param combos tree combos of that X
     * @throws IllegalArgumentException if the combos do not belong to data of this shape, or the set is empty
     */
    public PathTreeDualNorm(Dataset design, TreeComboSet combos) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(combos, "combos");
        ComboGeometry.checkCombos(design, combos.n(), combos.d(), combos.size());
        this.n = design.n();
        this.d = design.d();
        this.combos = combos;
        this.rowMajor = ComboGeometry.rowMajor(design);
    }

    /** σ(v) and a maximising combo (reported as {@link DualNorm#pattern()}) and sign; {@code v} has length n. */
    public DualNorm evaluate(double[] v) {
        ComboGeometry.checkResidual(v, n);
        return DualNorm.largest(combos.size(), c -> {
            double[][] coef = coefficients(c);
            return DualNorm.projectBothSigns(cone(c, coef), correlation(c, coef, v));
        });
    }

    /**
     * {@code coef[q][ℓ·n + i] ∈ {−1, 0, 1}}: the coefficient of {@code x_iᵀu_ℓ} in the pre-activation
     * of node q ({@code h_ℓ = X u_ℓ}, {@code h_q = Σ_{p ∈ children(q)} s_p D_p h_p}).
     */
    private double[][] coefficients(int c) {
        TreeShape shape = combos.shape();
        int leaves = shape.leaves();
        double[][] coef = new double[shape.nodes()][leaves * n];
        for (int l = 0; l < leaves; l++) Arrays.fill(coef[l], l * n, (l + 1) * n, 1.0);
        for (int k = 2; k < shape.depth(); k++) {
            int m = shape.width(k - 1);
            for (int q = 0; q < shape.levelSize(k); q++) {
                double[] target = coef[shape.node(k, q)];
                for (int j = 0; j < m; j++) {
                    int child = shape.node(k - 1, q * m + j);
                    int s = combos.sign(c, child);
                    for (int l = 0; l < leaves; l++)
                        for (int i = 0; i < n; i++)
                            if (combos.active(c, child, i)) target[l * n + i] += s * coef[child][l * n + i];
                }
            }
        }
        return coef;
    }

    /** {@code A_cᵀv}: block ℓ is {@code Σ_i D_root(i) coef_root,ℓ(i) v_i x_i}. */
    private double[] correlation(int c, double[][] coef, double[] v) {
        int leaves = combos.shape().leaves(), root = combos.shape().root();
        double[] g = new double[leaves * d];
        for (int i = 0; i < n; i++) {
            if (!combos.active(c, root, i) || v[i] == 0) continue;
            for (int l = 0; l < leaves; l++) {
                double w = coef[root][l * n + i] * v[i];
                if (w == 0) continue;
                for (int f = 0; f < d; f++) g[l * d + f] += w * rowMajor[i * d + f];
            }
        }
        return g;
    }

    /**
     * {@code K_c}: per node q and row i the row {@code (2D_q(i) − 1)(coef_q,ℓ(i) x_i)_ℓ}, zero rows
     * left out (a leaf's rows on the nonzero rows of X always remain, so K_c has a row).
     */
    private RowConeProjector cone(int c, double[][] coef) {
        int leaves = combos.shape().leaves(), nodes = combos.shape().nodes(), dim = leaves * d;
        double[] k = new double[nodes * n * dim];
        int rows = 0;
        for (int q = 0; q < nodes; q++) {
            for (int i = 0; i < n; i++) {
                double side = combos.active(c, q, i) ? 1.0 : -1.0;
                boolean any = false;
                for (int l = 0; l < leaves; l++) {
                    double w = side * coef[q][l * n + i];
                    if (w == 0) continue;
                    for (int f = 0; f < d; f++) {
                        k[rows * dim + l * d + f] = w * rowMajor[i * d + f];
                        any |= rowMajor[i * d + f] != 0;
                    }
                }
                if (any) rows++;
            }
        }
        return new RowConeProjector(rows, dim, Arrays.copyOf(k, rows * dim));
    }
}
