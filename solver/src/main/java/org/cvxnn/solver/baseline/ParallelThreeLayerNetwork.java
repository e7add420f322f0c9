package org.cvxnn.solver.baseline;

import org.cvxnn.solver.data.Dataset;

/**
 * A parallel three-layer ReLU network (formulations §3.1):
 * {@code f(X) = Σ_k ((X W1k)₊ w2k)₊ w3k} with {@code K} sub-networks of {@code m1} first-layer
 * neurons, one second-layer neuron and a scalar output weight each.
 *
 * <p>Layout: {@code W1k} (d×m1, column-major) occupies {@code w1[k·d·m1 .. (k+1)·d·m1)}, so neuron
 * {@code j} of sub-network {@code k} is {@code w1[(k·m1+j)·d .. (k·m1+j+1)·d)}; {@code w2k[j]} is
 * {@code w2[k·m1 + j]}; {@code w3k} is {@code w3[k]}. The record does not itself bound
 * {@code ‖W1k‖_F}: the weight-decay objective (3.1) requires {@code ≤ 1}, the path-regularised
 * objective (4.1) does not.
 *
 * @param d           input dimension (including the bias column when the data carry one)
 * @param subnetworks number of sub-networks {@code K}, may be 0 (the zero network)
 * @param width       first-layer neurons per sub-network {@code m1}, at least 1
 * @param w1          first-layer weights, length {@code K·m1·d}
 * @param w2          second-layer weights, length {@code K·m1}
 * @param w3          output weights, length {@code K}
 */
public record ParallelThreeLayerNetwork(int d, int subnetworks, int width, double[] w1, double[] w2, double[] w3) {

    /** How far above 1 a first-layer Frobenius norm may be (rounding) for (3.1) to accept it. */
    public static final double NORM_TOLERANCE = 1e-9;

    public ParallelThreeLayerNetwork {
        if (d < 1) throw new IllegalArgumentException("input dimension must be >= 1, got " + d);
        if (subnetworks < 0) throw new IllegalArgumentException("number of sub-networks must be >= 0, got " + subnetworks);
        if (width < 1) throw new IllegalArgumentException("sub-network width must be >= 1, got " + width);
        if (w1.length != (long) subnetworks * width * d)
            throw new IllegalArgumentException("w1 has " + w1.length + " values, expected K*m1*d = " + subnetworks + "*" + width + "*" + d);
        if (w2.length != (long) subnetworks * width)
            throw new IllegalArgumentException("w2 has " + w2.length + " values, expected K*m1 = " + subnetworks + "*" + width);
        if (w3.length != subnetworks)
            throw new IllegalArgumentException("w3 has " + w3.length + " values, expected K = " + subnetworks);
        for (double v : w1) if (!Double.isFinite(v)) throw new IllegalArgumentException("first-layer weight is " + v);
        for (double v : w2) if (!Double.isFinite(v)) throw new IllegalArgumentException("second-layer weight is " + v);
        for (double v : w3) if (!Double.isFinite(v)) throw new IllegalArgumentException("output weight is " + v);
    }

    /** Predictions {@code f(X)} for every sample of {@code data} (whose width must be {@code d}). */
    public double[] predict(Dataset data) {
        if (data.d() != d)
            throw new IllegalArgumentException("the network expects " + d + " input features, the data have " + data.d());
        int n = data.n();
        double[] x = data.x();
        double[] out = new double[n];
        for (int k = 0; k < subnetworks; k++) {
            for (int i = 0; i < n; i++) {
                double z2 = 0;
                for (int j = 0; j < width; j++) {
                    int o = (k * width + j) * d;
                    double z1 = 0;
                    for (int l = 0; l < d; l++) z1 += x[i + l * n] * w1[o + l];
                    if (z1 > 0) z2 += z1 * w2[k * width + j];
                }
                if (z2 > 0) out[i] += z2 * w3[k];
            }
        }
        return out;
    }

    /** {@code ‖W1k‖_F}. */
    public double firstLayerNorm(int k) {
        checkIndex(k);
        double s = 0;
        for (int i = k * width * d; i < (k + 1) * width * d; i++) s += w1[i] * w1[i];
        return Math.sqrt(s);
    }

    /** The path norm of sub-network {@code k} (4.1): {@code |w3k|·sqrt(Σ_j ‖w1kj‖² w2kj²)}. */
    public double pathNorm(int k) {
        checkIndex(k);
        double s = 0;
        for (int j = 0; j < width; j++) {
            int o = (k * width + j) * d;
            double norm2 = 0;
            for (int l = 0; l < d; l++) norm2 += w1[o + l] * w1[o + l];
            double a = w2[k * width + j];
            s += norm2 * a * a;
        }
        return Math.abs(w3[k]) * Math.sqrt(s);
    }

    /**
     * The weight-decay objective (3.1): {@code ½‖f(X) − y‖² + (β/2) Σ_k (‖w2k‖² + w3k²)}.
     *
     * @throws IllegalStateException if some {@code ‖W1k‖_F} exceeds 1 (beyond {@link #NORM_TOLERANCE}),
     *                               i.e. the network is infeasible for (3.1)
     */
    public double objective(Dataset data, double beta) {
        for (int k = 0; k < subnetworks; k++) {
            double norm = firstLayerNorm(k);
            if (norm > 1 + NORM_TOLERANCE)
                throw new IllegalStateException("sub-network " + k + " has ‖W1k‖_F = " + norm
                        + " > 1, infeasible for (3.1); use pathObjective or rescale the first layer");
        }
        double penalty = 0;
        for (double v : w2) penalty += v * v;
        for (double v : w3) penalty += v * v;
        return squaredLoss(data) + 0.5 * beta * penalty;
    }

    /** The path-regularised objective (4.1): {@code ½‖f(X) − y‖² + β Σ_k pathNorm(k)}. */
    public double pathObjective(Dataset data, double beta) {
        double penalty = 0;
        for (int k = 0; k < subnetworks; k++) penalty += pathNorm(k);
        return squaredLoss(data) + beta * penalty;
    }

    private double squaredLoss(Dataset data) {
        double[] f = predict(data);
        double s = 0;
        for (int i = 0; i < data.n(); i++) {
            double r = f[i] - data.y()[i];
            s += r * r;
        }
        return 0.5 * s;
    }

    private void checkIndex(int k) {
        if (k < 0 || k >= subnetworks)
            throw new IndexOutOfBoundsException("sub-network " + k + " does not exist; K = " + subnetworks);
    }
}
