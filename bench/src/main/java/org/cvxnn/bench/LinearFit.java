package org.cvxnn.bench;

/**
 * Ordinary least-squares line {@code y ≈ slope·x + intercept} with its coefficient of
 * determination {@code R² = 1 − SS_res / SS_tot}.
 *
 * @param slope     fitted slope
 * @param intercept fitted intercept
 * @param r2        R²; NaN when all y are equal (SS_tot = 0), where R² is undefined
 * @param points    number of points fitted
 */
public record LinearFit(double slope, double intercept, double r2, int points) {

    /**
     * Fits the points {@code (x[i], y[i])}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, a value is not finite, or
     *     fewer than two distinct x values are given (the slope is then undefined)
     */
    public static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        int m = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]))
                throw new IllegalArgumentException("point " + i + " is (" + x[i] + ", " + y[i] + "); values must be finite");
            mx += x[i];
            my += y[i];
        }
        mx /= Math.max(1, m);
        my /= Math.max(1, m);
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("a line needs at least two distinct x values, got " + m + " point(s)");
        double slope = sxy / sxx, intercept = my - slope * mx;
        double ssRes = 0;
        for (int i = 0; i < m; i++) {
            double r = y[i] - (slope * x[i] + intercept);
            ssRes += r * r;
        }
        return new LinearFit(slope, intercept, syy > 0 ? 1 - ssRes / syy : Double.NaN, m);
    }
}
