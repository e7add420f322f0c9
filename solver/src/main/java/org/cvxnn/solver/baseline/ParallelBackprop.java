package org.cvxnn.solver.baseline;

import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;

/**
 * Forward and backward pass of the squared loss {@code ½‖Σ_k ((X W1k)₊ w2k)₊ w3k − y‖²} of a parallel
 * three-layer network, for parameters in the {@link ParallelShape} layout. The first layer of all
 * sub-networks is one product {@code X·[W11 … W1K]}; the backward pass overwrites the stored
 * pre-activations with the backpropagated errors, so no other workspace is needed.
 */
final class ParallelBackprop {
    private final ParallelShape shape;
    private final double[] z1;
    private final double[] z2;
    private final double[] residual;
    private final Batch chunk;

    ParallelBackprop(Dataset data, ParallelShape shape, int batchCapacity) {
        this.shape = shape;
        this.z1 = new double[batchCapacity * shape.neurons()];
        this.z2 = new double[batchCapacity * shape.subnetworks()];
        this.residual = new double[batchCapacity];
        this.chunk = new Batch(data, batchCapacity);
    }

    int batchCapacity() {
        return chunk.capacity();
    }

    /** {@code ½‖f − y‖²} over all samples, in batches of the capacity. */
    double loss(double[] params) {
        int n = chunk.samples(), capacity = chunk.capacity();
        double loss = 0;
        for (int from = 0; from < n; from += capacity) {
            chunk.selectRange(from, Math.min(n, from + capacity));
            loss += forward(params, chunk);
        }
        return loss;
    }

    /**
     * Returns {@code ½‖f_B − y_B‖²} over the batch and writes the gradient of {@code scale} times it
     * to {@code grad} (every entry).
     */
    double lossAndGradient(double[] params, Batch batch, double scale, double[] grad) {
        int rows = batch.rows(), K = shape.subnetworks(), m1 = shape.width();
        int w2Offset = shape.w2Offset(), w3Offset = shape.w3Offset();
        double loss = forward(params, batch);
        for (int k = 0; k < K; k++) {
            int c2 = k * rows;
            double w3 = params[w3Offset + k], s3 = scale * w3;
            double g3 = 0;
            for (int i = 0; i < rows; i++) {
                double z = z2[c2 + i];
                g3 += Math.max(z, 0.0) * residual[i];
                z2[c2 + i] = z > 0 ? s3 * residual[i] : 0.0;
            }
            grad[w3Offset + k] = scale * g3;
            for (int j = 0; j < m1; j++) {
                int c1 = (k * m1 + j) * rows;
                double w2 = params[w2Offset + k * m1 + j];
                double g2 = 0;
                for (int i = 0; i < rows; i++) {
                    double z = z1[c1 + i], delta = z2[c2 + i];
                    g2 += Math.max(z, 0.0) * delta;
                    z1[c1 + i] = z > 0 ? delta * w2 : 0.0;
                }
                grad[w2Offset + k * m1 + j] = g2;
            }
        }
        DenseOps.multiplyTransposed(batch.x(), rows, shape.d(), z1, shape.neurons(), grad, 0);
        return loss;
    }

    /** Fills {@link #z1}, {@link #z2}, {@link #residual}; returns {@code ½‖f − y‖²} over the batch. */
    private double forward(double[] params, Batch batch) {
        int rows = batch.rows(), K = shape.subnetworks(), m1 = shape.width();
        int w2Offset = shape.w2Offset(), w3Offset = shape.w3Offset();
        DenseOps.multiply(batch.x(), rows, shape.d(), params, 0, shape.neurons(), z1);
        Arrays.fill(z2, 0, rows * K, 0.0);
        double[] y = batch.y();
        for (int i = 0; i < rows; i++) residual[i] = -y[i];
        for (int k = 0; k < K; k++) {
            int c2 = k * rows;
            for (int j = 0; j < m1; j++) {
                int c1 = (k * m1 + j) * rows;
                double w2 = params[w2Offset + k * m1 + j];
                for (int i = 0; i < rows; i++) z2[c2 + i] += Math.max(z1[c1 + i], 0.0) * w2;
            }
            double w3 = params[w3Offset + k];
            for (int i = 0; i < rows; i++) residual[i] += Math.max(z2[c2 + i], 0.0) * w3;
        }
        return 0.5 * DenseOps.sumOfSquares(residual, 0, rows);
    }
}
