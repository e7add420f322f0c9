package org.cvxnn.solver.network;

import java.util.Objects;

import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;

/**
 * A parallel depth-L ReLU network of path-regularised tree sub-networks (formulations §4.3):
 * {@code f(X) = Σ_k w_out,k · (h_root,k)₊} with, in sub-network k, {@code h_ℓ = X w_ℓ} at the leaves and
 * {@code h_q = Σ_{p ∈ children(q)} w_p (h_p)₊} above (tree numbering of {@link TreeShape}). Its objective
 * is the path objective {@code ½‖f(X) − y‖² + β Σ_k R_k} with the path norm
 * {@code R_k = |w_out,k| · sqrt(Σ_ℓ ‖w_ℓ‖² Π_{p on the path from ℓ up to below the root} w_p²)}, the
 * square root of the sum over all input→output paths of the squared weight products.
 *
 * <p>This is the un-shared ("tree") parametrisation: every hidden neuron has exactly one parent. A
 * fully connected sub-network with hidden widths {@code m_1..m_{L−2}} is the tree of the same
 * widths whose copies of a shared neuron carry equal weights (same outputs, same path norm), so the
 * tree family contains it and the convex optimum bounds it from below.
 *
 * @param d           input dimension (with the bias column when the data carry one)
 * @param shape       the tree of every sub-network
 * @param subnetworks K ≥ 0 (0: the zero network)
 * @param leaves      leaf weights, {@code K · leaves · d}: leaf ℓ of sub-network k at {@code (k·leaves + ℓ)·d}
 * @param edges       edge weights of the non-root nodes, {@code K · (nodes − 1)}: node q of sub-network k at {@code k·(nodes−1) + q}
 * @param output      output weights, {@code K}
 */
public record TreeNetwork(int d, TreeShape shape, int subnetworks, double[] leaves, double[] edges, double[] output)
        implements Network {

    public TreeNetwork {
        Objects.requireNonNull(shape, "shape");
        if (d < 1) throw new IllegalArgumentException("input dimension must be >= 1, got " + d);
        if (subnetworks < 0) throw new IllegalArgumentException("number of sub-networks must be >= 0, got " + subnetworks);
        if (leaves.length != (long) subnetworks * shape.leaves() * d)
            throw new IllegalArgumentException("leaves has " + leaves.length + " values, expected K*leaves*d = "
                    + subnetworks + "*" + shape.leaves() + "*" + d);
        if (edges.length != (long) subnetworks * (shape.nodes() - 1))
            throw new IllegalArgumentException("edges has " + edges.length + " values, expected K*(nodes-1) = "
                    + subnetworks + "*" + (shape.nodes() - 1));
        if (output.length != subnetworks)
            throw new IllegalArgumentException("output has " + output.length + " values, expected K = " + subnetworks);
        for (double[] v : new double[][] {leaves, edges, output})
            for (double w : v) if (!Double.isFinite(w)) throw new IllegalArgumentException("a weight is " + w);
    }

    /** Number of sub-networks K. */
    @Override
    public int m() {
        return subnetworks;
    }

    /** Depth L. */
    public int depth() {
        return shape.depth();
    }

    @Override
    public double[] predict(Dataset data) {
        if (data.d() != d)
            throw new IllegalArgumentException("the network expects " + d + " input features, the data have " + data.d());
        int n = data.n(), nodes = shape.nodes(), root = shape.root();
        double[] pre = new double[n * nodes];
        double[] out = new double[n];
        for (int k = 0; k < subnetworks; k++) {
            shape.forward(data, leaves, k * shape.leaves() * d, edges, k * (nodes - 1), pre);
            for (int i = 0; i < n; i++) out[i] += output[k] * Math.max(pre[root * n + i], 0.0);
        }
        return out;
    }

    /**
     * The path norm {@code R_k} of sub-network k, by the recursion {@code S_ℓ = ‖w_ℓ‖²},
     * {@code S_q = Σ_{p ∈ children(q)} w_p² S_p}, {@code R_k = |w_out,k| sqrt(S_root)}.
     */
    public double pathNorm(int k) {
        if (k < 0 || k >= subnetworks) throw new IndexOutOfBoundsException("sub-network " + k + " does not exist; K = " + subnetworks);
        double[] s = subtreeSums(k);
        return Math.abs(output[k]) * Math.sqrt(s[shape.root()]);
    }

    /** {@code S_q} of every node of sub-network k (by global index). */
    private double[] subtreeSums(int k) {
        int nodes = shape.nodes();
        double[] s = new double[nodes];
        for (int l = 0; l < shape.leaves(); l++) {
            int o = (k * shape.leaves() + l) * d;
            for (int f = 0; f < d; f++) s[l] += leaves[o + f] * leaves[o + f];
        }
        for (int level = 2; level < shape.depth(); level++) {
            int m = shape.width(level - 1);
            for (int q = 0; q < shape.levelSize(level); q++) {
                for (int j = 0; j < m; j++) {
                    int child = shape.node(level - 1, q * m + j);
                    double w = edges[k * (nodes - 1) + child];
                    s[shape.node(level, q)] += w * w * s[child];
                }
            }
        }
        return s;
    }

    /** The path objective {@code ½‖f(X) − y‖² + β Σ_k R_k}. */
    @Override
    public double objective(Dataset data, double beta) {
        double penalty = 0;
        for (int k = 0; k < subnetworks; k++) penalty += pathNorm(k);
        return halfSquaredError(data) + beta * penalty;
    }
}
