package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < v.length; k++) out[i] += a[i][k] * v[k];
        return out;
    }

    private static double[] transposeTimes(double[][] a, double[] v) {
        double[] out = new double[a[0].length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < out.length; k++) out[k] += a[i][k] * v[i];
        return out;
    }

    private static Matrix random(Arena arena, Random rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) v[k] = rng.nextGaussian();
        return Matrix.of(arena, rows, cols, v);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1.0, Math.abs(expected)), what);
    }

    @Test
    void everyMethodMatchesTheDenseReference() {
        Random rng = new Random(41);
        List<TreeShape> shapes = List.of(TreeShape.of(2, 2), TreeShape.of(2, 1, 2), TreeShape.of(1, 3), TreeShape.of(3));
        for (TreeShape shape : shapes) {
            Dataset data = PathThreeLayerOperatorTest.gaussian(rng, 70, 2);
            TreeComboSet combos = TreeCombos.sample(data, shape, 12, rng.nextLong());
            int n = data.n(), cCount = combos.size(), blocks = 2 * cCount, dim = shape.leaves() * data.d(), rows = shape.nodes() * n;
            double[][][] a = new double[cCount][][], k = new double[cCount][][];
            for (int c = 0; c < cCount; c++) {
                a[c] = lossMatrix(data, combos, c);
                k[c] = constraintMatrix(data, combos, c);
            }
            try (Arena arena = Arena.ofConfined()) {
                PathTreeOperator op = new PathTreeOperator(arena, Matrix.of(arena, n, data.d(), data.x()), combos);
                assertEquals(rows, op.rows());
                assertEquals(dim, op.d());
                assertEquals(blocks, op.blocks());
                Matrix u = random(arena, rng, dim, blocks);

                Matrix yhat = Matrix.vector(arena, n);
                op.apply(u, yhat);
                double[] expected = new double[n];
                for (int b = 0; b < blocks; b++) {
                    double[] part = times(a[b % cCount], u.column(b).toArray());
                    for (int i = 0; i < n; i++) expected[i] += (b < cCount ? 1 : -1) * part[i];
                }
                for (int i = 0; i < n; i++) assertClose(expected[i], yhat.get(i), shape + " apply row " + i);

                Matrix r = random(arena, rng, n, 1);
                Matrix g = random(arena, rng, dim, blocks);
                double[] g0 = g.toArray();
                op.applyTranspose(0.7, r, -0.4, g);
                for (int b = 0; b < blocks; b++) {
                    double[] at = transposeTimes(a[b % cCount], r.toArray());
                    for (int l = 0; l < dim; l++)
                        assertClose(0.7 * op.sign(b) * at[l] - 0.4 * g0[b * dim + l], g.get(l, b), shape + " applyTranspose " + b);
                }

                Matrix out = Matrix.allocate(arena, rows, blocks);
                op.constraintRows(-1.5, u, out);
                for (int b = 0; b < blocks; b++) {
                    double[] ku = times(k[b % cCount], u.column(b).toArray());
                    for (int i = 0; i < rows; i++) assertClose(-1.5 * ku[i], out.get(i, b), shape + " constraintRows " + b + "," + i);
                }

                Matrix z = random(arena, rng, rows, blocks);
                g = random(arena, rng, dim, blocks);
                g0 = g.toArray();
                op.constraintTranspose(-0.3, z, 1.0, g);
                for (int b = 0; b < blocks; b++) {
                    double[] kz = transposeTimes(k[b % cCount], z.column(b).toArray());
                    for (int l = 0; l < dim; l++) assertClose(-0.3 * kz[l] + g0[b * dim + l], g.get(l, b), shape + " constraintTranspose " + b);
                }

                Matrix w = Matrix.allocate(arena, rows, blocks);
                for (int b = 0; b < blocks; b++) for (int i = 0; i < rows; i++) w.set(i, b, rng.nextDouble());
                Matrix grams = Matrix.allocate(arena, dim * (dim + 1) / 2, blocks);
                op.gramBlocks(w, grams);
                for (int b = 0; b < blocks; b++) {
                    double[][] kk = k[b % cCount];
                    int packed = 0;
                    for (int col = 0; col < dim; col++)
                        for (int row = 0; row <= col; row++, packed++) {
                            double e = 0;
                            for (int i = 0; i < rows; i++) e += kk[i][row] * w.get(i, b) * kk[i][col];
                            assertClose(e, grams.get(packed, b), shape + " gramBlocks " + b + " (" + row + "," + col + ")");
                        }
                }

                Matrix factors = Matrix.allocate(arena, dim, dim * cCount);
                for (int c = 0; c < cCount; c++)
                    for (int col = 0; col < dim; col++)
                        for (int row = col; row < dim; row++) factors.set(row, c * dim + col, rng.nextGaussian());
                Matrix s = random(arena, rng, n, n);
                double[] s0 = s.toArray();
                op.accumulateSchur(factors, s);
                double[][] ref = new double[n][n];
                for (int c = 0; c < cCount; c++) {
                    double[][] al = new double[n][dim];
                    for (int i = 0; i < n; i++)
                        for (int col = 0; col < dim; col++)
                            for (int m = 0; m < dim; m++) al[i][col] += a[c][i][m] * factors.get(m, c * dim + col);
                    for (int i = 0; i < n; i++)
                        for (int i2 = 0; i2 < n; i2++)
                            for (int col = 0; col < dim; col++) ref[i][i2] += al[i][col] * al[i2][col];
                }
                for (int col = 0; col < n; col++)
                    for (int row = 0; row <= col; row++)
                        assertClose(s0[row + col * n] + ref[row][col], s.get(row, col), shape + " accumulateSchur " + row + "," + col);

                Matrix h = Matrix.allocate(arena, dim, blocks);
                op.generatingDirections(h);
                for (int b = 0; b < blocks; b++) {
                    double[][] kk = k[b % cCount];
                    double[] kh = times(kk, h.column(b).toArray());
                    for (int i = 0; i < rows; i++) {
                        boolean zeroRow = true;
                        for (double v : kk[i]) zeroRow &= v == 0;
                        if (!zeroRow) assertTrue(kh[i] > 0, shape + " generating direction of block " + b + " not strictly inside on row " + i);
                    }
                }
            }
        }
    }
}
