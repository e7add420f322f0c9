package org.cvxnn.solver.data;

import java.util.Arrays;

/**
 * A regression/classification data set held on the heap: {@code n} samples of {@code d} features,
 * stored column-major ({@code x[i + j*n]} is feature {@code j} of sample {@code i}), and a scalar
 * target per sample.
 *
 * <p>Every value is checked to be finite when the record is built, so code downstream never sees
 * NaN or infinity.
 *
 * @param n number of samples, at least 1
 * @param d number of features, at least 1
 * @param x features, column-major, length {@code n*d}
 * @param y targets, length {@code n}
 */
public record Dataset(int n, int d, double[] x, double[] y) {

    public Dataset {
        if (n < 1) throw new IllegalArgumentException("a data set needs at least one sample, got n = " + n);
        if (d < 1) throw new IllegalArgumentException("a data set needs at least one feature, got d = " + d);
        if (x.length != (long) n * d)
            throw new IllegalArgumentException("x has " + x.length + " values, expected n*d = " + n + "*" + d);
        if (y.length != n)
            throw new IllegalArgumentException("y has " + y.length + " values, expected n = " + n);
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k]))
                throw new IllegalArgumentException("feature " + (k / n) + " of sample " + (k % n) + " is " + x[k] + "; all values must be finite");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i]))
                throw new IllegalArgumentException("target of sample " + i + " is " + y[i] + "; all values must be finite");
        }
    }

    /** Builds a data set from row-major samples {@code rows[i][j]} and targets. */
    public static Dataset ofRows(double[][] rows, double[] y) {
        if (rows.length == 0) throw new IllegalArgumentException("a data set needs at least one sample");
        int n = rows.length, d = rows[0].length;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d)
                throw new IllegalArgumentException("sample " + i + " has " + rows[i].length + " features, sample 0 has " + d);
            for (int j = 0; j < d; j++) x[i + j * n] = rows[i][j];
        }
        return new Dataset(n, d, x, y.clone());
    }

    /** Feature {@code j} of sample {@code i}. */
    public double get(int i, int j) {
        return x[i + j * n];
    }

    /** Sample {@code i} as a new array of length {@code d}. */
    public double[] row(int i) {
        double[] r = new double[d];
        for (int j = 0; j < d; j++) r[j] = x[i + j * n];
        return r;
    }

    /** This data with a trailing column of ones (the bias feature of formulations §0). */
    public Dataset withBias() {
        double[] xb = Arrays.copyOf(x, n * (d + 1));
        Arrays.fill(xb, n * d, n * (d + 1), 1.0);
        return new Dataset(n, d + 1, xb, y);
    }

    /** The samples with the given indices, in that order. */
    public Dataset subset(int[] rows) {
        double[] xs = new double[rows.length * d];
        double[] ys = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            ys[k] = y[rows[k]];
            for (int j = 0; j < d; j++) xs[k + j * rows.length] = x[rows[k] + j * n];
        }
        return new Dataset(rows.length, d, xs, ys);
    }
}
