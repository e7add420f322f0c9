package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Expansion of one vector into a panel of masked copies {@code [D_1 r, D_2 r, …]}, so that
 * {@code Xᵀ(D_i r)} for all masks is one matrix product.
 */
public abstract class MaskedPanel {

    /** For the implementations in this module. */
    protected MaskedPanel() {}

    /**
     * Writes {@code panel(:, c) = mask(firstMaskIndex + c) ∘ r} for every column {@code c < cols}:
     * {@code panel(i, c) = r[i]} where the bit is 1, {@code +0.0} where it is 0. Rows
     * {@code n .. ld-1} are left unchanged.
     *
     * @param r              {@code n} doubles (read); must not overlap {@code panel}
     * @param n              rows
     * @param cols           columns, one mask each
     * @param maskWords      mask bitsets (read)
     * @param firstMaskIndex mask of column 0
     * @param wpm            words per mask, {@code >= ceil(n / 64)}
     * @param panel          {@code n × cols} column-major doubles, leading dimension {@code ld} (written)
     * @param ld             leading dimension of {@code panel}, {@code >= max(1, n)}
     * @throws IllegalArgumentException if a size is negative, {@code ld} or {@code wpm} too small, or
     *     a segment too small or not 8-byte aligned
     */
    public final void expand(MemorySegment r, int n, int cols,
                             MemorySegment maskWords, long firstMaskIndex, int wpm,
                             MemorySegment panel, int ld) {
        Checks.vector("r", r, n);
        Checks.masks("maskWords", maskWords, firstMaskIndex, cols, n, wpm);
        Checks.panel("panel", panel, ld, n, cols);
        expandUnchecked(r, n, cols, maskWords, firstMaskIndex, wpm, panel, ld);
    }

    /** {@link #expand} with arguments already validated. */
    protected abstract void expandUnchecked(MemorySegment r, int n, int cols,
                                            MemorySegment maskWords, long firstMaskIndex, int wpm,
                                            MemorySegment panel, int ld);
}
