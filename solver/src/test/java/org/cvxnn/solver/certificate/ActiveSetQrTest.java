package org.cvxnn.solver.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ActiveSetQrTest {

    /** Least squares through the normal equations, an independent reference for tiny, well-posed cases. */
    private static double[] normalEquations(List<double[]> columns, double[] b) {
        int k = columns.size();
        double[][] aug = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) aug[i][j] = Fixtures.dot(columns.get(i), columns.get(j));
            aug[i][k] = Fixtures.dot(columns.get(i), b);
        }
        return Fixtures.solve(aug);
    }

    @Test
    void randomAddsAndRemovesMatchNormalEquations() {
        Random rng = new Random(11);
        for (int dim : new int[] {1, 2, 3, 7, 16}) {
            ActiveSetQr qr = new ActiveSetQr(dim);
            double[] b = new double[dim];
            for (int j = 0; j < dim; j++) b[j] = rng.nextGaussian();
            qr.reset(b);
            List<double[]> columns = new ArrayList<>();
            for (int step = 0; step < 200; step++) {
                boolean add = columns.isEmpty() || (columns.size() < dim && rng.nextDouble() < 0.6);
                if (add) {
                    double[] c = new double[dim];
                    for (int j = 0; j < dim; j++) c[j] = rng.nextGaussian();
                    assertTrue(qr.add(c, 1e-10));
                    columns.add(c);
                } else {
                    int pos = rng.nextInt(columns.size());
                    qr.remove(pos);
                    columns.remove(pos);
                }
                assertEquals(columns.size(), qr.size());
                double[] s = new double[dim];
                qr.solve(s);
                double[] expected = normalEquations(columns, b);
                double[] actual = Arrays.copyOf(s, columns.size());
                assertArrayEquals(expected, actual, 1e-8 * (1 + Fixtures.norm(expected)), "dim " + dim + " step " + step);
            }
        }
    }

    @Test
    void dependentColumnIsRejectedAndLeavesTheFactorisationUnchanged() {
        ActiveSetQr qr = new ActiveSetQr(3);
        qr.reset(new double[] {1, 2, 3});
        assertTrue(qr.add(new double[] {1, 0, 0}, 1e-10));
        assertTrue(qr.add(new double[] {0, 1, 0}, 1e-10));
        assertFalse(qr.add(new double[] {2, -3, 0}, 1e-10));
        assertFalse(qr.add(new double[] {0, 0, 0}, 1e-10));
        assertEquals(2, qr.size());
        double[] s = new double[3];
        qr.solve(s);
        assertEquals(1, s[0], 1e-15);
        assertEquals(2, s[1], 1e-15);
        assertTrue(qr.add(new double[] {1, 1, 1}, 1e-10));
        assertFalse(qr.add(new double[] {5, 1, 2}, 1e-10), "a full factorisation accepts no more columns");
    }
}
