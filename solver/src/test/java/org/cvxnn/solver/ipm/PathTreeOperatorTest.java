package org.cvxnn.solver.ipm;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.Random;

import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeCombos;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

/** Every method of {@link PathTreeOperator} against dense A_c and K_c built by the tree recursion from the combos. */
class PathTreeOperatorTest {
    private static final double TOL = 1e-11;

    /**
     * {@code coef[q][ℓ][i]}: the coefficient of {@code x_iᵀu_ℓ} in the pre-activation of node q,
     * from {@code h_ℓ = X u_ℓ} and {@code h_q = Σ_{p child of q} s_p D_p h_p}, children found by
     * scanning all nodes for their parent.
     */
    static double[][][] coefficients(TreeComboSet combos, int c) {
        TreeShape shape = combos.shape();
        int nodes = shape.nodes(), leaves = shape.leaves(), n = combos.n();
        double[][][] coef = new double[nodes][leaves][n];
        for (int l = 0; l < leaves; l++) java.util.Arrays.fill(coef[l][l], 1.0);
        for (int k = 2; k < shape.depth(); k++)
            for (int q = 0; q < shape.levelSize(k); q++) {
                int node = shape.node(k, q);
                for (int p = 0; p < shape.levelSize(k - 1); p++) {
                    if (p / shape.width(k - 1) != q) continue;
                    int child = shape.node(k - 1, p);
                    for (int l = 0; l < leaves; l++)
                        for (int i = 0; i < n; i++)
                            coef[node][l][i] += combos.sign(c, child) * (combos.active(c, child, i) ? 1 : 0) * coef[child][l][i];
                }
            }
        return coef;
    }

    static double[][] lossMatrix(Dataset data, TreeComboSet combos, int c) {
        double[][][] coef = coefficients(combos, c);
        int n = data.n(), d = data.d(), leaves = combos.shape().leaves(), root = combos.shape().root();
        double[][] a = new double[n][leaves * d];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < leaves; l++)
                for (int f = 0; f < d; f++)
                    a[i][l * d + f] = (combos.active(c, root, i) ? 1 : 0) * coef[root][l][i] * data.get(i, f);
        return a;
    }

    static double[][] constraintMatrix(Dataset data, TreeComboSet combos, int c) {
        double[][][] coef = coefficients(combos, c);
        int n = data.n(), d = data.d(), leaves = combos.shape().leaves(), nodes = combos.shape().nodes();
        double[][] k = new double[nodes * n][leaves * d];
        for (int q = 0; q < nodes; q++)
            for (int i = 0; i < n; i++)
                for (int l = 0; l < leaves; l++)
                    for (int f = 0; f < d; f++)
                        k[q * n + i][l * d + f] = (combos.active(c, q, i) ? 1 : -1) * coef[q][l][i] * data.get(i, f);
        return k;
    }

    @Test
    void everyMethodMatchesTheDenseReference() {
        Random rng = new Random(41);
        List<TreeShape> shapes = List.of(TreeShape.of(2, 2), TreeShape.of(2, 1, 2), TreeShape.of(1, 3), TreeShape.of(3));
        for (TreeShape shape : shapes) {
            Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 70, 2);
            TreeComboSet combos = TreeCombos.sample(data, shape, 12, rng.nextLong());
            int n = data.n(), cCount = combos.size();
            double[][][] a = new double[cCount][][], k = new double[cCount][][];
            for (int c = 0; c < cCount; c++) {
                a[c] = lossMatrix(data, combos, c);
                k[c] = constraintMatrix(data, combos, c);
            }
            try (Arena arena = Arena.ofConfined()) {
                PathTreeOperator op = new PathTreeOperator(arena, Matrix.of(arena, n, data.d(), data.x()), combos);
                DenseOperatorCheck.verify(arena, op, a, k, rng, TOL, shape + " ");
            }
        }
    }
}
