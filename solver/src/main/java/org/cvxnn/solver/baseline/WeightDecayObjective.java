package org.cvxnn.solver.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;

/**
 * Objective (3.1) under the normalised parametrisation {@code W1k = Vk/‖Vk‖_F}: parameters
 * {@code [V | w2 | w3]} in the {@link ParallelShape} layout, value
 * {@code ½‖f − y‖² + (β/2) Σ_k (‖w2k‖² + w3k²)}, so {@code ‖W1k‖_F = 1} holds by construction.
 *
 * <p>The gradient with respect to {@code Vk} is {@code (G − ⟨G, W1k⟩ W1k)/‖Vk‖_F} with {@code G}
 * the gradient with respect to {@code W1k}. Because it is orthogonal to {@code Vk}, plain steps
 * would only ever grow {@code ‖Vk‖} and shrink the effective step; {@link #retract} therefore
 * rescales each {@code Vk} to unit norm after every step, which leaves the network unchanged.
 */
final class WeightDecayObjective implements SmoothObjective<ParallelThreeLayerNetwork> {
    private final Dataset data;
    private final ParallelShape shape;
    private final double beta;
    private final ParallelBackprop backprop;
    /** {@code [W1 | w2 | w3]} with {@code W1k = Vk/‖Vk‖}. */
    private final double[] effective;
    private final double[] norms;

    WeightDecayObjective(Dataset data, ParallelShape shape, double beta, int batchCapacity) {
        this.data = data;
        this.shape = shape;
        this.beta = beta;
        this.backprop = new ParallelBackprop(data, shape, batchCapacity);
        this.effective = new double[shape.dimension()];
        this.norms = new double[shape.subnetworks()];
    }

    /**
     * Each {@code W1k} uniform on the unit sphere of {@code R^{d×m1}} (Gaussian, normalised);
     * {@code w2 ~ N(0, 2/m1)} (He); {@code w3 ~ N(0, 1/K)}.
     */
    static double[] initialParameters(ParallelShape shape, SplittableRandom random) {
        double[] p = new double[shape.dimension()];
        for (int i = 0; i < shape.w2Offset(); i++) p[i] = random.nextGaussian();
        double s2 = Math.sqrt(2.0 / shape.width()), s3 = Math.sqrt(1.0 / shape.subnetworks());
        for (int i = shape.w2Offset(); i < shape.w3Offset(); i++) p[i] = s2 * random.nextGaussian();
        for (int i = shape.w3Offset(); i < shape.dimension(); i++) p[i] = s3 * random.nextGaussian();
        normaliseBlocks(p, shape);
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
        normalise(params);
        double loss = backprop.lossAndGradient(effective, batch, scale, grad);
        int size = shape.blockSize();
        for (int k = 0; k < shape.subnetworks(); k++) {
            int o = k * size;
            double inner = DenseOps.dot(grad, o, effective, o, size), inverseNorm = 1 / norms[k];
            for (int i = o; i < o + size; i++) grad[i] = (grad[i] - inner * effective[i]) * inverseNorm;
        }
        for (int i = shape.w2Offset(); i < grad.length; i++) grad[i] += beta * params[i];
        return scale * loss + penalty(params);
    }

    @Override
    public double objective(double[] params) {
        normalise(params);
        return backprop.loss(effective) + penalty(params);
    }

    @Override
    public void retract(double[] params) {
        normaliseBlocks(params, shape);
    }

    @Override
    public ParallelThreeLayerNetwork network(double[] params) {
        normalise(params);
        return new ParallelThreeLayerNetwork(shape.d(), shape.subnetworks(), shape.width(),
                Arrays.copyOf(effective, shape.w2Offset()),
                Arrays.copyOfRange(effective, shape.w2Offset(), shape.w3Offset()),
                Arrays.copyOfRange(effective, shape.w3Offset(), shape.dimension()));
    }

    @Override
    public double reportedObjective(ParallelThreeLayerNetwork network) {
        return network.objective(data, beta);
    }

    /** Fills {@link #effective} and {@link #norms} from {@code params}. */
    private void normalise(double[] params) {
        System.arraycopy(params, 0, effective, 0, params.length);
        int size = shape.blockSize();
        for (int k = 0; k < shape.subnetworks(); k++) {
            norms[k] = Math.sqrt(DenseOps.sumOfSquares(params, k * size, (k + 1) * size));
            assert norms[k] > 0 : "V_" + k + " vanished";
            double inverse = 1 / norms[k];
            for (int i = k * size; i < (k + 1) * size; i++) effective[i] *= inverse;
        }
    }

    private static void normaliseBlocks(double[] params, ParallelShape shape) {
        int size = shape.blockSize();
        for (int k = 0; k < shape.subnetworks(); k++) {
            double inverse = 1 / Math.sqrt(DenseOps.sumOfSquares(params, k * size, (k + 1) * size));
            for (int i = k * size; i < (k + 1) * size; i++) params[i] *= inverse;
        }
    }

    private double penalty(double[] params) {
        return 0.5 * beta * DenseOps.sumOfSquares(params, shape.w2Offset(), params.length);
    }
}
