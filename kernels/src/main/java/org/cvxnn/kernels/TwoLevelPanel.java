package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * The transpose side of {@link TwoLevelRowSum}: expands one vector {@code r} into the panel
 * {@code Q(:, c·m1 + j) = s_cj D_1cj D_2c r}, so that one product {@code Xᵀ Q} gives
 * {@code A_cᵀ r} for every combo (formulations §3.9). Masks, signs and column order are those of
 * {@link TwoLevelRowSum}.
 */
public abstract class TwoLevelPanel {

    /** For the implementations in this module. */
    protected TwoLevelPanel() {}

    /**
     * Writes {@code panel(i, k) = signs[k] · r[i]} where bit {@code i} of both first-layer mask
     * {@code firstMask1 + k} and second-layer mask {@code firstMask2 + k / m1} is 1, and {@code +0.0}
     * elsewhere, for {@code i < n}, {@code k < combos·m1}. Rows {@code n .. ld-1} are left unchanged.
     *
     * @param r          {@code n} doubles (read); must not overlap {@code panel}
     * @param n          rows
     * @param combos     combos, {@code >= 0}
     * @param m1         first-layer neurons per combo, {@code >= 1}
     * @param signs      {@code combos·m1} doubles (read)
     * @param masks1     first-layer mask bitsets, one per column (read)
     * @param firstMask1 first-layer mask of column 0
     * @param masks2     second-layer mask bitsets, one per combo (read)
     * @param firstMask2 second-layer mask of combo 0
     * @param wpm        words per mask, {@code >= ceil(n / 64)}
     * @param panel      {@code n × (combos·m1)} column-major doubles, leading dimension {@code ld} (written)
     * @param ld         leading dimension of {@code panel}, {@code >= max(1, n)}
     * @throws IllegalArgumentException if a size is negative, {@code m1}, {@code ld} or {@code wpm}
     *     too small, or a segment too small or not 8-byte aligned
     */
    public final void expand(MemorySegment r, int n, int combos, int m1, MemorySegment signs,
                             MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2, int wpm,
                             MemorySegment panel, int ld) {
        int cols = Checks.comboColumns(combos, m1);
        Checks.vector("r", r, n);
        Checks.vector("signs", signs, cols);
        Checks.masks("masks1", masks1, "firstMask1", firstMask1, cols, n, wpm);
        Checks.masks("masks2", masks2, "firstMask2", firstMask2, combos, n, wpm);
        Checks.panel("panel", panel, ld, n, cols);
        expandUnchecked(r, n, combos, m1, signs, masks1, firstMask1, masks2, firstMask2, wpm, panel, ld);
    }

    /** {@link #expand} with arguments already validated. */
    protected abstract void expandUnchecked(MemorySegment r, int n, int combos, int m1, MemorySegment signs,
                                            MemorySegment masks1, long firstMask1, MemorySegment masks2,
                                            long firstMask2, int wpm, MemorySegment panel, int ld);
}
