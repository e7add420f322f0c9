package org.cvxnn.solver.combo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxnn.solver.arrangement.PatternSet;

/**
 * An ordered list of distinct combos of a three-layer parallel ReLU sub-network
 * (formulations §3.4): combo {@code c = (D_{1,1..m1}; s_{1..m1}; D_2)} has one first-layer mask
 * {@code D_1j = 1[X w_1j ≥ 0]} and one sign {@code s_j = sign(w_2j)} per first-layer neuron, and one
 * second-layer mask {@code D_2 = 1[z ≥ 0]} of {@code z = Σ_j s_j D_1j X u_j}, {@code u_j = w_1j |w_2j|}.
 * Each combo comes with a generating point: first-layer weights {@code W1} ({@code d × m1}) and
 * second-layer weights {@code w2} ({@code m1}) whose masks, signs and canonical second-layer mask are
 * exactly the combo's (needed for strictly feasible starts and certificate repair).
 *
 * <p>Canonical form (as produced by {@link ComboSampler} and {@link ComboEnumerator}): the neurons
 * of a combo are an unordered multiset, stored sorted — positive signs first, then by mask words in
 * increasing unsigned order, word 0 first; {@code D_2} is 0 on rows where it does not matter
 * ({@code z_i ≡ 0}: zero rows of X and rows where no neuron is active), 1 on rows whose active
 * neurons are all positive, 0 on rows whose active neurons are all negative, and the sign of
 * {@code z_i} on the other (mixed) rows. Combos with a zero feature are absent: those with
 * {@code D_2 D_1j X = 0} for every j (in particular all-negative sign vectors) and those with a
 * neuron whose mask is a zero feature ({@code D_1j X = 0}).
 *
 * <p>Storage: masks use the bit layout of {@link PatternSet} ({@link #wordsPerMask()} words per
 * mask, bit {@code r % 64} of word {@code r / 64} is row r). Instances are immutable.
 */
public final class ComboSet {
    private final int n;
    private final int d;
    private final int m1;
    private final int size;
    private final int wordsPerMask;
    private final long[] firstWords;
    private final byte[] signs;
    private final long[] secondWords;
    private final double[] firstWeights;
    private final double[] secondWeights;

    /**
     * @param n             number of rows each mask covers
     * @param d             feature count of the data (including a bias column if any)
     * @param m1            first-layer neurons per combo
     * @param firstWords    first-layer masks, {@code size * m1 * wordsFor(n)} words: mask j of
     *                      combo c starts at {@code (c * m1 + j) * wordsFor(n)} (copied)
     * @param signs         {@code size * m1} signs, each +1 or −1; sign j of combo c at {@code c * m1 + j} (copied)
     * @param secondWords   second-layer masks, {@code size * wordsFor(n)} words (copied)
     * @param firstWeights  generating first-layer weights, {@code size * d * m1}: combo c holds its
     *                      {@code d × m1} matrix {@code W1} column-major at {@code c * d * m1} (copied)
     * @param secondWeights generating second-layer weights, {@code size * m1} (copied)
     * @throws IllegalArgumentException if a size is not positive, the lengths do not match, a sign
     *     is not ±1, a mask has bits past row n, or a weight is not finite
     */
    public ComboSet(int n, int d, int m1, long[] firstWords, byte[] signs, long[] secondWords,
                    double[] firstWeights, double[] secondWeights) {
        if (n < 1) throw new IllegalArgumentException("combos need n >= 1 rows, got " + n);
        if (d < 1) throw new IllegalArgumentException("combos need d >= 1 features, got " + d);
        if (m1 < 1) throw new IllegalArgumentException("combos need m1 >= 1 first-layer neurons, got " + m1);
        this.n = n;
        this.d = d;
        this.m1 = m1;
        this.wordsPerMask = PatternSet.wordsFor(n);
        if (secondWords.length % wordsPerMask != 0)
            throw new IllegalArgumentException("secondWords has " + secondWords.length + " words, not a multiple of " + wordsPerMask);
        this.size = secondWords.length / wordsPerMask;
        length("firstWords", firstWords.length, (long) size * m1 * wordsPerMask);
        length("signs", signs.length, (long) size * m1);
        length("firstWeights", firstWeights.length, (long) size * d * m1);
        length("secondWeights", secondWeights.length, (long) size * m1);
        for (int k = 0; k < signs.length; k++) {
            if (signs[k] != 1 && signs[k] != -1)
                throw new IllegalArgumentException("sign " + (k % m1) + " of combo " + (k / m1) + " is " + signs[k] + ", must be +1 or -1");
        }
        checkTail("first-layer mask", firstWords);
        checkTail("second-layer mask", secondWords);
        finite("firstWeights", firstWeights);
        finite("secondWeights", secondWeights);
        this.firstWords = firstWords.clone();
        this.signs = signs.clone();
        this.secondWords = secondWords.clone();
        this.firstWeights = firstWeights.clone();
        this.secondWeights = secondWeights.clone();
    }

