package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Masked row sums {@code out = Σ_c D_c P(:, c)}: the network prediction
 * {@code ŷ = Σ_i D_i (X U)(:, i)} from one product {@code X U} and the mask bits.
 */
public abstract class MaskedRowSum {

    /** For the implementations in this module. */
    protected MaskedRowSum() {}

    /**
     * Computes {@code out[r] = (accumulate ? out[r] : 0) + Σ_{c < cols} bit(mask firstMaskIndex + c, r) · panel(r, c)}
     * for {@code r < n}, adding the columns in order. Entries whose bit is 0 are skipped, not
     * multiplied by zero (a NaN there does not propagate).
     *
     * @param panel          {@code n × cols} column-major doubles, leading dimension {@code ld} (read)
     * @param ld             leading dimension of {@code panel}, {@code >= max(1, n)}
     * @param n              rows
     * @param cols           columns, one mask each
     * @param maskWords      mask bitsets (read)
     * @param firstMaskIndex mask of column 0
     * @param wpm            words per mask, {@code >= ceil(n / 64)}
     * @param out            {@code n} doubles (written; read too if {@code accumulate}); must not overlap {@code panel}
     * @param accumulate     whether to add to {@code out} instead of overwriting it
     * @throws IllegalArgumentException if a size is negative, {@code ld} or {@code wpm} too small, or
     *     a segment too small or not 8-byte aligned
     */
    public final void sum(MemorySegment panel, int ld, int n, int cols,
                          MemorySegment maskWords, long firstMaskIndex, int wpm,
                          MemorySegment out, boolean accumulate) {
        Checks.panel("panel", panel, ld, n, cols);
        Checks.masks("maskWords", maskWords, firstMaskIndex, cols, n, wpm);
        Checks.vector("out", out, n);
        sumUnchecked(panel, ld, n, cols, maskWords, firstMaskIndex, wpm, out, accumulate);
    }

    /** {@link #sum} with arguments already validated. */
    protected abstract void sumUnchecked(MemorySegment panel, int ld, int n, int cols,
                                         MemorySegment maskWords, long firstMaskIndex, int wpm,
                                         MemorySegment out, boolean accumulate);
}
