package org.cvxnn.solver.network;

import org.cvxnn.solver.data.Dataset;

/**
 * A two-layer scalar-output ReLU network {@code f(X) = sum_j (X u_j)_+ alpha_j} (formulations (1.1)).
 *
 * @param d     input dimension (including the bias column when the data carry one)
 * @param m     number of hidden neurons (may be 0: the zero network)
 * @param w1    first-layer weights, column-major d×m: neuron {@code j} is {@code w1[j*d .. j*d+d)}
 * @param alpha output weights, length m
 */
public record TwoLayerNetwork(int d, int m, double[] w1, double[] alpha) implements Network {

    public TwoLayerNetwork {
        checkShape(d, m, w1, alpha);
    }

    static void checkShape(int d, int m, double[] w1, double[] alpha) {
        if (d < 1) throw new IllegalArgumentException("input dimension must be >= 1, got " + d);
        if (m < 0) throw new IllegalArgumentException("width must be >= 0, got " + m);
        if (w1.length != (long) d * m)
            throw new IllegalArgumentException("w1 has " + w1.length + " values, expected d*m = " + d + "*" + m);
        if (alpha.length != m)
            throw new IllegalArgumentException("alpha has " + alpha.length + " values, expected m = " + m);
        for (double v : w1) if (!Double.isFinite(v)) throw new IllegalArgumentException("first-layer weight is " + v);
        for (double v : alpha) if (!Double.isFinite(v)) throw new IllegalArgumentException("output weight is " + v);
    }

    /** Predictions {@code f(X)} for every sample of {@code data} (whose width must be {@code d}). */
    @Override
    public double[] predict(Dataset data) {
        requireWidth(data, d);
        int n = data.n();
        double[] x = data.x();
        double[] out = new double[n];
        for (int j = 0; j < m; j++) {
            double a = alpha[j];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int k = 0; k < d; k++) z += x[i + k * n] * w1[j * d + k];
                if (z > 0) out[i] += z * a;
            }
        }
        return out;
    }

    /**
     * The non-convex training objective (1.1): {@code ½‖f(X) − y‖² + (β/2) Σ_j (‖u_j‖² + α_j²)}.
     */
    @Override
    public double objective(Dataset data, double beta) {
        return halfSquaredError(data) + 0.5 * beta * (sumSquares(w1) + sumSquares(alpha));
    }

    static double sumSquares(double[] v) {
        double s = 0;
        for (double a : v) s += a * a;
        return s;
    }

    static void requireWidth(Dataset data, int d) {
        if (data.d() != d)
            throw new IllegalArgumentException("the network expects " + d + " input features, the data have " + data.d());
    }
}
