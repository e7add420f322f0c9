package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.Random;

import org.cvxnn.linalg.Matrix;

/**
 * Checks every method of a combo {@link BlockOperator} (blocks {@code 0..C−1} with sign +1, then
 * {@code C..2C−1} with sign −1) against dense reference matrices {@code A_c} (n × dim) and
 * {@code K_c} (rows × dim) of its C combos.
 */
final class DenseOperatorCheck {
    private DenseOperatorCheck() { }

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < v.length; k++) out[i] += a[i][k] * v[k];
        return out;
    }

    static double[] transposeTimes(double[][] a, double[] v) {
        double[] out = new double[a[0].length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < out.length; k++) out[k] += a[i][k] * v[i];
        return out;
    }

    static Matrix random(Arena arena, Random rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) v[k] = rng.nextGaussian();
        return Matrix.of(arena, rows, cols, v);
    }

    /**
     * Every method of {@code op} on random arguments from {@code rng} against {@code a[c]} and
     * {@code k[c]}, to relative tolerance {@code tol}; {@code label} prefixes the failure messages.
     */
    static void verify(Arena arena, BlockOperator op, double[][][] a, double[][][] k, Random rng, double tol, String label) {
        int cCount = a.length, blocks = 2 * cCount, n = a[0].length, dim = a[0][0].length, rows = k[0].length;
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
        for (int i = 0; i < n; i++) assertClose(expected[i], yhat.get(i), tol, label + "apply row " + i);

        Matrix r = random(arena, rng, n, 1);
        Matrix g = random(arena, rng, dim, blocks);
        double[] g0 = g.toArray();
        op.applyTranspose(0.7, r, -0.4, g);
        for (int b = 0; b < blocks; b++) {
            double[] at = transposeTimes(a[b % cCount], r.toArray());
            for (int l = 0; l < dim; l++)
                assertClose(0.7 * op.sign(b) * at[l] - 0.4 * g0[b * dim + l], g.get(l, b), tol, label + "applyTranspose " + b);
        }

        Matrix out = Matrix.allocate(arena, rows, blocks);
        op.constraintRows(-1.5, u, out);
        for (int b = 0; b < blocks; b++) {
            double[] ku = times(k[b % cCount], u.column(b).toArray());
            for (int i = 0; i < rows; i++) assertClose(-1.5 * ku[i], out.get(i, b), tol, label + "constraintRows " + b + "," + i);
        }

        Matrix z = random(arena, rng, rows, blocks);
        g = random(arena, rng, dim, blocks);
        g0 = g.toArray();
        op.constraintTranspose(-0.3, z, null, 1.0, g);
        for (int b = 0; b < blocks; b++) {
            double[] kz = transposeTimes(k[b % cCount], z.column(b).toArray());
            for (int l = 0; l < dim; l++)
                assertClose(-0.3 * kz[l] + g0[b * dim + l], g.get(l, b), tol, label + "constraintTranspose " + b);
        }
        Matrix zWeights = random(arena, rng, rows, blocks);
        g = random(arena, rng, dim, blocks);
        g0 = g.toArray();
        op.constraintTranspose(0.6, z, zWeights, -1.0, g);
        for (int b = 0; b < blocks; b++) {
            double[] wz = new double[rows];
            for (int i = 0; i < rows; i++) wz[i] = zWeights.get(i, b) * z.get(i, b);
            double[] kz = transposeTimes(k[b % cCount], wz);
            for (int l = 0; l < dim; l++)
                assertClose(0.6 * kz[l] - g0[b * dim + l], g.get(l, b), tol, label + "weighted constraintTranspose " + b);
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
                    assertClose(e, grams.get(packed, b), tol, label + "gramBlocks " + b + " (" + row + "," + col + ")");
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
                assertClose(s0[row + col * n] + ref[row][col], s.get(row, col), tol, label + "accumulateSchur " + row + "," + col);

        Matrix h = Matrix.allocate(arena, dim, blocks);
        op.generatingDirections(h);
        for (int b = 0; b < blocks; b++) {
            double[][] kk = k[b % cCount];
            double[] kh = times(kk, h.column(b).toArray());
            for (int i = 0; i < rows; i++) {
                boolean zeroRow = true;
                for (double v : kk[i]) zeroRow &= v == 0;
                if (!zeroRow) assertTrue(kh[i] > 0, label + "generating direction of block " + b + " not strictly inside on row " + i);
            }
        }
    }

    private static void assertClose(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(1.0, Math.abs(expected)), what);
    }
}
