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
        return sample(data, m1, count, seed, new double[0], new double[0]);
    }

    /**
     * The combos of the given points (e.g. the sub-networks of a trained network, so that the set
     * covers them), then those of {@code count} random draws exactly as {@link #sample(Dataset, int, int, long)}.
     *
     * @param w1 first-layer weights of the given points, {@code d·m1} per point in the layout of a draw
     *           (that of {@code ParallelThreeLayerNetwork.w1()})
     * @param w2 second-layer weights, {@code m1} per point
     * @throws IllegalArgumentException as {@link #sample(Dataset, int, int, long)}, or if the point
     *                                  arrays do not hold the same number of whole points
     */
    public static SampledCombos sample(Dataset data, int m1, int count, long seed, double[] w1, double[] w2) {
        if (m1 < 1) throw new IllegalArgumentException("m1 (first-layer neurons per sub-network) must be >= 1, got " + m1);
        if (count < 1) throw new IllegalArgumentException("count (points to draw) must be >= 1, got " + count);
        int d = data.d(), given = w2.length / m1;
        if (w2.length % m1 != 0 || w1.length != (long) given * d * m1)
            throw new IllegalArgumentException("the given points have " + w1.length + " first-layer and " + w2.length
                    + " second-layer weights; expected d·m1 = " + d * m1 + " and m1 = " + m1 + " per point");
        ComboCollector collector = new ComboCollector(data, m1);
        for (int p = 0; p < given; p++) collector.add(w1, p * d * m1, w2, p * m1);
        SplittableRandom random = new SplittableRandom(seed);
        double[] r1 = new double[d * m1];
        double[] r2 = new double[m1];
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < r1.length; k++) r1[k] = random.nextGaussian();
            for (int j = 0; j < m1; j++) r2[j] = random.nextGaussian();
            collector.add(r1, 0, r2, 0);
        }
        ComboSet combos = collector.toComboSet(given == 0 ? count + " random draws" : given + " given points and " + count + " random draws");
        return new SampledCombos(combos, count, collector.duplicates(), collector.zeroFeatures(), collector.deadNeurons());
    }
}
