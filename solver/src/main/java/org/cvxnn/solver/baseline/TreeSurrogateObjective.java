package org.cvxnn.solver.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TreeNetwork;

/**
 * The depth-L path-regularised problem (formulations §4.3) trained through the smooth surrogate
 * {@code ½‖f − y‖² + (β/2) Σ_k (w_out,k² + Q_k)}, {@code Q_k = Σ_ℓ ‖w_ℓ‖² Π_{p on ℓ's path below the root} w_p²},
 * over the parameters {@code [leaves (K·N1·d) | edges (K·(nodes−1)) | output (K)]} in the layout of
 * {@link TreeNetwork}.
 *
 * <p>The §4.2 hint generalised: the path norm is {@code R_k = |w_out,k|·sqrt(Q_k)} and by AM–GM
 * {@code |a|·sqrt(Q) ≤ ½(a² + Q)}, with equality iff {@code a² = Q}. Scaling {@code w_out → t·w_out} and
 * the root's child edges {@code w_p → w_p/t} leaves f unchanged and scales Q by {@code 1/t²}, so it
 * reaches equality: the surrogate bounds the true objective from above and has the same minimum.
 * Q is a polynomial (no square root), so the surrogate is smooth. {@link #objective} is the true
 * path objective.
 *
 * <p>Gradients: the loss by backpropagation through the tree; the penalty by the subtree sums
 * {@code S_ℓ = ‖w_ℓ‖²}, {@code S_q = Σ_{p ∈ children(q)} w_p² S_p} ({@code Q = S_root}) and
 * {@code G_root = 1}, {@code G_p = w_p² G_parent(p)}: {@code ∂Q/∂w_p = 2 w_p S_p G_parent(p)},
 * {@code ∂Q/∂w_ℓ = 2 G_ℓ w_ℓ}.
 */
final class TreeSurrogateObjective implements SmoothObjective<TreeNetwork> {
    private final Dataset data;
    private final TreeShape shape;
    private final int subnetworks, d, leaves, nodes, inner, edgeOffset, outputOffset, dimension;
    private final double beta;
    private final double[] pre, delta, residual, sums, factors;
    private final Batch chunk;

    TreeSurrogateObjective(Dataset data, TreeShape shape, int subnetworks, double beta, int batchCapacity) {
        this.data = data;
        this.shape = shape;
        this.subnetworks = subnetworks;
        this.beta = beta;
        this.d = data.d();
        this.leaves = shape.leaves();
        this.nodes = shape.nodes();
        this.inner = nodes - leaves;
        this.edgeOffset = subnetworks * leaves * d;
        this.outputOffset = edgeOffset + subnetworks * (nodes - 1);
        this.dimension = outputOffset + subnetworks;
        this.pre = new double[batchCapacity * subnetworks * nodes];
        this.delta = new double[pre.length];
        this.residual = new double[batchCapacity];
        this.sums = new double[nodes];
        this.factors = new double[nodes];
        this.chunk = new Batch(data, batchCapacity);
    }

    /**
     * He initialisation: leaves {@code N(0, 2/d)}, the edges into a node with m children
     * {@code N(0, 2/m)}, output weights {@code N(0, 1/K)}.
     */
    static double[] initialParameters(Dataset data, TreeShape shape, int subnetworks, SplittableRandom random) {
        int d = data.d(), nodes = shape.nodes();
        double[] p = new double[subnetworks * (shape.leaves() * d + nodes)];
        int at = 0;
        for (int k = 0; k < subnetworks * shape.leaves() * d; k++) p[at++] = Math.sqrt(2.0 / d) * random.nextGaussian();
        for (int k = 0; k < subnetworks; k++)
            for (int level = 1; level < shape.depth() - 1; level++)
                for (int q = 0; q < shape.levelSize(level); q++) p[at++] = Math.sqrt(2.0 / shape.width(level)) * random.nextGaussian();
        for (int k = 0; k < subnetworks; k++) p[at++] = Math.sqrt(1.0 / subnetworks) * random.nextGaussian();
        return p;
    }

    /** Column of node g (global index) of sub-network k in {@link #pre} and {@link #delta}: leaves first, for every k. */
    private int column(int k, int g) {
        return g < leaves ? k * leaves + g : subnetworks * leaves + k * inner + g - leaves;
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
        return dimension;
    }

    /** Fills {@link #pre} and {@link #residual}; returns {@code ½‖f − y‖²} over the batch. */
    private double forward(double[] params, Batch batch) {
        int rows = batch.rows();
        DenseOps.multiply(batch.x(), rows, d, params, 0, subnetworks * leaves, pre);
        double[] y = batch.y();
        for (int i = 0; i < rows; i++) residual[i] = -y[i];
        for (int k = 0; k < subnetworks; k++) {
            for (int level = 2; level < shape.depth(); level++) {
                int m = shape.width(level - 1);
                for (int q = 0; q < shape.levelSize(level); q++) {
                    int col = column(k, shape.node(level, q)) * rows;
                    Arrays.fill(pre, col, col + rows, 0.0);
                    for (int j = 0; j < m; j++) {
                        int child = shape.node(level - 1, q * m + j);
                        int cc = column(k, child) * rows;
                        double w = params[edgeOffset + k * (nodes - 1) + child];
                        for (int i = 0; i < rows; i++) pre[col + i] += w * Math.max(pre[cc + i], 0.0);
                    }
                }
            }
            int root = column(k, shape.root()) * rows;
            double out = params[outputOffset + k];
            for (int i = 0; i < rows; i++) residual[i] += out * Math.max(pre[root + i], 0.0);
        }
        return 0.5 * DenseOps.sumOfSquares(residual, 0, rows);
    }

