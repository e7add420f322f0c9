package org.cvxnn.solver.arrangement;

import java.util.SplittableRandom;
import org.cvxnn.solver.data.Dataset;

/**
 * Activation patterns {@code d = 1[X g ≥ 0]} from given or random gates (formulations §6.1).
 * Duplicates are removed (the first gate of each pattern is kept) and so are zero features,
 * patterns with {@code D X = 0}: the all-zero pattern, or, if X has zero rows (which are active in
 * every pattern), the pattern with only those rows active.
 *
 * <p>A sampled set gives an achievable upper bound on the training objective (formulations §1.4);
 * {@link ExactEnumerator} gives all patterns.
 */
public final class PatternSampler {

    private PatternSampler() {}

    /**
     * Patterns of {@code gateCount} random gates {@code g ~ N(0, I_d)}.
     *
     * <p>The gates are drawn from one {@code new SplittableRandom(seed)} stream with
     * {@link SplittableRandom#nextGaussian()}, gate after gate, coordinate after coordinate, so the
     * result depends only on the data, {@code gateCount} and {@code seed} (and the first {@code k}
     * gates of a larger request are the gates of a request for {@code k}).
     *
     * @param data      the data X (including a bias column if the model has one)
     * @param gateCount number of gates to draw, at least 1; the result has at most this many patterns
     * @param seed      seed of the random stream
     * @throws IllegalArgumentException if {@code gateCount < 1} or no pattern is left
     */
    public static SampledPatterns sample(Dataset data, int gateCount, long seed) {
        if (gateCount < 1) throw new IllegalArgumentException("gateCount must be >= 1, got " + gateCount);
        SplittableRandom random = new SplittableRandom(seed);
        PatternCollector collector = GateBlocks.collect(data, gateCount, (dst, first, count) -> {
            for (int k = 0; k < count * data.d(); k++) dst[k] = random.nextGaussian();
        });
        PatternSet patterns = collector.toPatternSet(gateCount + " random gates");
        return new SampledPatterns(patterns, gateCount, collector.duplicates(), collector.zeroFeatures());
    }

    /**
     * Patterns of the given gates, in order; duplicates and zero features dropped.
     *
     * @param gates gates of length {@code data.d()} each
     * @throws IllegalArgumentException if a gate has the wrong length or a non-finite value, there
     *     is no gate, or no pattern is left
     */
    public static PatternSet fromGates(Dataset data, double[][] gates) {
        if (gates.length == 0) throw new IllegalArgumentException("no gates given");
        int d = data.d();
        for (int k = 0; k < gates.length; k++) {
            if (gates[k].length != d)
                throw new IllegalArgumentException("gate " + k + " has " + gates[k].length + " values, expected d = " + d
                        + " (the data's feature count, including its bias column if it has one)");
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(gates[k][j]))
                    throw new IllegalArgumentException("gate " + k + " has value " + gates[k][j] + " at " + j + "; gates must be finite");
            }
        }
        PatternCollector collector = GateBlocks.collect(data, gates.length, (dst, first, count) -> {
            for (int k = 0; k < count; k++) System.arraycopy(gates[first + k], 0, dst, k * d, d);
        });
        return collector.toPatternSet(gates.length + " given gates");
    }
}
