package org.cvxnn.solver.combo;

import java.util.SplittableRandom;
import org.cvxnn.solver.data.Dataset;

/**
 * Combos of random sub-networks (formulations §6.1): draw {@code W1 ~ N(0, I)} ({@code d × m1}) and
 * {@code w2 ~ N(0, I_m1)}, read the masks, signs and second-layer mask, canonicalise and
 * deduplicate (see {@link ComboSet} for the canonical form and what is dropped). A sampled set gives
 * an achievable upper bound on the three-layer training objective; {@link ComboEnumerator} gives
 * all combos.
 */
public final class ComboSampler {

    private ComboSampler() {}

    /**
     * Combos of {@code count} random points.
     *
     * <p>All values come from one {@code new SplittableRandom(seed)} stream with
     * {@link SplittableRandom#nextGaussian()}, draw after draw; within a draw first the
     * {@code d · m1} entries of {@code W1} column after column (neuron j's d weights, j = 1..m1), then
     * the {@code m1} entries of {@code w2}. So the result depends only on the data, {@code m1},
     * {@code count} and {@code seed}, and the first k draws of a larger request are those of a
     * request for k. The generating point stored with a combo is its first draw (neurons permuted
     * into canonical order).
     *
     * @param data  the data X (including a bias column if the model has one)
     * @param m1    first-layer neurons per sub-network, at least 1
     * @param count number of points to draw, at least 1; the result has at most this many combos
     * @param seed  seed of the random stream
     * @throws IllegalArgumentException if {@code m1 < 1}, {@code count < 1}, or no combo is left
     */
    public static SampledCombos sample(Dataset data, int m1, int count, long seed) {
        if (m1 < 1) throw new IllegalArgumentException("m1 (first-layer neurons per sub-network) must be >= 1, got " + m1);
        if (count < 1) throw new IllegalArgumentException("count (points to draw) must be >= 1, got " + count);
        int d = data.d();
        SplittableRandom random = new SplittableRandom(seed);
        ComboCollector collector = new ComboCollector(data, m1);
        double[] w1 = new double[d * m1];
        double[] w2 = new double[m1];
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < w1.length; k++) w1[k] = random.nextGaussian();
            for (int j = 0; j < m1; j++) w2[j] = random.nextGaussian();
            collector.add(w1, 0, w2, 0);
        }
        ComboSet combos = collector.toComboSet(count + " random draws");
        return new SampledCombos(combos, count, collector.duplicates(), collector.zeroFeatures(), collector.deadNeurons());
    }
}
