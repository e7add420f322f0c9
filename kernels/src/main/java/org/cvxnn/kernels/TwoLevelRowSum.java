package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * The forward products of three-layer parallel networks (formulations §3.4–3.5) from one product
 * {@code P = X U}: per combo {@code c} the second-layer pre-activation
 * {@code z_c = Σ_j s_cj D_1cj P(:, c·m1 + j)} and, optionally, the prediction
 * {@code ŷ = Σ_c D_2c z_c}.
 *
 * <p>Column {@code c·m1 + j} of {@code panel} belongs to neuron {@code j} of combo {@code c}; its
 * first-layer mask is mask {@code firstMask1 + c·m1 + j} of {@code masks1} and its sign is
 * {@code signs[c·m1 + j]}; combo {@code c}'s second-layer mask is mask {@code firstMask2 + c} of
 * {@code masks2}. Both mask sets use {@code wpm} words per mask. Signs are doubles, normally
 * {@code ±1} (any value works as a weight).
 */
public abstract class TwoLevelRowSum {

    /** For the implementations in this module. */
    protected TwoLevelRowSum() {}

    /**
     * Computes {@code z(r, c) = Σ_{j < m1} bit(masks1, firstMask1 + c·m1 + j, r) · (signs[c·m1 + j] · panel(r, c·m1 + j))}
     * for {@code r < n}, {@code c < combos}, adding the neurons in order to {@code +0.0}. Entries whose
     * bit is 0 are skipped (a NaN there does not propagate). Rows {@code n .. ldz-1} of {@code z} are
     * left unchanged.
     *
     * @param panel      {@code n × (combos·m1)} column-major doubles, leading dimension {@code ld} (read)
     * @param ld         leading dimension of {@code panel}, {@code >= max(1, n)}
     * @param n          rows
     * @param combos     combos, {@code >= 0}
     * @param m1         first-layer neurons per combo, {@code >= 1}
     * @param signs      {@code combos·m1} doubles (read)
     * @param masks1     first-layer mask bitsets, one per column (read)
     * @param firstMask1 first-layer mask of column 0
     * @param wpm        words per mask, {@code >= ceil(n / 64)}
     * @param z          {@code n × combos} column-major doubles, leading dimension {@code ldz} (written);
     *                   must not overlap the inputs
     * @param ldz        leading dimension of {@code z}, {@code >= max(1, n)}
     * @throws IllegalArgumentException if a size is negative, {@code m1}, {@code ld}, {@code ldz} or
     *     {@code wpm} too small, or a segment too small or not 8-byte aligned
     */
    public final void preActivations(MemorySegment panel, int ld, int n, int combos, int m1, MemorySegment signs,
                                     MemorySegment masks1, long firstMask1, int wpm, MemorySegment z, int ldz) {
        int cols = Checks.comboColumns(combos, m1);
        checkFirstLayer(panel, ld, n, cols, signs, masks1, firstMask1, wpm);
        Checks.panel("z", z, ldz, n, combos);
        sumUnchecked(panel, ld, n, combos, m1, signs, masks1, firstMask1, null, 0, wpm, z, ldz, null, false);
    }

    /**
     * {@link #preActivations} and, in the same pass, the prediction
     * {@code out[r] = (accumulate ? out[r] : 0) + Σ_{c < combos} bit(masks2, firstMask2 + c, r) · z(r, c)}
     * for {@code r < n}, adding the combos in order and skipping entries whose bit is 0.
     *
     * @param masks2     second-layer mask bitsets, one per combo (read)
     * @param firstMask2 second-layer mask of combo 0
     * @param out        {@code n} doubles (written; read too if {@code accumulate}); must not overlap
     *                   the other segments
     * @param accumulate whether to add to {@code out} instead of overwriting it
     * @throws IllegalArgumentException as {@link #preActivations}, or if {@code masks2} or {@code out}
     *     is too small or misaligned
     * @see #preActivations for the other parameters
     */
    public final void sum(MemorySegment panel, int ld, int n, int combos, int m1, MemorySegment signs,
                          MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2, int wpm,
                          MemorySegment z, int ldz, MemorySegment out, boolean accumulate) {
        int cols = Checks.comboColumns(combos, m1);
        checkFirstLayer(panel, ld, n, cols, signs, masks1, firstMask1, wpm);
        Checks.masks("masks2", masks2, "firstMask2", firstMask2, combos, n, wpm);
        Checks.panel("z", z, ldz, n, combos);
        Checks.vector("out", out, n);
        sumUnchecked(panel, ld, n, combos, m1, signs, masks1, firstMask1, masks2, firstMask2, wpm, z, ldz, out, accumulate);
    }

    /**
     * {@link #sum} with arguments already validated; {@code out == null} (then {@code masks2} is
     * null too) computes {@code z} only, as {@link #preActivations}.
     */
    protected abstract void sumUnchecked(MemorySegment panel, int ld, int n, int combos, int m1, MemorySegment signs,
                                         MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2,
                                         int wpm, MemorySegment z, int ldz, MemorySegment out, boolean accumulate);

    private static void checkFirstLayer(MemorySegment panel, int ld, int n, int cols, MemorySegment signs,
                                        MemorySegment masks1, long firstMask1, int wpm) {
        Checks.panel("panel", panel, ld, n, cols);
        Checks.vector("signs", signs, cols);
        Checks.masks("masks1", masks1, "firstMask1", firstMask1, cols, n, wpm);
    }
}
