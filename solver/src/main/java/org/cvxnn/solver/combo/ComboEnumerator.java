package org.cvxnn.solver.combo;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * All combos of a data matrix for sub-networks with {@code m1} first-layer neurons: every canonical
 * combo (see {@link ComboSet}) realised by some {@code (W1, w2)} strictly, i.e. with
 * {@code x_iᵀw_1j ≠ 0} on every nonzero row and {@code z_i ≠ 0} on every mixed row (formulations
 * §3.7, §6.3). Non-strict realisations add nothing: their constraint sets lie in the closures of the
 * strict ones.
 *
 * <p>Steps: enumerate the first-layer patterns P_1 ({@link ExactEnumerator}; zero features are
 * dropped there, so no combo has a dead neuron); refuse if the estimate below exceeds
 * {@link ComboEnumerationSettings#maxCombos()}; then for every multiset of m1 neurons
 * (pattern, sign) with at least one positive sign, split the product cone
 * {@code Π_j K_{a_j} ⊂ R^{m1·d}} by the hyperplanes {@code (s_j 1[i ∈ S_j] x_i)_j} of the mixed rows
 * i (rows with active neurons of both signs) with max-margin LPs; every full-dimensional cell gives
 * one second-layer mask and its witness is the generating point ({@code w_1j} = block j,
 * {@code w_2j = s_j}). Cells whose features are all zero are dropped. Deterministic.
 *
 * <p>Estimate: bound (3.10) applied per multiset, {@code Σ coverCount(|U|, m1·d)} over the
 * multisets with a positive sign, U their mixed rows (1 when U is empty) — the second-layer
 * hyperplanes live in a space of dimension ≤ m1·rank(X) ≤ m1·d. Every such multiset gives at least
 * one combo, so their number is a lower bound on the count and is checked first.
 */
public final class ComboEnumerator {
    private final ComboEnumerationSettings settings;

    /** An enumerator with {@link ComboEnumerationSettings#defaults()}. */
    public ComboEnumerator() {
        this(ComboEnumerationSettings.defaults());
    }

    public ComboEnumerator(ComboEnumerationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * All combos of {@code data.x()} with m1 first-layer neurons, with strictly generating points.
     *
     * @throws IllegalArgumentException if {@code m1 < 1}, if the first layer cannot be enumerated,
     *     or if the estimate exceeds the limit (the message gives it and suggests sampling)
     */
    public ComboSet enumerate(Dataset data, int m1) {
        if (m1 < 1) throw new IllegalArgumentException("m1 (first-layer neurons per sub-network) must be >= 1, got " + m1);
        PatternSet cells = firstLayer(data);
        checkLimit(data, m1, cells);
        NeuronMultiset neurons = new NeuronMultiset(data, cells, m1);
        ComboCollector collector = new ComboCollector(data, m1);
        int[] multiset = new int[m1];
        double[] w2 = new double[m1];
        do {
            neurons.select(multiset);
            for (int j = 0; j < m1; j++) w2[j] = neurons.sign(j);
            List<double[]> points = SecondLayerCells.witnesses(neurons.coneRows(), neurons.coneRowCount(),
                    neurons.planes(), neurons.planeCount(), m1 * data.d(), neurons.start(), settings.tolerance());
            for (double[] w1 : points) {
                ComboCollector.Outcome outcome = collector.add(w1, 0, w2, 0);
                if (outcome == ComboCollector.Outcome.DUPLICATE || outcome == ComboCollector.Outcome.DEAD_NEURON)
                    throw new IllegalStateException("second-layer cell of neuron multiset " + Arrays.toString(multiset)
                            + " was not reproduced by its witness (" + outcome + "); the data is too degenerate for tolerance "
                            + settings.tolerance());
            }
        } while (next(multiset, cells.size()));
        return collector.toComboSet("exact enumeration");
    }

    private PatternSet firstLayer(Dataset data) {
        try {
            return new ExactEnumerator(settings.firstLayer()).enumerate(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("exact combo enumeration: first layer: " + e.getMessage()
                    + " (for combos, sample with ComboSampler.sample)", e);
        }
    }

    /**
     * Advances {@code multiset} (non-decreasing neuron indices; index k is pattern {@code k mod P}
     * with sign + for {@code k < P}, − otherwise) to the next one whose first neuron is positive.
     */
    private static boolean next(int[] multiset, int patterns) {
        for (int p = multiset.length - 1; p >= 0; p--) {
            if (multiset[p] < 2 * patterns - 1) {
                int v = multiset[p] + 1;
                for (int q = p; q < multiset.length; q++) multiset[q] = v;
                return multiset[0] < patterns;
            }
        }
        return false;
    }

    private void checkLimit(Dataset data, int m1, PatternSet cells) {
        int p = cells.size();
        BigInteger multisets = binomial(2 * p + m1 - 1, m1).subtract(binomial(p + m1 - 1, m1));
        String first = "the first layer has P1 = " + p + " patterns, so the " + multisets
                + " multisets of m1 = " + m1 + " neurons (pattern, sign) with a positive sign";
        if (multisets.compareTo(BigInteger.valueOf(settings.maxCombos())) > 0)
            throw refusal(first + " give at least as many combos", multisets.toString());
        long estimate = estimate(data, m1, cells);
        if (estimate > settings.maxCombos())
            throw refusal(first + " give up to " + estimate + " combos (bound (3.10) per multiset)",
                    estimate == Long.MAX_VALUE ? "2^63" : Long.toString(estimate));
    }

    private IllegalArgumentException refusal(String why, String estimate) {
        return new IllegalArgumentException("exact combo enumeration refused: estimated " + estimate + " combos: " + why
                + ", more than maxCombos = " + settings.maxCombos()
                + "; sample combos instead (ComboSampler.sample) or raise the limit");
    }

    /** {@code Σ coverCount(|U|, m1·d)} over the multisets with a positive sign, saturated (at most maxCombos multisets). */
    private long estimate(Dataset data, int m1, PatternSet cells) {
        int p = cells.size(), wpm = cells.wordsPerPattern();
        long[] nonzero = ComboCollector.nonzeroRows(data);
        long[] positive = new long[wpm], negative = new long[wpm];
        int[] multiset = new int[m1];
        long sum = 0;
        do {
            Arrays.fill(positive, 0L);
            Arrays.fill(negative, 0L);
            for (int k : multiset) {
                long[] target = k < p ? positive : negative;
                long[] words = cells.patternWords(k % p);
                for (int w = 0; w < wpm; w++) target[w] |= words[w];
            }
            int mixed = 0;
            for (int w = 0; w < wpm; w++) mixed += Long.bitCount(positive[w] & negative[w] & nonzero[w]);
            long cellsHere = mixed == 0 ? 1 : ExactEnumerator.coverCount(mixed, m1 * data.d());
            sum = cellsHere > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + cellsHere;
        } while (next(multiset, p));
        return sum;
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < k; i++) b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return b;
    }
}
