package org.cvxnn.solver.lp;

/**
 * A dense linear program in bounded standard form:
 * minimise {@code cᵀx} subject to {@code A x = b} and {@code lower ≤ x ≤ upper}.
 *
 * <p>Bounds may be infinite ({@code lower[j] = -∞} and/or {@code upper[j] = +∞}); a variable with
 * both infinite is free. The arrays are referenced, not copied: do not modify them while a solve
 * runs.
 *
 * @param rows  number of equality constraints m, at least 1
 * @param cols  number of variables, at least 1
 * @param a     constraint matrix, column-major: {@code a[i + j*rows]} is row i of column j
 * @param b     right-hand side, length {@code rows}
 * @param c     objective, length {@code cols}
 * @param lower lower bounds, length {@code cols}, {@code < +∞}
 * @param upper upper bounds, length {@code cols}, {@code > -∞} and {@code ≥ lower}
 */
public record StandardFormLp(int rows, int cols, double[] a, double[] b, double[] c,
                             double[] lower, double[] upper) {

    public StandardFormLp {
        if (rows < 1) throw new IllegalArgumentException("an LP needs at least one constraint row, got " + rows);
        if (cols < 1) throw new IllegalArgumentException("an LP needs at least one variable, got " + cols);
        if (a.length != (long) rows * cols)
            throw new IllegalArgumentException("a has " + a.length + " values, expected rows*cols = " + rows + "*" + cols);
        length("b", b, rows);
        length("c", c, cols);
        length("lower", lower, cols);
        length("upper", upper, cols);
        finite("a", a);
        finite("b", b);
        finite("c", c);
        for (int j = 0; j < cols; j++) {
            if (Double.isNaN(lower[j]) || Double.isNaN(upper[j]) || lower[j] == Double.POSITIVE_INFINITY
                    || upper[j] == Double.NEGATIVE_INFINITY || lower[j] > upper[j])
                throw new IllegalArgumentException("variable " + j + " has invalid bounds [" + lower[j] + ", " + upper[j] + "]");
        }
    }

    private static void length(String name, double[] v, int expected) {
        if (v.length != expected)
            throw new IllegalArgumentException(name + " has " + v.length + " values, expected " + expected);
    }

    private static void finite(String name, double[] v) {
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) throw new IllegalArgumentException(name + "[" + k + "] is " + v[k] + "; must be finite");
        }
    }
}