    private static void length(String name, int actual, long expected) {
        if (actual != expected)
            throw new IllegalArgumentException(name + " has " + actual + " values, expected " + expected);
    }

    private void checkTail(String what, long[] words) {
        long tail = (n % 64 == 0) ? -1L : (1L << (n % 64)) - 1;
        for (int k = wordsPerMask - 1; k < words.length; k += wordsPerMask) {
            if ((words[k] & ~tail) != 0)
                throw new IllegalArgumentException(what + " " + (k / wordsPerMask) + " has bits set past row n = " + n);
        }
    }

    private static void finite(String name, double[] v) {
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) throw new IllegalArgumentException(name + "[" + k + "] is " + v[k] + "; must be finite");
        }
    }

    public int n() { return n; }

    /** Feature count of the data (the length of each first-layer weight vector). */
    public int d() { return d; }

    /** First-layer neurons per combo. */
    public int m1() { return m1; }

    /** Number of combos C. */
    public int size() { return size; }

    public int wordsPerMask() { return wordsPerMask; }

    /** Whether row {@code row} is active in the first-layer mask of neuron {@code j} of combo {@code c}. */
    public boolean firstActive(int c, int j, int row) {
        return bit(firstWords, (c * m1 + j) * wordsPerMask, row);
    }

    /** Sign +1 or −1 of neuron {@code j} of combo {@code c}. */
    public int sign(int c, int j) {
        return signs[c * m1 + j];
    }

    /** Whether row {@code row} is active in the second-layer mask of combo {@code c}. */
    public boolean secondActive(int c, int row) {
        return bit(secondWords, c * wordsPerMask, row);
    }

    private static boolean bit(long[] words, int off, int row) {
        return (words[off + (row >>> 6)] >>> (row & 63) & 1L) != 0;
    }

    /** Copy of the first-layer mask words of neuron {@code j} of combo {@code c}. */
    public long[] firstLayerWords(int c, int j) {
        int off = (c * m1 + j) * wordsPerMask;
        return Arrays.copyOfRange(firstWords, off, off + wordsPerMask);
    }

    /** Copy of the second-layer mask words of combo {@code c}. */
    public long[] secondLayerWords(int c) {
        return Arrays.copyOfRange(secondWords, c * wordsPerMask, (c + 1) * wordsPerMask);
    }

    /** Copy of the generating first-layer weights of combo {@code c}: {@code d × m1}, column-major (column j is {@code w_1j}). */
    public double[] firstLayerWeights(int c) {
        return Arrays.copyOfRange(firstWeights, c * d * m1, (c + 1) * d * m1);
    }

    /** Copy of the generating second-layer weights {@code w2} of combo {@code c} (length m1). */
    public double[] secondLayerWeights(int c) {
        return Arrays.copyOfRange(secondWeights, c * m1, (c + 1) * m1);
    }

    /** First-layer mask of neuron {@code j} of combo {@code c} as a 0/1 vector of length n. */
    public double[] firstLayerIndicator(int c, int j) {
        double[] v = new double[n];
        for (int r = 0; r < n; r++) v[r] = firstActive(c, j, r) ? 1.0 : 0.0;
        return v;
    }

    /** The masks and signs of every combo, without the generating points (e.g. to write a combo file). */
    public ComboMasks masks() {
        List<ComboMasks.Combo> list = new ArrayList<>(size);
        for (int c = 0; c < size; c++) {
            List<ComboMasks.Neuron> neurons = new ArrayList<>(m1);
            for (int j = 0; j < m1; j++) {
                boolean[] mask = new boolean[n];
                for (int r = 0; r < n; r++) mask[r] = firstActive(c, j, r);
                neurons.add(new ComboMasks.Neuron(mask, sign(c, j)));
            }
            boolean[] second = new boolean[n];
            for (int r = 0; r < n; r++) second[r] = secondActive(c, r);
            list.add(new ComboMasks.Combo(neurons, second));
        }
        return new ComboMasks(n, m1, list);
    }

    /** Second-layer mask of combo {@code c} as a 0/1 vector of length n. */
    public double[] secondLayerIndicator(int c) {
        double[] v = new double[n];
        for (int r = 0; r < n; r++) v[r] = secondActive(c, r) ? 1.0 : 0.0;
        return v;
    }
}
