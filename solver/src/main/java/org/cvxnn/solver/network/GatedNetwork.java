package org.cvxnn.solver.network;

import org.cvxnn.solver.data.Dataset;

/**
 * A two-layer gated-ReLU network {@code f(X) = Σ_j 1[X g_j ≥ 0] ∘ (X u_j) α_j} (formulations §1.7):
 * each neuron's activation pattern comes from a fixed gate {@code g_j} instead of its own weights.
 *
 * @param d     input dimension (including the bias column when the data carry one)
 * @param m     number of neurons
 * @param gates gates, column-major d×m
 * @param w1    first-layer weights, column-major d×m
 * @param alpha output weights, length m
 */
public record GatedNetwork(int d, int m, double[] gates, double[] w1, double[] alpha) implements Network {

    public GatedNetwork {
        TwoLayerNetwork.checkShape(d, m, w1, alpha);
        if (gates.length != (long) d * m)
            throw new IllegalArgumentException("gates has " + gates.length + " values, expected d*m = " + d + "*" + m);
        for (double v : gates) if (!Double.isFinite(v)) throw new IllegalArgumentException("gate coordinate is " + v);
    }

    @Override
    public double[] predict(Dataset data) {
        TwoLayerNetwork.requireWidth(data, d);
        int n = data.n();
        double[] x = data.x();
        double[] out = new double[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                double gate = 0, z = 0;
                for (int k = 0; k < d; k++) {
                    gate += x[i + k * n] * gates[j * d + k];
                    z += x[i + k * n] * w1[j * d + k];
                }
                if (gate >= 0) out[i] += z * alpha[j];
            }
        }
        return out;
    }

    /** {@code ½‖f(X) − y‖² + (β/2) Σ_j (‖u_j‖² + α_j²)}. */
    @Override
    public double objective(Dataset data, double beta) {
        return halfSquaredError(data) + 0.5 * beta * (TwoLayerNetwork.sumSquares(w1) + TwoLayerNetwork.sumSquares(alpha));
    }
}
