package org.cvxnn.solver.combo;

import java.util.Arrays;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * A growing set of distinct canonical combos (see {@link ComboSet}), each stored with the point
 * {@code (W1, w2)} that first produced it. A point is read on the data: masks
 * {@code D_1j = 1[X w_1j ≥ 0]}, signs {@code s_j = +1 if w_2j ≥ 0 else −1},
 * {@code z = Σ_j w_2j (X w_1j)_+}, second-layer mask {@code 1[z ≥ 0]} on the mixed rows; it is
 * then canonicalised (neurons sorted, {@code D_2} fixed on the other rows) and looked up by hashing
 * its words (open addressing).
 */
final class ComboCollector {

    /** What {@link #add} did with a point. */
    enum Outcome {
        /** A new combo, kept. */
        ADDED,
        /** The combo was already present. */
        DUPLICATE,
        /** Every feature {@code D_2 D_1j X} is zero (e.g. all signs negative); refused. */
        ZERO_FEATURE,
        /** Some neuron's mask is a zero feature ({@code D_1j X = 0}); refused. */
        DEAD_NEURON
    }

    private final Dataset data;
    private final int n;
    private final int d;
    private final int m1;
    private final int wpm;
    private final int signWords;
    private final int keyLength;
    private final long[] nonzeroRows;
    // scratch of one point
    private final double[] product;
    private final long[] masks;
    private final boolean[] negative;
    private final int[] order;
    private final long[] key;
    // storage
    private long[] keys;
    private double[] points;
    private int[] hashes;
    private int[] table;
    private int size;
    private int duplicates;
    private int zeroFeatures;
    private int deadNeurons;

    ComboCollector(Dataset data, int m1) {
        this.data = data;
        this.n = data.n();
        this.d = data.d();
        this.m1 = m1;
        this.wpm = PatternSet.wordsFor(n);
        this.signWords = (m1 + 63) >>> 6;
        this.keyLength = (m1 + 1) * wpm + signWords;
        this.nonzeroRows = nonzeroRows(data);
        this.product = new double[n * m1];
        this.masks = new long[m1 * wpm];
        this.negative = new boolean[m1];
        this.order = new int[m1];
        this.key = new long[keyLength];
        this.keys = new long[16 * keyLength];
        this.points = new double[16 * pointLength()];
        this.hashes = new int[16];
        this.table = new int[32];
        Arrays.fill(table, -1);
    }

    private int pointLength() {
        return (d + 1) * m1;
    }

