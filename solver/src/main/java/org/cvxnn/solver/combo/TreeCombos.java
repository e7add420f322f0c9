package org.cvxnn.solver.combo;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * Combos of depth-L tree sub-networks ({@link TreeComboSet}, formulations §4.3, §6.1): read from
 * weights by a forward pass — masks {@code 1[h_q ≥ 0]} at every node, signs {@code +1} iff the
 * edge weight is {@code ≥ 0} — then canonicalised and deduplicated.
 *
 * <p>Canonical form: bottom-up, a node's mask is cleared on the rows where its pre-activation is
 * identically zero on the combo's cone (zero rows of X at the leaves; above, rows where no child's
 * mask is set), which changes neither the feature nor the cone; a node whose mask is then empty gets
 * sign +1 (its output is identically zero). Combos whose root mask is empty have a zero feature and
 * are dropped. Finally the children of every node are sorted by their subtrees' (masks, sign,
 * sorted children), so combos that differ only by a permutation of sibling subtrees — the same
 * feature and cone with relabelled leaves — are stored once.
 *
 * <p>Exact enumeration is not implemented for depth ≥ 4; {@link TreeComboSet#ofThreeLayer} converts
 * the exactly enumerated depth-3 combos.
 */
public final class TreeCombos {

    private TreeCombos() {}

    /**
     * Combos of {@code count} random sub-networks: all values come from one
     * {@code new SplittableRandom(seed)} stream of {@link SplittableRandom#nextGaussian()}, draw after
     * draw; within a draw first the {@code leaves · d} leaf weights (leaf after leaf), then the
     * {@code nodes − 1} edge weights by global node index. The generating point of a combo is its first draw.
     *
     * @throws IllegalArgumentException if {@code count < 1} or no combo is left
     */
    public static TreeComboSet sample(Dataset data, TreeShape shape, int count, long seed) {
        if (count < 1) throw new IllegalArgumentException("count (points to draw) must be >= 1, got " + count);
        SplittableRandom random = new SplittableRandom(seed);
        Collector collector = new Collector(data, shape);
        double[] leaves = new double[shape.leaves() * data.d()], edges = new double[shape.nodes() - 1];
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < leaves.length; k++) leaves[k] = random.nextGaussian();
            for (int k = 0; k < edges.length; k++) edges[k] = random.nextGaussian();
            collector.add(leaves, 0, edges, 0);
        }
        return collector.toSet(count + " random draws");
    }

    /**
     * The distinct combos of {@code subnetworks} sub-networks given by their weights ("the combos
     * this network uses"): sub-network k has leaf weights {@code leaves[k·leaves·d ..]} and edge
     * weights {@code edges[k·(nodes − 1) ..]}; sub-networks with a zero feature are skipped.
     *
     * @throws IllegalArgumentException if no combo is left (every sub-network has a zero feature)
     */
    public static TreeComboSet of(Dataset data, TreeShape shape, int subnetworks, double[] leaves, double[] edges) {
        Collector collector = new Collector(data, shape);
        int ld = shape.leaves() * data.d(), le = shape.nodes() - 1;
        for (int k = 0; k < subnetworks; k++) collector.add(leaves, k * ld, edges, k * le);
        return collector.toSet(subnetworks + " sub-networks");
    }

    /** The distinct combos of {@code sets} (same data shape and tree), in order of first occurrence. */
    public static TreeComboSet union(Dataset data, TreeComboSet... sets) {
        if (sets.length == 0) throw new IllegalArgumentException("union of no combo sets");
        Collector collector = new Collector(data, sets[0].shape());
        for (TreeComboSet s : sets) {
            if (!s.shape().equals(sets[0].shape()) || s.n() != data.n() || s.d() != data.d())
                throw new IllegalArgumentException("combo sets of different trees or data cannot be united");
            for (int c = 0; c < s.size(); c++) collector.addCombo(s, c);
        }
        return collector.toSet("union");
    }

    /** A growing set of distinct canonical combos with their generating points. */
    private static final class Collector {
        private final Dataset data;
        private final TreeShape shape;
        private final int n, wpm, nodes, signWords;
        private final long[] nonzero;
        private final double[] pre;
        private final Map<LongBuffer, Integer> index = new HashMap<>();
        private long[] keys = new long[0];
        private double[] leafWeights = new double[0], edgeWeights = new double[0];
        private int size;

        Collector(Dataset data, TreeShape shape) {
            this.data = data;
            this.shape = shape;
            this.n = data.n();
            this.wpm = PatternSet.wordsFor(n);
            this.nodes = shape.nodes();
            this.signWords = (nodes - 1 + 63) >>> 6;
            this.nonzero = new long[wpm];
            double[] x = data.x();
            for (int k = 0; k < x.length; k++) if (x[k] != 0.0) nonzero[(k % n) >>> 6] |= 1L << ((k % n) & 63);
            this.pre = new double[n * nodes];
        }

        private int keyLength() {
            return nodes * wpm + signWords;
        }

        void add(double[] leaves, int leafOffset, double[] edges, int edgeOffset) {
            shape.forward(data, leaves, leafOffset, edges, edgeOffset, pre);
            long[] key = new long[keyLength()];
            for (int q = 0; q < nodes; q++)
                for (int i = 0; i < n; i++) if (pre[q * n + i] >= 0) key[q * wpm + (i >>> 6)] |= 1L << (i & 63);
            for (int l = 0; l < shape.leaves(); l++) for (int w = 0; w < wpm; w++) key[l * wpm + w] &= nonzero[w];
            for (int k = 2; k < shape.depth(); k++) {
                int m = shape.width(k - 1);
                for (int q = 0; q < shape.levelSize(k); q++) {
                    int node = shape.node(k, q);
                    for (int w = 0; w < wpm; w++) {
                        long live = 0;
                        for (int j = 0; j < m; j++) live |= key[shape.node(k - 1, q * m + j) * wpm + w];
                        key[node * wpm + w] &= live;
                    }
                }
            }
            if (empty(key, shape.root())) return;
            double[] e = Arrays.copyOfRange(edges, edgeOffset, edgeOffset + nodes - 1);
            for (int q = 0; q < nodes - 1; q++) {
                if (empty(key, q)) e[q] = Math.abs(e[q]);
                if (!(e[q] >= 0)) key[nodes * wpm + (q >>> 6)] |= 1L << (q & 63);
            }
            sortSubtrees(key, Arrays.copyOfRange(leaves, leafOffset, leafOffset + shape.leaves() * data.d()), e);
        }

        /**
         * Reorders the children of every node by their subtree's signature (its mask words and sign,
         * then its children's signatures in order) and inserts the result: subtrees that are
         * permutations of each other give the same feature and cone up to relabelling the leaves.
         */
        private void sortSubtrees(long[] key, double[] leaves, double[] edges) {
            long[][] signature = new long[nodes][];
            for (int l = 0; l < shape.leaves(); l++) signature[l] = own(key, l);
            for (int k = 2; k < shape.depth(); k++) {
                int m = shape.width(k - 1);
                for (int q = 0; q < shape.levelSize(k); q++) {
                    long[][] children = new long[m][];
                    for (int j = 0; j < m; j++) children[j] = signature[shape.node(k - 1, q * m + j)];
                    Arrays.sort(children, Arrays::compareUnsigned);
                    long[] sig = own(key, shape.node(k, q));
                    for (long[] child : children) {
                        int at = sig.length;
                        sig = Arrays.copyOf(sig, at + child.length);
                        System.arraycopy(child, 0, sig, at, child.length);
                    }
                    signature[shape.node(k, q)] = sig;
                }
            }
            int[][] order = new int[shape.depth()][];
            order[shape.depth() - 1] = new int[] {0};
            for (int k = shape.depth() - 1; k >= 2; k--) {
                int m = shape.width(k - 1);
                order[k - 1] = new int[shape.levelSize(k - 1)];
                for (int q = 0; q < shape.levelSize(k); q++) {
                    Integer[] children = new Integer[m];
                    for (int j = 0; j < m; j++) children[j] = order[k][q] * m + j;
                    int level = k - 1;
                    Arrays.sort(children, (a, b) -> Arrays.compareUnsigned(signature[shape.node(level, a)], signature[shape.node(level, b)]));
                    for (int j = 0; j < m; j++) order[k - 1][q * m + j] = children[j];
                }
            }
            long[] sorted = new long[key.length];
            double[] sortedLeaves = new double[leaves.length], sortedEdges = new double[edges.length];
            int d = data.d();
            for (int k = 1; k < shape.depth(); k++)
                for (int q = 0; q < shape.levelSize(k); q++) {
                    int to = shape.node(k, q), from = shape.node(k, order[k][q]);
                    System.arraycopy(key, from * wpm, sorted, to * wpm, wpm);
                    if (to == shape.root()) continue;
                    if ((key[nodes * wpm + (from >>> 6)] >>> (from & 63) & 1L) != 0) sorted[nodes * wpm + (to >>> 6)] |= 1L << (to & 63);
                    sortedEdges[to] = edges[from];
                    if (k == 1) System.arraycopy(leaves, from * d, sortedLeaves, to * d, d);
                }
            insert(sorted, sortedLeaves, 0, sortedEdges);
        }

        /** The mask words of node g and, for a non-root node, its sign bit as one more word. */
        private long[] own(long[] key, int g) {
            long[] sig = Arrays.copyOfRange(key, g * wpm, (g + 1) * wpm + (g == shape.root() ? 0 : 1));
            if (g != shape.root()) sig[wpm] = key[nodes * wpm + (g >>> 6)] >>> (g & 63) & 1L;
            return sig;
        }

        /** Adds combo c of {@code s} as it is (already canonical). */
        void addCombo(TreeComboSet s, int c) {
            long[] key = new long[keyLength()];
            for (int q = 0; q < nodes; q++) System.arraycopy(s.maskWords(c, q), 0, key, q * wpm, wpm);
            for (int q = 0; q < nodes - 1; q++) if (s.sign(c, q) < 0) key[nodes * wpm + (q >>> 6)] |= 1L << (q & 63);
            insert(key, s.leafWeights(c), 0, s.edgeWeights(c));
        }

        private void insert(long[] key, double[] leaves, int leafOffset, double[] e) {
            LongBuffer wrapped = LongBuffer.wrap(key);
            if (index.containsKey(wrapped)) return;
            index.put(wrapped, size);
            int kl = keyLength(), ll = shape.leaves() * data.d();
            if (size * kl == keys.length) {
                int capacity = Math.max(16, 2 * size);
                keys = Arrays.copyOf(keys, capacity * kl);
                leafWeights = Arrays.copyOf(leafWeights, capacity * ll);
                edgeWeights = Arrays.copyOf(edgeWeights, capacity * (nodes - 1));
            }
            System.arraycopy(key, 0, keys, size * kl, kl);
            System.arraycopy(leaves, leafOffset, leafWeights, size * ll, ll);
            System.arraycopy(e, 0, edgeWeights, size * (nodes - 1), nodes - 1);
            size++;
        }

        private boolean empty(long[] key, int node) {
            for (int w = 0; w < wpm; w++) if (key[node * wpm + w] != 0) return false;
            return true;
        }

        TreeComboSet toSet(String source) {
            if (size == 0)
                throw new IllegalArgumentException("no combo left: every one of the " + source + " has a zero feature (empty root mask)");
            int kl = keyLength(), s = nodes - 1;
            long[] masks = new long[size * nodes * wpm];
            byte[] signs = new byte[size * s];
            for (int c = 0; c < size; c++) {
                System.arraycopy(keys, c * kl, masks, c * nodes * wpm, nodes * wpm);
                for (int q = 0; q < s; q++)
                    signs[c * s + q] = (byte) ((keys[c * kl + nodes * wpm + (q >>> 6)] >>> (q & 63) & 1L) != 0 ? -1 : 1);
            }
            return new TreeComboSet(n, data.d(), shape, masks, signs, Arrays.copyOf(leafWeights, size * shape.leaves() * data.d()),
                    Arrays.copyOf(edgeWeights, size * s));
        }
    }
}
