package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Sign-pattern extraction: the bitset {@code 1[P(:, c) >= 0]} of every column of a panel
 * (activation patterns {@code 1[X g >= 0]} from one product {@code X G}).
 */
public abstract class SignPatterns {

    /** For the implementations in this module. */
    protected SignPatterns() {}

    /**
     * Writes mask {@code firstMaskIndex + c} = {@code 1[panel(:, c) >= 0]} for every column
     * {@code c < cols}. All {@code wpm} words of each such mask are overwritten: bits past {@code n}
     * become 0. {@code -0.0} gives a 1 bit, NaN a 0 bit. Nothing else is modified.
     *
     * @param panel          {@code n × cols} column-major doubles, leading dimension {@code ld} (read)
     * @param ld             leading dimension of {@code panel}, {@code >= max(1, n)}
     * @param n              rows
     * @param cols           columns, one mask each
     * @param maskWords      mask bitsets (written)
     * @param firstMaskIndex mask written for column 0
     * @param wpm            words per mask, {@code >= ceil(n / 64)}
     * @throws IllegalArgumentException if a size is negative, {@code ld} or {@code wpm} too small, or
     *     a segment too small or not 8-byte aligned
     */
    public final void extract(MemorySegment panel, int ld, int n, int cols,
                              MemorySegment maskWords, long firstMaskIndex, int wpm) {
        Checks.panel("panel", panel, ld, n, cols);
        Checks.masks("maskWords", maskWords, firstMaskIndex, cols, n, wpm);
        extractUnchecked(panel, ld, n, cols, maskWords, firstMaskIndex, wpm);
    }

    /** {@link #extract} with arguments already validated. */
    protected abstract void extractUnchecked(MemorySegment panel, int ld, int n, int cols,
                                             MemorySegment maskWords, long firstMaskIndex, int wpm);
}
