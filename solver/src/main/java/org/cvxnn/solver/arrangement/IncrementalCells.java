package org.cvxnn.solver.arrangement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxnn.solver.lp.MarginLp;

/**
 * Cells of a central arrangement by inserting the hyperplanes one by one (formulations §6.2, the
 * robust method). Every cell keeps its sign vector over the rows inserted so far and an interior
 * witness; a new row splits a cell iff the max-margin LP over the cell's constraints plus the new
 * row with the sign opposite to the witness's finds a margin above {@code tol}. A witness on the
 * new hyperplane is replaced by the LP solutions of both sides. O(m·P) LPs of at most
 * {@code m × k}; slower than {@link ExtremeRays} but independent of it, and needs no
 * general-position assumption at all.
 */
final class IncrementalCells {
    private final double[] rows;
    private final int k;
    private final double tol;
    private final List<long[]> signs = new ArrayList<>();
    private final List<double[]> witnesses = new ArrayList<>();

    private IncrementalCells(double[] rows, int k, double tol) {
        this.rows = rows;
        this.k = k;
        this.tol = tol;
    }

    /** See {@link CentralArrangement#cells}. */
    static List<double[]> cells(double[] rows, int m, int k, double tol) {
        IncrementalCells c = new IncrementalCells(rows, k, tol);
        int wpp = PatternSet.wordsFor(m);
        double[] a0 = Arrays.copyOf(rows, k);
        double[] minusA0 = new double[k];
        for (int l = 0; l < k; l++) minusA0[l] = -a0[l];
        long[] positive = new long[wpp];
        positive[0] = 1L;
        c.signs.add(positive);
        c.witnesses.add(a0);
        c.signs.add(new long[wpp]);
        c.witnesses.add(minusA0);
        for (int i = 1; i < m; i++) c.insert(i);
        return c.witnesses;
    }

    private void insert(int i) {
        int count = signs.size();
        for (int cell = 0; cell < count; cell++) {
            long[] s = signs.get(cell);
            double v = dot(i, witnesses.get(cell));
            if (v > tol) {
                set(s, i);
                double[] h = probe(s, i, -1);
                if (h != null) add(s, i, false, h);
            } else if (v < -tol) {
                double[] h = probe(s, i, 1);
                if (h != null) add(s, i, true, h);
            } else {
                double[] plus = probe(s, i, 1);
                double[] minus = probe(s, i, -1);
                if (plus != null || minus == null) set(s, i); // neither side: keep the witness, count it as '+'
                if (plus != null) witnesses.set(cell, plus);
                if (plus != null && minus != null) add(s, i, false, minus);
                else if (minus != null) witnesses.set(cell, minus);
            }
        }
    }

    /**
     * The max-margin point of the cell with signs {@code s} on rows {@code < i} and sign
     * {@code side} on row i, or null if its margin is not above {@code tol}.
     */
    private double[] probe(long[] s, int i, int side) {
        int n = i + 1;
        double[] a = new double[n * k];
        for (int j = 0; j <= i; j++) {
            double sign = j == i ? side : isSet(s, j) ? 1 : -1;
            for (int l = 0; l < k; l++) a[j + l * n] = sign * rows[j * k + l];
        }
        double[] h = MarginLp.maxMarginDirection(a, n, k);
        return MarginLp.margin(a, n, k, h) > tol ? h : null;
    }

    private void add(long[] s, int i, boolean positive, double[] h) {
        long[] copy = s.clone();
        if (positive) set(copy, i);
        else copy[i >>> 6] &= ~(1L << (i & 63));
        signs.add(copy);
        witnesses.add(h);
    }

    private double dot(int i, double[] h) {
        double t = 0;
        for (int l = 0; l < k; l++) t += rows[i * k + l] * h[l];
        return t;
    }

    private static void set(long[] s, int i) {
        s[i >>> 6] |= 1L << (i & 63);
    }

    private static boolean isSet(long[] s, int i) {
        return (s[i >>> 6] >>> (i & 63) & 1L) != 0;
    }
}
