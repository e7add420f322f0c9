package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.Random;

import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

/** Every method of {@link PathThreeLayerOperator} against dense A_c and K_c built entry by entry from the combos. */
class PathThreeLayerOperatorTest {
    private static final double TOL = 1e-12;

    static List<Dataset> problems(Random rng) {
        return List.of(gaussian(rng, 6, 2), gaussian(rng, 8, 2), univariateWithBias(rng, 7));
    }

    static Dataset gaussian(Random rng, int n, int d) {
        double[] x = new double[n * d], y = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = rng.nextGaussian();
        return new Dataset(n, d, x, y);
    }

    static Dataset univariateWithBias(Random rng, int n) {
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2.0 * (i + 0.3 * rng.nextDouble()) / n;
            y[i] = Math.sin(3 * x[i]) + 0.3 * rng.nextGaussian();
        }
        return new Dataset(n, 1, x, y).withBias();
    }

    /** A_c (n × m1d): column block j is s_cj D_2c D_1cj X. */
    static double[][] lossMatrix(Dataset data, ComboSet combos, int c) {
        int n = data.n(), d = data.d(), m1 = combos.m1();
        double[][] a = new double[n][m1 * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m1; j++)
                for (int l = 0; l < d; l++)
                    a[i][j * d + l] = combos.secondActive(c, i) && combos.firstActive(c, j, i) ? combos.sign(c, j) * data.get(i, l) : 0.0;
        return a;
    }

    /** K_c ((m1+1)n × m1d): blockdiag_j (2D_1cj − I)X on top of (2D_2c − I)[s_cj D_1cj X]_j. */
    static double[][] constraintMatrix(Dataset data, ComboSet combos, int c) {
        int n = data.n(), d = data.d(), m1 = combos.m1();
        double[][] k = new double[(m1 + 1) * n][m1 * d];
        for (int j = 0; j < m1; j++)
            for (int i = 0; i < n; i++)
                for (int l = 0; l < d; l++) {
                    k[j * n + i][j * d + l] = (combos.firstActive(c, j, i) ? 1 : -1) * data.get(i, l);
                    double s2 = combos.secondActive(c, i) ? 1 : -1;
                    k[m1 * n + i][j * d + l] = combos.firstActive(c, j, i) ? s2 * combos.sign(c, j) * data.get(i, l) : 0.0;
                }
        return k;
    }

    private static double[] times(double[][] a, double[] v) {
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
        Random rng = new Random(31);
        for (Dataset data : problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, 2);
            int n = data.n(), cCount = combos.size(), blocks = 2 * cCount, dim = 2 * data.d(), rows = 3 * n;
            double[][][] a = new double[cCount][][], k = new double[cCount][][];
            for (int c = 0; c < cCount; c++) {
                a[c] = lossMatrix(data, combos, c);
                k[c] = constraintMatrix(data, combos, c);
            }
            try (Arena arena = Arena.ofConfined()) {
                PathThreeLayerOperator op = new PathThreeLayerOperator(arena, Matrix.of(arena, n, data.d(), data.x()), combos);
                assertEquals(n, op.n());
                assertEquals(rows, op.rows());
                assertEquals(dim, op.d());
                assertEquals(blocks, op.blocks());
                assertEquals(cCount, op.masks());
                Matrix u = random(arena, rng, dim, blocks);

                Matrix yhat = Matrix.vector(arena, n);
                op.apply(u, yhat);
                double[] expected = new double[n];
                for (int b = 0; b < blocks; b++) {
                    double[] part = times(a[b % cCount], u.column(b).toArray());
                    for (int i = 0; i < n; i++) expected[i] += (b < cCount ? 1 : -1) * part[i];
                }
                for (int i = 0; i < n; i++) assertClose(expected[i], yhat.get(i), "apply row " + i);

                Matrix r = random(arena, rng, n, 1);
                Matrix g = random(arena, rng, dim, blocks);
                double[] g0 = g.toArray();
                op.applyTranspose(0.7, r, -0.4, g);
                for (int b = 0; b < blocks; b++) {
                    double[] at = transposeTimes(a[b % cCount], r.toArray());
                    for (int l = 0; l < dim; l++)
                        assertClose(0.7 * op.sign(b) * at[l] - 0.4 * g0[b * dim + l], g.get(l, b), "applyTranspose " + b);
                }

                Matrix out = Matrix.allocate(arena, rows, blocks);
                op.constraintRows(-1.5, u, out);
                for (int b = 0; b < blocks; b++) {
                    double[] ku = times(k[b % cCount], u.column(b).toArray());
                    for (int i = 0; i < rows; i++) assertClose(-1.5 * ku[i], out.get(i, b), "constraintRows " + b + "," + i);
                }

                Matrix z = random(arena, rng, rows, blocks);
                g = random(arena, rng, dim, blocks);
                g0 = g.toArray();
                op.constraintTranspose(-0.3, z, 1.0, g);
                for (int b = 0; b < blocks; b++) {
                    double[] kz = transposeTimes(k[b % cCount], z.column(b).toArray());
                    for (int l = 0; l < dim; l++) assertClose(-0.3 * kz[l] + g0[b * dim + l], g.get(l, b), "constraintTranspose " + b);
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
                            assertClose(e, grams.get(packed, b), "gramBlocks " + b + " (" + row + "," + col + ")");
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
                    double[][] al = new double[n][dim]; // A_c L_c
                    for (int i = 0; i < n; i++)
                        for (int col = 0; col < dim; col++)
                            for (int m = 0; m < dim; m++) al[i][col] += a[c][i][m] * factors.get(m, c * dim + col);
                    for (int i = 0; i < n; i++)
                        for (int i2 = 0; i2 < n; i2++)
                            for (int col = 0; col < dim; col++) ref[i][i2] += al[i][col] * al[i2][col];
                }
                for (int col = 0; col < n; col++)
                    for (int row = 0; row <= col; row++)
                        assertClose(s0[row + col * n] + ref[row][col], s.get(row, col), "accumulateSchur " + row + "," + col);

                Matrix h = Matrix.allocate(arena, dim, blocks);
                op.generatingDirections(h);
                for (int b = 0; b < blocks; b++) {
                    double[][] kk = k[b % cCount];
                    double[] kh = times(kk, h.column(b).toArray());
                    for (int i = 0; i < rows; i++) {
                        boolean zeroRow = true;
                        for (double v : kk[i]) zeroRow &= v == 0;
                        if (!zeroRow) assertTrue(kh[i] > 0, "generating direction of block " + b + " not strictly inside on row " + i);
                    }
                }
            }
        }
    }

    /** The generic repair of {@link SolutionCertifier} along the combos' generating points makes perturbed blocks feasible. */
    @Test
    void certificateRepairMovesInfeasibleBlocksIntoTheirCones() {
        Random rng = new Random(32);
        for (Dataset data : problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, 2);
            int n = data.n(), cCount = combos.size(), blocks = 2 * cCount, dim = 2 * data.d(), rows = 3 * n;
            try (Arena arena = Arena.ofConfined()) {
                PathThreeLayerOperator op = new PathThreeLayerOperator(arena, Matrix.of(arena, n, data.d(), data.x()), combos);
                Matrix h = Matrix.allocate(arena, dim, blocks);
                op.generatingDirections(h);
                double[] start = h.toArray();
                for (int b = 0; b < blocks; b++) {
                    double norm = 0;
                    for (int l = 0; l < dim; l++) norm += start[b * dim + l] * start[b * dim + l];
                    for (int l = 0; l < dim; l++) start[b * dim + l] += 0.05 * Math.sqrt(norm) * rng.nextGaussian();
                }
                // keep the half whose prediction correlates with y, scaled to fit y best: then the
                // zero point is worse and the certifier must repair rather than discard the blocks
                Matrix u = Matrix.of(arena, dim, blocks, start);
                Matrix yhat = Matrix.vector(arena, n);
                u.columns(cCount, cCount).fill(0.0);
                op.apply(u, yhat);
                double[] f = yhat.toArray();
                double fy = 0, ff = 0;
                for (int i = 0; i < n; i++) {
                    fy += f[i] * data.y()[i];
                    ff += f[i] * f[i];
                }
                if (fy < 0) { // use the other half instead: the same blocks with output sign −1
                    u.columns(cCount, cCount).copyFrom(u.columns(0, cCount));
                    u.columns(0, cCount).fill(0.0);
                }
                double fit = Math.abs(fy) / ff;
                double[] current = u.toArray();
                for (int k = 0; k < start.length; k++) start[k] = fit * current[k];
                u.copyFrom(start);
                Matrix y = Matrix.of(arena, n, 1, data.y());
                double beta = 1e-9;
                SolutionCertifier.Certificate cert = new SolutionCertifier(arena, op, y, beta)
                        .certify(u, Matrix.allocate(arena, rows, blocks), Matrix.allocate(arena, rows, blocks), lambda -> 0.0);
                double[] w = cert.weights();
                int moved = 0;
                double penalty = 0;
                double[] prediction = new double[n];
                for (int b = 0; b < blocks; b++) {
                    double[] block = java.util.Arrays.copyOfRange(w, b * dim, (b + 1) * dim);
                    double[] kw = times(constraintMatrix(data, combos, b % cCount), block);
                    double scale = 0;
                    for (double v : block) scale = Math.max(scale, Math.abs(v));
                    for (int i = 0; i < rows; i++) assertTrue(kw[i] >= -1e-13 * scale, "block " + b + " row " + i + ": " + kw[i]);
                    double[] given = java.util.Arrays.copyOfRange(start, b * dim, (b + 1) * dim);
                    if (!java.util.Arrays.equals(block, given) && scale > 0) moved++;
                    double norm = 0;
                    for (double v : block) norm += v * v;
                    penalty += Math.sqrt(norm);
                    double[] ab = times(lossMatrix(data, combos, b % cCount), block);
                    for (int i = 0; i < n; i++) prediction[i] += op.sign(b) * ab[i];
                }
                assertTrue(moved > 0, "no block was repaired");
                double loss = 0;
                for (int i = 0; i < n; i++) loss += 0.5 * (prediction[i] - data.y()[i]) * (prediction[i] - data.y()[i]);
                assertEquals(loss + beta * penalty, cert.primal(), 1e-10 * cert.primal());
                assertTrue(cert.dual() <= cert.primal());
            }
        }
    }
}
