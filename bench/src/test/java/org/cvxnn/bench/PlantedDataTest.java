package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PlantedDataTest {

    @Test
    void isDeterministicInTheSeed() {
        PlantedData a = PlantedData.generate(60, 4, 4, 9), b = PlantedData.generate(60, 4, 4, 9), c = PlantedData.generate(60, 4, 4, 10);
        assertArrayEquals(a.data().x(), b.data().x());
        assertArrayEquals(a.data().y(), b.data().y());
        assertEquals(a.beta(), b.beta());
        assertTrue(a.data().y()[0] != c.data().y()[0]);
    }

    /** The targets are the planted net's outputs plus zero-mean noise of 10 % of the signal's RMS. */
    @Test
    void targetsFollowThePlantedNetwork() {
        PlantedData p = PlantedData.generate(4000, 6, 6, 3);
        Dataset data = p.data();
        double residual = 0, signal = 0, mean = 0;
        for (int i = 0; i < data.n(); i++) {
            double f = 0;
            for (int j = 0; j < PlantedData.HIDDEN; j++) {
                double pre = 0;
                for (int c = 0; c < data.d(); c++) pre += data.get(i, c) * p.planted()[j][c];
                f += p.alpha()[j] * Math.max(0, pre);
            }
            double e = data.y()[i] - f;
            residual += e * e;
            signal += f * f;
            mean += e;
        }
        double ratio = Math.sqrt(residual / signal);
        assertEquals(PlantedData.NOISE, ratio, 0.01, "noise RMS / signal RMS");
        assertEquals(0, mean / data.n(), 4 * PlantedData.NOISE * Math.sqrt(signal / data.n()) / Math.sqrt(data.n()));
        for (double[] w : p.planted()) {
            double len = 0;
            for (double v : w) len += v * v;
            assertEquals(1, len, 1e-12);
        }
    }

    @Test
    void lowRankDataHaveTheRequestedRank() {
        Dataset data = PlantedData.generate(50, 6, 2, 5).data();
        // rank ≤ 2: every 3×3 minor of the first three columns vanishes (up to rounding)
        for (int i = 0; i + 2 < data.n(); i += 3) {
            double det = det3(data, i, 0, 1, 2);
            assertEquals(0, det, 1e-10);
        }
        assertTrue(Math.abs(det2(data, 0, 1, 0, 1)) > 1e-6);
    }

    @Test
    void betaIsPositive() {
        assertTrue(PlantedData.generate(100, 5, 5, 1).beta() > 0);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> PlantedData.generate(1, 3, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> PlantedData.generate(10, 3, 0, 1));
    }

    private static double det2(Dataset x, int r0, int r1, int c0, int c1) {
        return x.get(r0, c0) * x.get(r1, c1) - x.get(r0, c1) * x.get(r1, c0);
    }

    private static double det3(Dataset x, int r, int a, int b, int c) {
        return x.get(r, a) * det2(x, r + 1, r + 2, b, c) - x.get(r, b) * det2(x, r + 1, r + 2, a, c) + x.get(r, c) * det2(x, r + 1, r + 2, a, b);
    }
}
