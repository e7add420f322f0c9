package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseOpsTest {

    /** Row counts around the row block (256) and a prime. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 255, 256, 257, 601})
    void productsMatchTheNaiveLoops(int rows) {
        SplittableRandom random = new SplittableRandom(rows);
        int d = 5, m = 3, offset = 2;
        double[] x = gaussian(rows * d, random), w = gaussian(offset + d * m, random), delta = gaussian(rows * m, random);
        double[] z = new double[rows * m];
        DenseOps.multiply(x, rows, d, w, offset, m, z);
        double[] g = new double[offset + d * m];
        g[0] = 42;
        DenseOps.multiplyTransposed(x, rows, d, delta, m, g, offset);
        assertEquals(42, g[0], "entries before the offset are untouched");
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += x[i + k * rows] * w[offset + k + j * d];
                assertEquals(s, z[i + j * rows], 1e-12 * (1 + Math.abs(s)));
            }
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int i = 0; i < rows; i++) s += x[i + k * rows] * delta[i + j * rows];
                assertEquals(s, g[offset + k + j * d], 1e-11 * rows);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 13})
    void dotHandlesEveryTailLength(int len) {
        double[] a = gaussian(len + 1, new SplittableRandom(len)), b = gaussian(len + 2, new SplittableRandom(len + 50));
        double s = 0;
        for (int i = 0; i < len; i++) s += a[1 + i] * b[2 + i];
        assertEquals(s, DenseOps.dot(a, 1, b, 2, len), 1e-14);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void powerIterationFindsTheLargestGramEigenvalue(long seed) {
        // Two features: the top eigenvalue of [[a, b], [b, c]] in closed form.
        double[] x = gaussian(40, new SplittableRandom(seed));
        Dataset data = new Dataset(20, 2, x, new double[20]);
        double a = DenseOps.dot(x, 0, x, 0, 20), b = DenseOps.dot(x, 0, x, 20, 20), c = DenseOps.dot(x, 20, x, 20, 20);
        double top = 0.5 * (a + c) + Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
        assertEquals(top, DenseOps.largestGramEigenvalue(data), 1e-8 * top);
    }

    private static double[] gaussian(int size, SplittableRandom random) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = random.nextGaussian();
        return v;
    }
}