    /**
     * Reads, canonicalises and adds the point {@code (W1, w2)}.
     *
     * @param w1    {@code d × m1} first-layer weights, column-major, at {@code w1[w1Off ..]}
     * @param w2    {@code m1} second-layer weights at {@code w2[w2Off ..]}
     */
    Outcome add(double[] w1, int w1Off, double[] w2, int w2Off) {
        double[] x = data.x();
        Arrays.fill(masks, 0L);
        for (int j = 0; j < m1; j++) {
            int col = j * n;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += x[i + k * n] * w1[w1Off + j * d + k];
                product[col + i] = s;
                if (s >= 0) masks[j * wpm + (i >>> 6)] |= 1L << (i & 63);
            }
            if (!intersects(masks, j * wpm, nonzeroRows)) {
                deadNeurons++;
                return Outcome.DEAD_NEURON;
            }
            negative[j] = !(w2[w2Off + j] >= 0);
        }
        if (!secondLayerMask(w2, w2Off)) {
            zeroFeatures++;
            return Outcome.ZERO_FEATURE;
        }
        sortNeurons();
        for (int p = 0; p < m1; p++) {
            System.arraycopy(masks, order[p] * wpm, key, p * wpm, wpm);
            if (negative[order[p]]) key[m1 * wpm + (p >>> 6)] |= 1L << (p & 63);
        }
        return insert(w1, w1Off, w2, w2Off);
    }

    /**
     * Clears the key and writes the canonical second-layer mask into its tail.
     *
     * @return whether the mask has an active nonzero row, i.e. some feature is nonzero
     */
    private boolean secondLayerMask(double[] w2, int w2Off) {
        Arrays.fill(key, 0L);
        int off = m1 * wpm + signWords;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            int word = i >>> 6;
            long bit = 1L << (i & 63);
            if ((nonzeroRows[word] & bit) == 0) continue;
            boolean pos = false, neg = false;
            double z = 0;
            for (int j = 0; j < m1; j++) {
                if ((masks[j * wpm + word] & bit) == 0) continue;
                if (negative[j]) neg = true;
                else pos = true;
                z += w2[w2Off + j] * product[j * n + i];
            }
            if (pos && (!neg || z >= 0)) {
                key[off + word] |= bit;
                any = true;
            }
        }
        return any;
    }

    /** Insertion sort of the neuron indices: positive signs first, then masks in increasing unsigned order. */
    private void sortNeurons() {
        for (int p = 0; p < m1; p++) {
            int j = order[p] = p;
            int q = p;
            while (q > 0 && compare(order[q - 1], j) > 0) {
                order[q] = order[q - 1];
                q--;
            }
            order[q] = j;
        }
    }

    private int compare(int a, int b) {
        if (negative[a] != negative[b]) return negative[a] ? 1 : -1;
        return Arrays.compareUnsigned(masks, a * wpm, (a + 1) * wpm, masks, b * wpm, (b + 1) * wpm);
    }

    private Outcome insert(double[] w1, int w1Off, double[] w2, int w2Off) {
        int h = hash(key);
        int mask = table.length - 1;
        int slot = h & mask;
        for (int e; (e = table[slot]) >= 0; slot = (slot + 1) & mask) {
            if (hashes[e] == h && Arrays.equals(keys, e * keyLength, (e + 1) * keyLength, key, 0, keyLength)) {
                duplicates++;
                return Outcome.DUPLICATE;
            }
        }
        if (size == hashes.length) grow();
        System.arraycopy(key, 0, keys, size * keyLength, keyLength);
        int pl = pointLength();
        for (int p = 0; p < m1; p++) {
            int j = order[p];
            System.arraycopy(w1, w1Off + j * d, points, size * pl + p * d, d);
            points[size * pl + m1 * d + p] = w2[w2Off + j];
        }
        hashes[size] = h;
        table[slot] = size;
        size++;
        if (2 * size > table.length) rehash();
        return Outcome.ADDED;
    }

    private static int hash(long[] words) {
        long h = 0x9E3779B97F4A7C15L;
        for (long w : words) {
            h = (h ^ w) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        int capacity = hashes.length * 2;
        if ((long) capacity * keyLength > Integer.MAX_VALUE - 8 || (long) capacity * pointLength() > Integer.MAX_VALUE - 8)
            throw new IllegalStateException("too many combos to store: " + size + " of " + n + " rows and m1 = " + m1);
        keys = Arrays.copyOf(keys, capacity * keyLength);
        points = Arrays.copyOf(points, capacity * pointLength());
        hashes = Arrays.copyOf(hashes, capacity);
    }

    private void rehash() {
        table = new int[table.length * 2];
        Arrays.fill(table, -1);
        int mask = table.length - 1;
        for (int e = 0; e < size; e++) {
            int slot = hashes[e] & mask;
            while (table[slot] >= 0) slot = (slot + 1) & mask;
            table[slot] = e;
        }
    }

    int size() { return size; }

    int duplicates() { return duplicates; }

    int zeroFeatures() { return zeroFeatures; }

    int deadNeurons() { return deadNeurons; }

    /**
     * The combos kept so far, in insertion order.
     *
     * @param source what produced the points, for the error message (e.g. "1000 random draws")
     * @throws IllegalArgumentException if no combo was kept
     */
    ComboSet toComboSet(String source) {
        if (size == 0)
            throw new IllegalArgumentException("no combo left: the " + source + " only gave zero features ("
                    + zeroFeatures + " with D_2 D_1j X = 0 for all j, " + deadNeurons + " with a neuron D_1j X = 0)"
                    + (Arrays.stream(nonzeroRows).allMatch(w -> w == 0) ? "; X has no nonzero row" : ""));
        long[] first = new long[size * m1 * wpm];
        byte[] signs = new byte[size * m1];
        long[] second = new long[size * wpm];
        double[] w1 = new double[size * d * m1];
        double[] w2 = new double[size * m1];
        int pl = pointLength();
        for (int c = 0; c < size; c++) {
            int off = c * keyLength;
            System.arraycopy(keys, off, first, c * m1 * wpm, m1 * wpm);
            for (int p = 0; p < m1; p++) {
                boolean neg = (keys[off + m1 * wpm + (p >>> 6)] >>> (p & 63) & 1L) != 0;
                signs[c * m1 + p] = (byte) (neg ? -1 : 1);
            }
            System.arraycopy(keys, off + m1 * wpm + signWords, second, c * wpm, wpm);
            System.arraycopy(points, c * pl, w1, c * d * m1, d * m1);
            System.arraycopy(points, c * pl + d * m1, w2, c * m1, m1);
        }
        return new ComboSet(n, d, m1, first, signs, second, w1, w2);
    }

    private static boolean intersects(long[] a, int off, long[] b) {
        for (int k = 0; k < b.length; k++) {
            if ((a[off + k] & b[k]) != 0) return true;
        }
        return false;
    }

    /** Bit mask of the rows of X with at least one nonzero entry. */
    static long[] nonzeroRows(Dataset data) {
        int n = data.n();
        long[] mask = new long[PatternSet.wordsFor(n)];
        double[] x = data.x();
        for (int k = 0; k < x.length; k++) {
            if (x[k] != 0.0) mask[(k % n) >>> 6] |= 1L << ((k % n) & 63);
        }
        return mask;
    }
}
