package org.cvxnn.solver.arrangement;

import java.util.Arrays;

/**
 * A growing set of distinct bit patterns of {@code n} rows, each stored with the gate (or witness)
 * of the first time it was added. Patterns are found by hashing their words (open addressing), so
 * adding is O(words) on average and allocates nothing until the storage grows.
 *
 * <p>With a zero-feature mask, patterns with no active row inside the mask are refused and counted:
 * with the mask of the nonzero rows of X these are the patterns with {@code D X = 0}, i.e. the
 * all-zero pattern when X has no zero row (formulations §0; a zero row is active in every pattern,
 * since {@code 0 ≥ 0}).
 */
final class PatternCollector {
    private final int n;
    private final int wordsPerPattern;
    private final int gateDim;
    private final long[] featureMask;
    private long[] words;
    private double[] gates;
    private int[] hashes;
    private int[] table;
    private int size;
    private int duplicates;
    private int zeroFeatures;

    /**
     * @param n           rows per pattern
     * @param gateDim     values stored per pattern (may be 0)
     * @param featureMask {@code wordsFor(n)} words: a pattern without an active row here is refused;
     *                    {@code null} to keep every pattern
     */
    PatternCollector(int n, int gateDim, long[] featureMask) {
        this.n = n;
        this.wordsPerPattern = PatternSet.wordsFor(n);
        this.gateDim = gateDim;
        this.featureMask = featureMask;
        this.words = new long[16 * wordsPerPattern];
        this.gates = new double[16 * gateDim];
        this.hashes = new int[16];
        this.table = new int[32];
        Arrays.fill(table, -1);
    }

    /**
     * Adds the pattern {@code src[off .. off + wordsFor(n))} with the gate
     * {@code gate[gateOff .. gateOff + gateDim)} unless it is already present or a zero feature.
     *
     * @return whether the pattern was new and kept
     */
    boolean add(long[] src, int off, double[] gate, int gateOff) {
        if (featureMask != null && isZeroFeature(src, off)) {
            zeroFeatures++;
            return false;
        }
        int h = hash(src, off);
        int mask = table.length - 1;
        int slot = h & mask;
        for (int e; (e = table[slot]) >= 0; slot = (slot + 1) & mask) {
            if (hashes[e] == h && Arrays.equals(words, e * wordsPerPattern, (e + 1) * wordsPerPattern,
                    src, off, off + wordsPerPattern)) {
                duplicates++;
                return false;
            }
        }
        if (size == hashes.length) grow();
        System.arraycopy(src, off, words, size * wordsPerPattern, wordsPerPattern);
        System.arraycopy(gate, gateOff, gates, size * gateDim, gateDim);
        hashes[size] = h;
        table[slot] = size;
        size++;
        if (2 * size > table.length) rehash();
        return true;
    }

    private boolean isZeroFeature(long[] src, int off) {
        for (int k = 0; k < wordsPerPattern; k++) {
            if ((src[off + k] & featureMask[k]) != 0) return false;
        }
        return true;
    }

    private int hash(long[] src, int off) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < wordsPerPattern; k++) {
            h = (h ^ src[off + k]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        int capacity = hashes.length * 2;
        if ((long) capacity * wordsPerPattern > Integer.MAX_VALUE - 8)
            throw new IllegalStateException("too many patterns to store: " + size + " of " + n + " rows");
        words = Arrays.copyOf(words, capacity * wordsPerPattern);
        gates = Arrays.copyOf(gates, capacity * gateDim);
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

    /** Patterns refused because they were already present. */
    int duplicates() { return duplicates; }

    /** Patterns refused as zero features. */
    int zeroFeatures() { return zeroFeatures; }

    /** The stored values of pattern {@code i} (a copy). */
    double[] gate(int i) {
        return Arrays.copyOfRange(gates, i * gateDim, (i + 1) * gateDim);
    }

    /**
     * The patterns and gates kept so far, in insertion order.
     *
     * @param source what produced the patterns, for the error message (e.g. "10 random gates")
     * @throws IllegalArgumentException if no pattern was kept
     */
    PatternSet toPatternSet(String source) {
        if (size == 0) {
            int rows = 0;
            if (featureMask != null) for (long w : featureMask) rows += Long.bitCount(w);
            throw new IllegalArgumentException("no activation pattern left: the " + source
                    + " only gave zero features (D X = 0)" + (rows == 0 ? "; X has no nonzero row"
                    : "; X has " + rows + " nonzero rows of " + n + ", so other gates would give patterns"));
        }
        return new PatternSet(n, gateDim, Arrays.copyOf(words, size * wordsPerPattern), Arrays.copyOf(gates, size * gateDim));
    }
}
