package org.cvxnn.solver.arrangement;

import java.util.Arrays;
import java.util.Objects;

/**
 * An ordered list of distinct activation patterns {@code d_i = 1[X g_i >= 0]} of one data matrix,
 * each with the gate {@code g_i} that generates it (needed to build strictly feasible points and to
 * repair certificates; formulations §0, ipm.md §5.2).
 *
 * <p>Storage: pattern {@code i} occupies {@code wordsPerPattern} consecutive {@code long}s of
 * {@link #words()}, bit {@code r % 64} of word {@code r / 64} being row {@code r}; bits past
 * {@code n} are zero. Gates are stored row-major, {@code gateDim} values per pattern.
 *
 * <p>Instances are immutable: the arrays are owned by the set and never handed out for writing.
 */
public final class PatternSet {
    private final int n;
    private final int size;
    private final int gateDim;
    private final int wordsPerPattern;
    private final long[] words;
    private final double[] gates;

    /**
     * @param n        number of rows (samples) each pattern covers
     * @param gateDim  length of each gate (the feature count, including a bias column if any)
     * @param words    {@code size * wordsFor(n)} pattern words, as described above (copied)
     * @param gates    {@code size * gateDim} gate coordinates, row-major (copied)
     */
    public PatternSet(int n, int gateDim, long[] words, double[] gates) {
        if (n < 1) throw new IllegalArgumentException("patterns need n >= 1 rows, got " + n);
        if (gateDim < 1) throw new IllegalArgumentException("gate dimension must be >= 1, got " + gateDim);
        this.n = n;
        this.gateDim = gateDim;
        this.wordsPerPattern = wordsFor(n);
        if (words.length % wordsPerPattern != 0)
            throw new IllegalArgumentException("words.length " + words.length + " is not a multiple of " + wordsPerPattern);
        this.size = words.length / wordsPerPattern;
        if (gates.length != (long) size * gateDim)
            throw new IllegalArgumentException("gates has " + gates.length + " values, expected " + size + "*" + gateDim);
        long tailMask = (n % 64 == 0) ? -1L : (1L << (n % 64)) - 1;
        for (int i = 0; i < size; i++) {
            if ((words[i * wordsPerPattern + wordsPerPattern - 1] & ~tailMask) != 0)
                throw new IllegalArgumentException("pattern " + i + " has bits set past row n = " + n);
        }
        this.words = words.clone();
        this.gates = gates.clone();
    }

    /** Number of 64-bit words that hold one pattern of {@code n} rows. */
    public static int wordsFor(int n) {
        return (n + 63) >>> 6;
    }

    public int n() { return n; }

    /** Number of patterns P. */
    public int size() { return size; }

    public int gateDim() { return gateDim; }

    public int wordsPerPattern() { return wordsPerPattern; }

    /** Whether row {@code row} is active (1) in pattern {@code i}. */
    public boolean active(int i, int row) {
        return (words[i * wordsPerPattern + (row >>> 6)] >>> (row & 63) & 1L) != 0;
    }

    /** Number of active rows of pattern {@code i}. */
    public int activeCount(int i) {
        int c = 0;
        for (int k = 0; k < wordsPerPattern; k++) c += Long.bitCount(words[i * wordsPerPattern + k]);
        return c;
    }

    /** Copy of the words of pattern {@code i}. */
    public long[] patternWords(int i) {
        return Arrays.copyOfRange(words, i * wordsPerPattern, (i + 1) * wordsPerPattern);
    }

    /** Copies all pattern words into {@code dst} (length {@code size * wordsPerPattern}). */
    public void copyWordsTo(long[] dst) {
        System.arraycopy(words, 0, dst, 0, words.length);
    }

    /** Copy of gate {@code i}. */
    public double[] gate(int i) {
        return Arrays.copyOfRange(gates, i * gateDim, (i + 1) * gateDim);
    }

    /** The patterns {@code indices[0], indices[1], ...} of this set, in that order, with their gates. */
    public PatternSet subset(int[] indices) {
        long[] w = new long[indices.length * wordsPerPattern];
        double[] g = new double[indices.length * gateDim];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], size);
            System.arraycopy(words, i * wordsPerPattern, w, k * wordsPerPattern, wordsPerPattern);
            System.arraycopy(gates, i * gateDim, g, k * gateDim, gateDim);
        }
        return new PatternSet(n, gateDim, w, g);
    }

    /** Pattern {@code i} as a 0/1 vector of length n. */
    public double[] indicator(int i) {
        double[] v = new double[n];
        for (int r = 0; r < n; r++) v[r] = active(i, r) ? 1.0 : 0.0;
        return v;
    }
}
