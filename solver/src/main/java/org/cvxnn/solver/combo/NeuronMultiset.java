package org.cvxnn.solver.combo;

import java.util.Arrays;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * The geometry of one multiset of m1 first-layer neurons (pattern, sign) in {@code R^{m1·d}}: the
 * product cone {@code Π_j K_{a_j}} as unit rows {@code σ x̂_i} in block j (σ = +1 on the pattern's
 * active rows, −1 elsewhere, x̂_i the unit nonzero rows of X), the second-layer hyperplanes of the
 * mixed rows (unit normals {@code (s_j 1[i ∈ S_j] x̂_i)_j}), and the pattern gates stacked as a
 * strictly interior start. One instance is reused for every multiset.
 */
final class NeuronMultiset {
    private final PatternSet cells;
    private final int m1;
    private final int d;
    private final int[] nonzero;
    private final double[] unit;
    private final int[] pattern;
    private final int[] signs;
    private final double[] coneRows;
    private final double[] planes;
    private final double[] start;
    private int planeCount;

    NeuronMultiset(Dataset data, PatternSet cells, int m1) {
        this.cells = cells;
        this.m1 = m1;
        this.d = data.d();
        int n = data.n();
        int[] rows = new int[n];
        double[] u = new double[n * d];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double len = 0;
            for (int l = 0; l < d; l++) len += data.get(i, l) * data.get(i, l);
            len = Math.sqrt(len);
            if (len == 0) continue;
            for (int l = 0; l < d; l++) u[m * d + l] = data.get(i, l) / len;
            rows[m++] = i;
        }
        this.nonzero = Arrays.copyOf(rows, m);
        this.unit = Arrays.copyOf(u, m * d);
        this.pattern = new int[m1];
        this.signs = new int[m1];
        this.coneRows = new double[m1 * m * m1 * d];
        this.planes = new double[m * m1 * d];
        this.start = new double[m1 * d];
    }

    /**
     * Sets up the multiset {@code neurons}: index k is pattern {@code k mod P} with sign + for
     * {@code k < P} and − otherwise.
     */
    void select(int[] neurons) {
        int p = cells.size(), m = nonzero.length, dim = m1 * d;
        for (int j = 0; j < m1; j++) {
            pattern[j] = neurons[j] % p;
            signs[j] = neurons[j] < p ? 1 : -1;
            System.arraycopy(cells.gate(pattern[j]), 0, start, j * d, d);
        }
        Arrays.fill(coneRows, 0.0);
        for (int j = 0; j < m1; j++) {
            for (int t = 0; t < m; t++) {
                double sigma = cells.active(pattern[j], nonzero[t]) ? 1 : -1;
                int row = (j * m + t) * dim + j * d;
                for (int l = 0; l < d; l++) coneRows[row + l] = sigma * unit[t * d + l];
            }
        }
        planeCount = 0;
        for (int t = 0; t < m; t++) {
            boolean pos = false, neg = false;
            int active = 0;
            for (int j = 0; j < m1; j++) {
                if (!cells.active(pattern[j], nonzero[t])) continue;
                active++;
                if (signs[j] > 0) pos = true;
                else neg = true;
            }
            if (!(pos && neg)) continue;
            double scale = 1 / Math.sqrt(active);
            int row = planeCount * dim;
            Arrays.fill(planes, row, row + dim, 0.0);
            for (int j = 0; j < m1; j++) {
                if (!cells.active(pattern[j], nonzero[t])) continue;
                for (int l = 0; l < d; l++) planes[row + j * d + l] = signs[j] * scale * unit[t * d + l];
            }
            planeCount++;
        }
    }

    double[] coneRows() { return coneRows; }

    int coneRowCount() { return m1 * nonzero.length; }

    double[] planes() { return planes; }

    int planeCount() { return planeCount; }

    /** The stacked gates of the selected patterns, strictly inside the product cone. */
    double[] start() { return start; }

    /** Sign ±1 of neuron j of the selected multiset. */
    int sign(int j) { return signs[j]; }
}