    @Override
    public double valueAndGradient(double[] params, Batch batch, double[] grad) {
        int rows = batch.rows();
        double scale = (double) batch.samples() / rows;
        double loss = forward(params, batch);
        for (int k = 0; k < subnetworks; k++) {
            int root = column(k, shape.root()) * rows;
            double out = params[outputOffset + k], g = 0;
            for (int i = 0; i < rows; i++) {
                double h = pre[root + i];
                g += Math.max(h, 0.0) * residual[i];
                delta[root + i] = h > 0 ? scale * out * residual[i] : 0.0;
            }
            grad[outputOffset + k] = scale * g;
            for (int level = shape.depth() - 1; level >= 2; level--) {
                int m = shape.width(level - 1);
                for (int q = 0; q < shape.levelSize(level); q++) {
                    int col = column(k, shape.node(level, q)) * rows;
                    for (int j = 0; j < m; j++) {
                        int child = shape.node(level - 1, q * m + j);
                        int cc = column(k, child) * rows, e = edgeOffset + k * (nodes - 1) + child;
                        double w = params[e], ge = 0;
                        for (int i = 0; i < rows; i++) {
                            double h = pre[cc + i];
                            ge += Math.max(h, 0.0) * delta[col + i];
                            delta[cc + i] = h > 0 ? w * delta[col + i] : 0.0;
                        }
                        grad[e] = ge;
                    }
                }
            }
        }
        DenseOps.multiplyTransposed(batch.x(), rows, d, delta, subnetworks * leaves, grad, 0);
        return scale * loss + 0.5 * beta * penaltyAndGradient(params, grad);
    }

    /** {@code Σ_k (w_out,k² + Q_k)}; adds {@code (β/2)} times its gradient to {@code grad}. */
    private double penaltyAndGradient(double[] params, double[] grad) {
        double total = 0;
        for (int k = 0; k < subnetworks; k++) {
            subtreeSums(params, k);
            double out = params[outputOffset + k];
            total += out * out + sums[shape.root()];
            grad[outputOffset + k] += beta * out;
            Arrays.fill(factors, 0.0);
            factors[shape.root()] = 1.0;
            for (int level = shape.depth() - 1; level >= 2; level--) {
                int m = shape.width(level - 1);
                for (int q = 0; q < shape.levelSize(level); q++) {
                    int parent = shape.node(level, q);
                    for (int j = 0; j < m; j++) {
                        int child = shape.node(level - 1, q * m + j), e = edgeOffset + k * (nodes - 1) + child;
                        double w = params[e];
                        grad[e] += beta * w * sums[child] * factors[parent];
                        factors[child] = w * w * factors[parent];
                    }
                }
            }
            for (int l = 0; l < leaves; l++) {
                int o = (k * leaves + l) * d;
                for (int f = o; f < o + d; f++) grad[f] += beta * factors[l] * params[f];
            }
        }
        return total;
    }

    /** {@link #sums} ← the subtree sums {@code S_q} of sub-network k. */
    private void subtreeSums(double[] params, int k) {
        for (int l = 0; l < leaves; l++) {
            int o = (k * leaves + l) * d;
            sums[l] = DenseOps.sumOfSquares(params, o, o + d);
        }
        for (int level = 2; level < shape.depth(); level++) {
            int m = shape.width(level - 1);
            for (int q = 0; q < shape.levelSize(level); q++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    int child = shape.node(level - 1, q * m + j);
                    double w = params[edgeOffset + k * (nodes - 1) + child];
                    s += w * w * sums[child];
                }
                sums[shape.node(level, q)] = s;
            }
        }
    }

    @Override
    public double objective(double[] params) {
        int n = chunk.samples(), capacity = chunk.capacity();
        double loss = 0;
        for (int from = 0; from < n; from += capacity) {
            chunk.selectRange(from, Math.min(n, from + capacity));
            loss += forward(params, chunk);
        }
        double penalty = 0;
        for (int k = 0; k < subnetworks; k++) {
            subtreeSums(params, k);
            penalty += Math.abs(params[outputOffset + k]) * Math.sqrt(sums[shape.root()]);
        }
        return loss + beta * penalty;
    }

    @Override
    public TreeNetwork network(double[] params) {
        return new TreeNetwork(d, shape, subnetworks, Arrays.copyOf(params, edgeOffset),
                Arrays.copyOfRange(params, edgeOffset, outputOffset), Arrays.copyOfRange(params, outputOffset, dimension));
    }

    @Override
    public double reportedObjective(TreeNetwork network) {
        return network.objective(data, beta);
    }
}
