package org.cvxnn.solver.combo;

import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;

/**
 * The un-shared tree of one depth-L path-regularised sub-network (formulations §4.3): a root at
 * layer {@code L−1} (one neuron, scalar output weight) with {@code m_{L−2}} children, each of them
 * with {@code m_{L−3}} children, …, down to the leaves, the first-layer neurons, each carrying a
 * weight vector {@code w_ℓ ∈ R^d}. Every non-root node p has one edge weight {@code w_p} to its
 * parent. {@code L = 3} is the three-layer sub-network of §3.1/§4.1 with {@code m1} leaves.
 *
 * <p>Numbering: levels {@code k = 1..L−1} (1 = leaves, {@code L−1} = root) with
 * {@code N_k = m_k · … · m_{L−2}} nodes ({@code N_{L−1} = 1}); node q of level k has the global index
 * {@link #node(int, int) levelOffset(k) + q}, leaves first, root last. The children of node q of level
 * {@code k+1} are nodes {@code q·m_k .. q·m_k + m_k − 1} of level k, so the leaves under a node of
 * level k are the {@link #group(int)} consecutive leaves from {@code q·group(k)} on.
 *
 * <p>Size limits: depth {@code 3..}{@value #MAX_DEPTH}, every width ≥ 1, at most
 * {@value #MAX_LEAVES} leaves (the leaves' weights are one group of the convex program, whose
 * interior-point blocks are dense in {@code leaves·d}).
 */
public final class TreeShape {
    /** Largest supported depth L. */
    public static final int MAX_DEPTH = 16;
    /** Largest supported number of leaves (first-layer neurons per sub-network). */
    public static final int MAX_LEAVES = 64;

    private final int[] widths;
    private final int[] levelSize;   // [k] for k = 1..L−1 (index 0 unused)
    private final int[] levelOffset; // [k] for k = 1..L (offset of level L = node count)

    private TreeShape(int[] widths) {
        this.widths = widths;
        int depth = widths.length + 2;
        levelSize = new int[depth];
        levelOffset = new int[depth + 1];
        levelSize[depth - 1] = 1;
        for (int k = depth - 2; k >= 1; k--) levelSize[k] = levelSize[k + 1] * widths[k - 1];
        for (int k = 1; k < depth; k++) levelOffset[k + 1] = levelOffset[k] + levelSize[k];
    }

    /**
     * The tree with hidden widths {@code m_1..m_{L−2}} (bottom-up: {@code widths[0]} leaves per
     * level-2 node, …, {@code widths[L−3]} children of the root).
     *
     * @throws IllegalArgumentException if a width is below 1 or the tree exceeds the size limits
     */
    public static TreeShape of(int... widths) {
        if (widths.length < 1)
            throw new IllegalArgumentException("a tree needs at least one hidden width (depth L >= 3), got none");
        if (widths.length + 2 > MAX_DEPTH)
            throw new IllegalArgumentException("depth " + (widths.length + 2) + " exceeds the supported maximum " + MAX_DEPTH);
        long leaves = 1;
        for (int k = 0; k < widths.length; k++) {
            if (widths[k] < 1)
                throw new IllegalArgumentException("hidden width m_" + (k + 1) + " must be >= 1, got " + widths[k]);
            leaves *= widths[k];
            if (leaves > MAX_LEAVES)
                throw new IllegalArgumentException("the tree with widths " + Arrays.toString(widths) + " has more than "
                        + MAX_LEAVES + " leaves (first-layer neurons per sub-network, the product of the widths); "
                        + "use smaller widths or a smaller depth");
        }
        return new TreeShape(widths.clone());
    }

    /** The tree of depth {@code depth} with width {@code m} at every hidden layer below the root ({@code m^{L−2}} leaves). */
    public static TreeShape uniform(int m, int depth) {
        if (depth < 3) throw new IllegalArgumentException("depth L must be >= 3, got " + depth);
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("depth " + depth + " exceeds the supported maximum " + MAX_DEPTH);
        int[] w = new int[depth - 2];
        Arrays.fill(w, m);
        return of(w);
    }

    /** Depth L (layers of weights: leaves' inputs, L−2 edge layers, the output weight). */
    public int depth() { return widths.length + 2; }

    /** The hidden widths {@code m_1..m_{L−2}} (a copy). */
    public int[] widths() { return widths.clone(); }

    /** First-layer neurons per sub-network, {@code N_1 = m_1 · … · m_{L−2}}. */
    public int leaves() { return levelSize[1]; }

    /** Nodes of the tree, root included. */
    public int nodes() { return levelOffset[depth()]; }

    /** Nodes of level k ({@code 1 ≤ k ≤ L−1}). */
    public int levelSize(int k) { return levelSize[k]; }

    /** Global index of the first node of level k ({@code 1 ≤ k ≤ L}; level L gives {@link #nodes()}). */
    public int levelOffset(int k) { return levelOffset[k]; }

    /** Global index of node q of level k. */
    public int node(int k, int q) { return levelOffset[k] + q; }

    /** Global index of the root. */
    public int root() { return nodes() - 1; }

    /** Children per node of level {@code k + 1}, i.e. {@code m_k} ({@code 1 ≤ k ≤ L−2}). */
    public int width(int k) { return widths[k - 1]; }

    /** Leaves under one node of level k: {@code m_1 · … · m_{k−1}} (1 for k = 1). */
    public int group(int k) { return levelSize[1] / levelSize[k]; }

    /**
     * The pre-activations of every node of one sub-network on {@code data}: {@code X w_ℓ} at the
     * leaves, {@code Σ_{p ∈ children(q)} w_p (h_p)₊} above.
     *
     * @param leafWeights weights {@code w_ℓ} of the leaves, {@code leaves·d} from {@code leafOffset} (leaf ℓ's d weights consecutive)
     * @param edgeWeights edge weights of the non-root nodes, {@code nodes − 1} from {@code edgeOffset}, by global index
     * @param pre         output, {@code n × nodes} column-major (column = global node index)
     */
    public void forward(Dataset data, double[] leafWeights, int leafOffset, double[] edgeWeights, int edgeOffset, double[] pre) {
        int n = data.n(), d = data.d();
        double[] x = data.x();
        for (int l = 0; l < leaves(); l++) {
            int col = l * n, w = leafOffset + l * d;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int f = 0; f < d; f++) s += x[i + f * n] * leafWeights[w + f];
                pre[col + i] = s;
            }
        }
        for (int k = 2; k < depth(); k++) {
            int m = width(k - 1);
            for (int q = 0; q < levelSize[k]; q++) {
                int col = node(k, q) * n;
                Arrays.fill(pre, col, col + n, 0.0);
                for (int j = 0; j < m; j++) {
                    int child = node(k - 1, q * m + j);
                    double w = edgeWeights[edgeOffset + child];
                    for (int i = 0; i < n; i++) pre[col + i] += w * Math.max(pre[child * n + i], 0.0);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeShape t && Arrays.equals(widths, t.widths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return "TreeShape[depth=" + depth() + ", widths=" + Arrays.toString(widths) + ", leaves=" + leaves() + "]";
    }
}
