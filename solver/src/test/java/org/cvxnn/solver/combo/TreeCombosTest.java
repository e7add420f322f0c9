package org.cvxnn.solver.combo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class TreeCombosTest {

    private static Dataset gaussian(Random rng, int n, int d) {
        double[] x = new double[n * d], y = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        return new Dataset(n, d, x, y);
    }

    /** The masks and signs of combo c as one string, for set membership. */
    private static String key(TreeComboSet s, int c) {
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < s.shape().nodes(); q++) {
            for (int i = 0; i < s.n(); i++) b.append(s.active(c, q, i) ? '1' : '0');
            b.append(q < s.shape().root() ? (s.sign(c, q) > 0 ? '+' : '-') : '|');
        }
        return b.toString();
    }

    @Test
    void generatingPointsReproduceTheirCombosAndCombosAreDistinctAndNonzero() {
        Random rng = new Random(61);
        for (TreeShape shape : List.of(TreeShape.of(2, 2), TreeShape.of(3, 1, 2), TreeShape.of(1, 1))) {
            Dataset data = gaussian(rng, 9, 2).withBias();
            TreeComboSet combos = TreeCombos.sample(data, shape, 400, 5);
            int n = data.n(), nodes = shape.nodes();
            Set<String> seen = new HashSet<>();
            double[] pre = new double[n * nodes];
            for (int c = 0; c < combos.size(); c++) {
                assertTrue(seen.add(key(combos, c)), shape + ": combo " + c + " repeats");
                shape.forward(data, combos.leafWeights(c), 0, combos.edgeWeights(c), 0, pre);
                boolean rootActive = false;
                for (int q = 0; q < nodes; q++)
                    for (int i = 0; i < n; i++) {
                        // canonical: a set bit is a nonnegative pre-activation; a cleared bit is negative or a row where h_q is identically 0
                        if (combos.active(c, q, i)) assertTrue(pre[q * n + i] >= 0, shape + " combo " + c + " node " + q + " row " + i);
                        else assertTrue(pre[q * n + i] <= 0, shape + " combo " + c + " node " + q + " row " + i);
                        if (q == shape.root()) rootActive |= combos.active(c, q, i);
                    }
                assertTrue(rootActive, "a combo with a zero feature was kept");
                double[] edges = combos.edgeWeights(c);
                for (int q = 0; q < nodes - 1; q++) assertEquals(edges[q] >= 0 ? 1 : -1, combos.sign(c, q), "sign of node " + q);
            }
            TreeComboSet again = TreeCombos.sample(data, shape, 400, 5);
            assertEquals(combos.size(), again.size());
            for (int c = 0; c < combos.size(); c++) assertEquals(key(combos, c), key(again, c));
            TreeComboSet prefix = TreeCombos.sample(data, shape, 100, 5);
            for (int c = 0; c < prefix.size(); c++) assertEquals(key(combos, c), key(prefix, c), "first draws are a prefix");
        }
    }

    @Test
    void combosOfWeightsAndUnionsDeduplicate() {
        Random rng = new Random(62);
        Dataset data = gaussian(rng, 10, 2);
        TreeShape shape = TreeShape.of(2, 2);
        TreeComboSet sampled = TreeCombos.sample(data, shape, 50, 1);
        int k = sampled.size(), ll = shape.leaves() * data.d(), le = shape.nodes() - 1;
        double[] leaves = new double[2 * k * ll], edges = new double[2 * k * le];
        for (int c = 0; c < k; c++)
            for (int copy = 0; copy < 2; copy++) {
                System.arraycopy(sampled.leafWeights(c), 0, leaves, (2 * c + copy) * ll, ll);
                System.arraycopy(sampled.edgeWeights(c), 0, edges, (2 * c + copy) * le, le);
            }
        TreeComboSet own = TreeCombos.of(data, shape, 2 * k, leaves, edges);
        assertEquals(k, own.size(), "each sub-network twice gives each combo once");
        for (int c = 0; c < k; c++) assertEquals(key(sampled, c), key(own, c));
        TreeComboSet union = TreeCombos.union(data, sampled, own, TreeCombos.sample(data, shape, 80, 2));
        Set<String> keys = new HashSet<>();
        for (int c = 0; c < union.size(); c++) assertTrue(keys.add(key(union, c)));
        for (int c = 0; c < k; c++) assertTrue(keys.contains(key(sampled, c)));
    }

    /** Copies old node (level, from) of a generating point to (level, to), its children in a random order. */
    private static void permute(TreeShape shape, int d, Random rng, int level, int to, int from, double[] leaves, double[] edges,
                                double[] newLeaves, double[] newEdges) {
        int oldNode = shape.node(level, from), newNode = shape.node(level, to);
        if (newNode != shape.root()) newEdges[newNode] = edges[oldNode];
        if (level == 1) {
            System.arraycopy(leaves, from * d, newLeaves, to * d, d);
            return;
        }
        int m = shape.width(level - 1);
        List<Integer> children = new java.util.ArrayList<>();
        for (int j = 0; j < m; j++) children.add(j);
        java.util.Collections.shuffle(children, rng);
        for (int j = 0; j < m; j++)
            permute(shape, d, rng, level - 1, to * m + j, from * m + children.get(j), leaves, edges, newLeaves, newEdges);
    }

    @Test
    void combosThatDifferByPermutedSubtreesAreOneCombo() {
        Random rng = new Random(64);
        for (TreeShape shape : List.of(TreeShape.of(2, 2), TreeShape.of(3, 1, 2), TreeShape.of(2, 3))) {
            Dataset data = gaussian(rng, 8, 2);
            TreeComboSet sampled = TreeCombos.sample(data, shape, 300, 4);
            int k = sampled.size(), ll = shape.leaves() * data.d(), le = shape.nodes() - 1;
            double[] leaves = new double[k * ll], edges = new double[k * le];
            for (int c = 0; c < k; c++) {
                double[] nl = new double[ll], ne = new double[le];
                permute(shape, data.d(), rng, shape.depth() - 1, 0, 0, sampled.leafWeights(c), sampled.edgeWeights(c), nl, ne);
                System.arraycopy(nl, 0, leaves, c * ll, ll);
                System.arraycopy(ne, 0, edges, c * le, le);
            }
            TreeComboSet permuted = TreeCombos.of(data, shape, k, leaves, edges);
            assertEquals(k, permuted.size(), shape + ": permuted generating points give as many combos");
            for (int c = 0; c < k; c++) assertEquals(key(sampled, c), key(permuted, c), shape + ": combo " + c);
        }
    }

    @Test
    void depthThreeConversionKeepsMasksAndSigns() {
        Random rng = new Random(63);
        Dataset data = gaussian(rng, 7, 2);
        ComboSet three = new ComboEnumerator().enumerate(data, 2);
        TreeComboSet tree = TreeComboSet.ofThreeLayer(three);
        assertEquals(three.size(), tree.size());
        for (int c = 0; c < three.size(); c++)
            for (int i = 0; i < data.n(); i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(three.firstActive(c, j, i), tree.active(c, j, i));
                    assertEquals(three.sign(c, j), tree.sign(c, j));
                }
                assertEquals(three.secondActive(c, i), tree.active(c, 2, i));
            }
    }

    @Test
    void treeShapesHaveTheirLimits() {
        TreeShape shape = TreeShape.uniform(3, 4);
        assertEquals(9, shape.leaves());
        assertEquals(9 + 3 + 1, shape.nodes());
        assertEquals(3, shape.group(2));
        assertEquals(9, shape.group(3));
        assertThrows(IllegalArgumentException.class, () -> TreeShape.uniform(2, 2));
        assertThrows(IllegalArgumentException.class, () -> TreeShape.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> TreeShape.uniform(3, 6));
        assertThrows(IllegalArgumentException.class, () -> TreeShape.uniform(1, TreeShape.MAX_DEPTH + 1));
    }
}
