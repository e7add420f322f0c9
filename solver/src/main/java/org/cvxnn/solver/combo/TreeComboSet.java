package org.cvxnn.solver.combo;

import java.util.Arrays;

import org.cvxnn.solver.arrangement.PatternSet;

/**
 * An ordered list of combos of depth-L tree sub-networks (formulations §4.3): combo c has a mask
 * {@code D_q} at every node q of its {@link TreeShape} and a sign {@code s_q} at every non-root node.
 * With {@code z_ℓ = D_ℓ X u_ℓ} at the leaves and {@code z_q = D_q Σ_{p ∈ children(q)} s_p z_p} above,
 * the feature of leaf weights {@code u = (u_1..u_N1)} is {@code A_c u = z_root}, and the cone
 * {@code K_c} asks {@code (2D_q − I)·(pre-activation of q) ≥ 0} at every node.
 *
 * <p>Each combo carries a generating point: leaf weights {@code w_ℓ} and edge weights {@code w_p}
 * whose forward pass ({@link TreeShape#forward}) gives exactly its masks (with {@code 1[h ≥ 0]}) and
 * signs ({@code +1} iff {@code w_p ≥ 0}), up to the canonical zeroing of masks on rows where a node's
 * pre-activation is identically zero (see {@link TreeCombos}).
 *
 * <p>Masks use the bit layout of {@link PatternSet}; node indices are global ({@link TreeShape#node}).
 * Instances are immutable.
 */
public final class TreeComboSet {
    private final int n;
    private final int d;
    private final TreeShape shape;
    private final int size;
    private final int wpm;
    private final long[] masks;
    private final byte[] signs;
    private final double[] leafWeights;
    private final double[] edgeWeights;

    /**
     * @param masks       {@code size · nodes · wordsFor(n)} words: mask of node q of combo c at
     *                    {@code (c·nodes + q)·wordsFor(n)} (copied)
     * @param signs       {@code size · (nodes − 1)}: sign of non-root node q of combo c at {@code c·(nodes−1) + q} (copied)
     * @param leafWeights generating leaf weights, {@code size · leaves · d} (copied)
     * @param edgeWeights generating edge weights, {@code size · (nodes − 1)} (copied)
     * @throws IllegalArgumentException if a size is not positive, the lengths do not match, a sign is
     *     not ±1, a mask has bits past row n, or a weight is not finite
     */
    public TreeComboSet(int n, int d, TreeShape shape, long[] masks, byte[] signs, double[] leafWeights, double[] edgeWeights) {
        if (n < 1) throw new IllegalArgumentException("combos need n >= 1 rows, got " + n);
        if (d < 1) throw new IllegalArgumentException("combos need d >= 1 features, got " + d);
        this.n = n;
        this.d = d;
        this.shape = shape;
        this.wpm = PatternSet.wordsFor(n);
        int nodes = shape.nodes();
        if (masks.length % (nodes * wpm) != 0)
            throw new IllegalArgumentException("masks has " + masks.length + " words, not a multiple of nodes*wordsPerMask = " + nodes * wpm);
        this.size = masks.length / (nodes * wpm);
        length("signs", signs.length, (long) size * (nodes - 1));
        length("leafWeights", leafWeights.length, (long) size * shape.leaves() * d);
        length("edgeWeights", edgeWeights.length, (long) size * (nodes - 1));
        for (int k = 0; k < signs.length; k++)
            if (signs[k] != 1 && signs[k] != -1)
                throw new IllegalArgumentException("sign of node " + (k % (nodes - 1)) + " of combo " + (k / (nodes - 1)) + " is " + signs[k]);
        long tail = (n % 64 == 0) ? -1L : (1L << (n % 64)) - 1;
        for (int k = wpm - 1; k < masks.length; k += wpm)
            if ((masks[k] & ~tail) != 0) throw new IllegalArgumentException("mask " + (k / wpm) + " has bits set past row n = " + n);
        for (double[] v : new double[][] {leafWeights, edgeWeights})
            for (double w : v) if (!Double.isFinite(w)) throw new IllegalArgumentException("a generating weight is " + w);
        this.masks = masks.clone();
        this.signs = signs.clone();
        this.leafWeights = leafWeights.clone();
        this.edgeWeights = edgeWeights.clone();
    }

    private static void length(String name, int actual, long expected) {
        if (actual != expected) throw new IllegalArgumentException(name + " has " + actual + " values, expected " + expected);
    }

    /**
     * The three-layer combos {@code (D_11..D_1m1; s; D_2)} of {@code combos} as depth-3 tree combos
     * (leaves = the first-layer neurons, root mask = {@code D_2}): the same features and cones.
     */
    public static TreeComboSet ofThreeLayer(ComboSet combos) {
        int m1 = combos.m1(), wpm = combos.wordsPerMask(), nodes = m1 + 1, c = combos.size(), d = combos.d();
        long[] masks = new long[c * nodes * wpm];
        byte[] signs = new byte[c * m1];
        double[] leaves = new double[c * m1 * d], edges = new double[c * m1];
        for (int k = 0; k < c; k++) {
            for (int j = 0; j < m1; j++) {
                System.arraycopy(combos.firstLayerWords(k, j), 0, masks, (k * nodes + j) * wpm, wpm);
                signs[k * m1 + j] = (byte) combos.sign(k, j);
            }
            System.arraycopy(combos.secondLayerWords(k), 0, masks, (k * nodes + m1) * wpm, wpm);
            System.arraycopy(combos.firstLayerWeights(k), 0, leaves, k * m1 * d, m1 * d);
            System.arraycopy(combos.secondLayerWeights(k), 0, edges, k * m1, m1);
        }
        return new TreeComboSet(combos.n(), d, TreeShape.of(m1), masks, signs, leaves, edges);
    }

    public int n() { return n; }

    /** Feature count of the data (the length of each leaf's weight vector). */
    public int d() { return d; }

    public TreeShape shape() { return shape; }

    /** Number of combos C. */
    public int size() { return size; }

    public int wordsPerMask() { return wpm; }

    /** Whether row {@code row} is active in the mask of node {@code node} (global index) of combo {@code c}. */
    public boolean active(int c, int node, int row) {
        return (masks[(c * shape.nodes() + node) * wpm + (row >>> 6)] >>> (row & 63) & 1L) != 0;
    }

    /** Sign ±1 of non-root node {@code node} of combo {@code c}. */
    public int sign(int c, int node) {
        return signs[c * (shape.nodes() - 1) + node];
    }

    /** Copy of the mask words of node {@code node} of combo {@code c}. */
    public long[] maskWords(int c, int node) {
        int off = (c * shape.nodes() + node) * wpm;
        return Arrays.copyOfRange(masks, off, off + wpm);
    }

    /** Copy of the generating leaf weights of combo {@code c} ({@code leaves · d}, leaf after leaf). */
    public double[] leafWeights(int c) {
        int len = shape.leaves() * d;
        return Arrays.copyOfRange(leafWeights, c * len, (c + 1) * len);
    }

    /** Copy of the generating edge weights of combo {@code c} ({@code nodes − 1}, by global node index). */
    public double[] edgeWeights(int c) {
        int len = shape.nodes() - 1;
        return Arrays.copyOfRange(edgeWeights, c * len, (c + 1) * len);
    }
}
