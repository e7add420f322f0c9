package org.cvxnn.solver.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * Objective (1.1), {@code ½‖(XW)₊α − y‖² + (β/2)(‖W‖²_F + ‖α‖²)}, over the parameters
 * {@code [W (d×m column-major) | α (m)]} — the layout of {@link TwoLayerNetwork}.
 */
final class TwoLayerObjective implements SmoothObjective<TwoLayerNetwork> {
    private final Dataset data;
    private final int d;
    private final int m;
    private final double beta;
    /** Pre-activations {@code XW} of a batch (rows×m), overwritten by the backpropagated {@code δ}. */
    private final double[] z;
    private final double[] residual;
    private final Batch chunk;

    TwoLayerObjective(Dataset data, int width, double beta, int batchCapacity) {
        this.data = data;
        this.d = data.d();
        this.m = width;
        this.beta = beta;
        this.z = new double[batchCapacity * width];
        this.residual = new double[batchCapacity];
        this.chunk = new Batch(data, batchCapacity);
    }

    /** He initialisation: {@code W_kj ~ N(0, 2/d)}; output weights {@code α_j ~ N(0, 1/m)}. */
    static double[] initialParameters(int d, int m, SplittableRandom random) {
        double[] p = new double[d * m + m];
        double sw = Math.sqrt(2.0 / d), sa = Math.sqrt(1.0 / m);
        for (int i = 0; i < d * m; i++) p[i] = sw * random.nextGaussian();
        for (int j = 0; j < m; j++) p[d * m + j] = sa * random.nextGaussian();
        return p;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public int batchCapacity() {
        return chunk.capacity();
    }

    @Override
    public int dimension() {
        return d * m + m;
    }

    @Override
    public double valueAndGradient(double[] params, Batch batch, double[] grad) {
        int rows = batch.rows();
        double scale = (double) batch.samples() / rows;
        double loss = forward(params, batch);
        int alphaOffset = d * m;
        for (int j = 0; j < m; j++) {
            int c = j * rows;
            double a = params[alphaOffset + j];
            double ga = 0, sa = scale * a;
            for (int i = 0; i < rows; i++) {
                double zi = z[c + i];
                double ri = residual[i];
                ga += Math.max(zi, 0.0) * ri;
                z[c + i] = zi > 0 ? sa * ri : 0.0;
            }
            grad[alphaOffset + j] = scale * ga + beta * a;
        }
        DenseOps.multiplyTransposed(batch.x(), rows, d, z, m, grad, 0);
        for (int i = 0; i < alphaOffset; i++) grad[i] += beta * params[i];
        return scale * loss + penalty(params);
    }

    @Override
    public double objective(double[] params) {
        int n = data.n(), capacity = chunk.capacity();
        double loss = 0;
        for (int from = 0; from < n; from += capacity) {
            chunk.selectRange(from, Math.min(n, from + capacity));
            loss += forward(params, chunk);
        }
        return loss + penalty(params);
    }

    @Override
    public TwoLayerNetwork network(double[] params) {
        return new TwoLayerNetwork(d, m, Arrays.copyOf(params, d * m), Arrays.copyOfRange(params, d * m, d * m + m));
    }

    @Override
    public double reportedObjective(TwoLayerNetwork network) {
        return network.objective(data, beta);
    }

    /** Fills {@link #z} and {@link #residual} for the batch; returns {@code ½‖f − y‖²} over it. */
    private double forward(double[] params, Batch batch) {
        int rows = batch.rows();
        DenseOps.multiply(batch.x(), rows, d, params, 0, m, z);
        double[] y = batch.y();
        for (int i = 0; i < rows; i++) residual[i] = -y[i];
        for (int j = 0; j < m; j++) {
            int c = j * rows;
            double a = params[d * m + j];
            for (int i = 0; i < rows; i++) residual[i] += Math.max(z[c + i], 0.0) * a;
        }
        return 0.5 * DenseOps.sumOfSquares(residual, 0, rows);
    }

    private double penalty(double[] params) {
        return 0.5 * beta * DenseOps.sumOfSquares(params, 0, params.length);
    }
}
