package org.cvxnn.solver.arrangement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.lp.MarginLp;

/** Data generators and independent checks for the arrangement tests. */
final class Arrangements {
    private Arrangements() {}

    /** n samples of rank r embedded in d ≥ r dimensions: X = A P with Gaussian A (n×r) and P (r×d). */
    static Dataset lowRank(int n, int r, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[n][r];
        for (double[] row : a) for (int l = 0; l < r; l++) row[l] = rnd.nextGaussian();
        double[][] p = new double[r][d];
        for (double[] row : p) for (int j = 0; j < d; j++) row[j] = rnd.nextGaussian();
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                for (int l = 0; l < r; l++) rows[i][j] += a[i][l] * p[l][j];
        return Dataset.ofRows(rows, new double[n]);
    }

    static Dataset of(double[][] rows) {
        return Dataset.ofRows(rows, new double[rows.length]);
    }

    static Set<BitSet> patterns(PatternSet set) {
        Set<BitSet> out = new LinkedHashSet<>();
        for (int i = 0; i < set.size(); i++) out.add(BitSet.valueOf(set.patternWords(i)));
        return out;
    }

    /** Every gate generates its pattern; with {@code strict}, no nonzero row is tied ({@code x_iᵀg ≠ 0}). */
    static void assertGatesGenerate(Dataset data, PatternSet set, boolean strict) {
        assertEquals(data.d(), set.gateDim());
        assertEquals(data.n(), set.n());
        for (int p = 0; p < set.size(); p++) {
            double[] g = set.gate(p);
            for (int i = 0; i < data.n(); i++) {
                double v = 0, rowNorm = 0;
                for (int j = 0; j < data.d(); j++) {
                    v += data.get(i, j) * g[j];
                    rowNorm += data.get(i, j) * data.get(i, j);
                }
                assertEquals(v >= 0, set.active(p, i), "pattern " + p + ", row " + i + ": x_i·g = " + v);
                if (strict && rowNorm > 0)
                    assertTrue(Math.abs(v) > 1e-12 * Math.sqrt(rowNorm), "pattern " + p + ", row " + i + " is tied: " + v);
            }
        }
    }

    /**
     * Brute force for tiny n: every sign vector of the nonzero rows is tried, and kept iff the
     * max-margin LP finds a strictly feasible gate (margin > 1e-9 on unit rows); zero rows are
     * active; the zero feature is dropped.
     */
    static Set<BitSet> bruteForce(Dataset data) {
        int n = data.n(), d = data.d();
        int[] rows = new int[n];
        double[] scale = new double[n];
        int m = 0;
        BitSet zeroRows = new BitSet();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) scale[i] += data.get(i, j) * data.get(i, j);
            scale[i] = Math.sqrt(scale[i]);
            if (scale[i] > 0) rows[m++] = i;
            else zeroRows.set(i);
        }
        assertTrue(m <= 16, "brute force is for tiny data");
        Set<BitSet> out = new LinkedHashSet<>();
        double[] a = new double[m * d];
        for (int signs = 1; signs < 1 << m; signs++) { // signs = 0 is the zero feature
            for (int t = 0; t < m; t++) {
                double s = (signs >>> t & 1) != 0 ? 1 : -1;
                for (int j = 0; j < d; j++) a[t + j * m] = s * data.get(rows[t], j) / scale[rows[t]];
            }
            double[] h = MarginLp.maxMarginDirection(a, m, d);
            double margin = Double.POSITIVE_INFINITY;
            for (int t = 0; t < m; t++) {
                double v = 0;
                for (int j = 0; j < d; j++) v += a[t + j * m] * h[j];
                margin = Math.min(margin, v);
            }
            if (margin > 1e-9) {
                BitSet b = (BitSet) zeroRows.clone();
                for (int t = 0; t < m; t++) if ((signs >>> t & 1) != 0) b.set(rows[t]);
                out.add(b);
            }
        }
        return out;
    }

    /** Whether some g has X g < 0 on every nonzero row (the all-zero cell exists), decided by an LP. */
    static boolean allNegativeCellExists(Dataset data) {
        int n = data.n(), d = data.d();
        double[] minus = new double[n * d];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) scale[i] += data.get(i, j) * data.get(i, j);
            scale[i] = Math.sqrt(scale[i]);
        }
        int rows = 0;
        for (int i = 0; i < n; i++) if (scale[i] > 0) rows++;
        double[] a = new double[rows * d];
        for (int i = 0, t = 0; i < n; i++) {
            if (scale[i] == 0) continue;
            for (int j = 0; j < d; j++) a[t + j * rows] = -data.get(i, j) / scale[i];
            t++;
        }
        double[] h = MarginLp.maxMarginDirection(a, rows, d);
        double margin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < rows; t++) {
            double v = 0;
            for (int j = 0; j < d; j++) v += a[t + j * rows] * h[j];
            margin = Math.min(margin, v);
        }
        return margin > 1e-9;
    }
}
