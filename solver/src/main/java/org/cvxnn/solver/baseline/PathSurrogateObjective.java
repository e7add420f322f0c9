package org.cvxnn.solver.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;

/**
 * The path-regularised problem (4.1), trained through its smooth surrogate (§4.2's hint)
 * {@code ½‖f − y‖² + (β/2) Σ_k (w3k² + Σ_j ‖w1kj‖² w2kj²)} over unconstrained parameters
 * {@code [W1 | w2 | w3]} in the {@link ParallelShape} layout.
 *
 * <p>By AM–GM the surrogate is at least the true objective
 * {@code ½‖f − y‖² + β Σ_k |w3k| sqrt(Σ_j ‖w1kj‖² w2kj²)}, with equality after the rescaling
 * {@code w3 → t·w3, w2 → w2/t} that leaves {@code f} unchanged, so both have the same minimum.
 * {@link #objective} and the reported value are the true path-norm objective.
 */
final class PathSurrogateObjective implements SmoothObjective<ParallelThreeLayerNetwork> {
    private final Dataset data;
    private final ParallelShape shape;
    private final double beta;
    private final ParallelBackprop backprop;

    PathSurrogateObjective(Dataset data, ParallelShape shape, double beta, int batchCapacity) {
        this.data = data;
        this.shape = shape;
        this.beta = beta;
        this.backprop = new ParallelBackprop(data, shape, batchCapacity);
    }

    /** He initialisation {@code W1 ~ N(0, 2/d)}, {@code w2 ~ N(0, 2/m1)}; {@code w3 ~ N(0, 1/K)}. */
    static double[] initialParameters(ParallelShape shape, SplittableRandom random) {
        double[] p = new double[shape.dimension()];
        double s1 = Math.sqrt(2.0 / shape.d()), s2 = Math.sqrt(2.0 / shape.width()), s3 = Math.sqrt(1.0 / shape.subnetworks());
        for (int i = 0; i < shape.w2Offset(); i++) p[i] = s1 * random.nextGaussian();
        for (int i = shape.w2Offset(); i < shape.w3Offset(); i++) p[i] = s2 * random.nextGaussian();
        for (int i = shape.w3Offset(); i < shape.dimension(); i++) p[i] = s3 * random.nextGaussian();
        return p;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public int batchCapacity() {
        return backprop.batchCapacity();
    }

    @Override
    public int dimension() {
        return shape.dimension();
    }

    @Override
    public double valueAndGradient(double[] params, Batch batch, double[] grad) {
        double scale = (double) batch.samples() / batch.rows();
        double loss = backprop.lossAndGradient(params, batch, scale, grad);
        int d = shape.d(), m1 = shape.width(), w2Offset = shape.w2Offset(), w3Offset = shape.w3Offset();
        double surrogate = 0;
        for (int k = 0; k < shape.subnetworks(); k++) {
            double w3 = params[w3Offset + k];
            surrogate += w3 * w3;
            grad[w3Offset + k] += beta * w3;
            for (int j = 0; j < m1; j++) {
                int o = (k * m1 + j) * d, q = w2Offset + k * m1 + j;
                double norm2 = DenseOps.sumOfSquares(params, o, o + d), w2 = params[q];
                surrogate += norm2 * w2 * w2;
                grad[q] += beta * norm2 * w2;
                double factor = beta * w2 * w2;
                for (int i = o; i < o + d; i++) grad[i] += factor * params[i];
            }
        }
        return scale * loss + 0.5 * beta * surrogate;
    }

    @Override
    public double objective(double[] params) {
        int d = shape.d(), m1 = shape.width(), w2Offset = shape.w2Offset(), w3Offset = shape.w3Offset();
        double penalty = 0;
        for (int k = 0; k < shape.subnetworks(); k++) {
            double paths = 0;
            for (int j = 0; j < m1; j++) {
                int o = (k * m1 + j) * d;
                double w2 = params[w2Offset + k * m1 + j];
                paths += DenseOps.sumOfSquares(params, o, o + d) * w2 * w2;
            }
            penalty += Math.abs(params[w3Offset + k]) * Math.sqrt(paths);
        }
        return backprop.loss(params) + beta * penalty;
    }

    @Override
    public ParallelThreeLayerNetwork network(double[] params) {
        return new ParallelThreeLayerNetwork(shape.d(), shape.subnetworks(), shape.width(),
                Arrays.copyOf(params, shape.w2Offset()),
                Arrays.copyOfRange(params, shape.w2Offset(), shape.w3Offset()),
                Arrays.copyOfRange(params, shape.w3Offset(), shape.dimension()));
    }

    @Override
    public double reportedObjective(ParallelThreeLayerNetwork network) {
        return network.pathObjective(data, beta);
    }
}
