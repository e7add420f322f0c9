package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Scaled sign flips by mask, {@code out = α (2D − I) in} column by column: the constraint rows
 * {@code (2D_1 − I) X u} of the first layer and {@code (2D_2 − I) z} of the second (formulations
 * §3.4–3.5) in one read and one write, in place or into another panel.
 */
public abstract class SignFlip {

    /** For the implementations in this module. */
    protected SignFlip() {}

    /**
     * Writes {@code out(r, c) = f · in(r, c)} with {@code f = alpha} where bit {@code r} of mask
     * {@code firstMaskIndex + c / colsPerMask} is 1 and {@code f = -alpha} where it is 0, for
     * {@code r < n}, {@code c < cols} (each element one rounded product). Rows {@code n .. ldOut-1}
     * of {@code out} are left unchanged.
     *
     * @param in             {@code n × cols} column-major doubles, leading dimension {@code ldIn} (read)
     * @param ldIn           leading dimension of {@code in}, {@code >= max(1, n)}
     * @param n              rows
     * @param cols           columns
     * @param colsPerMask    consecutive columns sharing one mask, {@code >= 1}
     * @param maskWords      mask bitsets (read)
     * @param firstMaskIndex mask of columns {@code 0 .. colsPerMask-1}
     * @param wpm            words per mask, {@code >= ceil(n / 64)}
     * @param alpha          scale factor (e.g. 1, or −1 for {@code (I − 2D) in})
     * @param out            {@code n × cols} column-major doubles, leading dimension {@code ldOut}
     *                       (written); may be {@code in} itself when {@code ldOut == ldIn}, must not
     *                       overlap it otherwise
     * @param ldOut          leading dimension of {@code out}, {@code >= max(1, n)}
     * @throws IllegalArgumentException if a size is negative, {@code ldIn}, {@code ldOut}, {@code wpm}
     *     or {@code colsPerMask} too small, or a segment too small or not 8-byte aligned
     */
    public final void apply(MemorySegment in, int ldIn, int n, int cols, int colsPerMask,
                            MemorySegment maskWords, long firstMaskIndex, int wpm, double alpha,
                            MemorySegment out, int ldOut) {
        Checks.panel("in", in, ldIn, n, cols);
        Checks.positive("colsPerMask", colsPerMask);
        Checks.masks("maskWords", maskWords, firstMaskIndex, (cols + colsPerMask - 1L) / colsPerMask, n, wpm);
        Checks.panel("out", out, ldOut, n, cols);
        combineUnchecked(in, ldIn, n, cols, colsPerMask, maskWords, firstMaskIndex, wpm, alpha, null, 0.0, null, out, ldOut);
    }

    /**
     * The flip combined with a second panel and weights in one pass:
     * {@code out(r, c) = w(r, c)·(f·in(r, c) + beta·b(r, c))} with {@code f = ±alpha} as in
     * {@link #apply}, rounded in that order (no fused multiply-add) — e.g. the orthant part of
     * {@code H⁻¹(GΔx − b)} in an interior-point solve. {@code b} and {@code w} are laid out like
     * {@code in} (leading dimension {@code ldIn}); {@code out} may be {@code in}, {@code b} or
     * {@code w} when {@code ldOut == ldIn}.
     *
     * @param b    {@code n × cols} (read); not read, and may be null, when {@code beta = 0}
     * @param beta factor of {@code b}
     * @param w    {@code n × cols} weights (read), or null for none
     * @throws IllegalArgumentException as for {@link #apply}, or if {@code b} is null with
     *     {@code beta ≠ 0}
     */
    public final void combine(MemorySegment in, int ldIn, int n, int cols, int colsPerMask,
                              MemorySegment maskWords, long firstMaskIndex, int wpm, double alpha,
                              MemorySegment b, double beta, MemorySegment w, MemorySegment out, int ldOut) {
        Checks.panel("in", in, ldIn, n, cols);
        Checks.positive("colsPerMask", colsPerMask);
        Checks.masks("maskWords", maskWords, firstMaskIndex, (cols + colsPerMask - 1L) / colsPerMask, n, wpm);
        Checks.panel("out", out, ldOut, n, cols);
        if (beta != 0) Checks.panel("b", b, ldIn, n, cols);
        if (w != null) Checks.panel("w", w, ldIn, n, cols);
        combineUnchecked(in, ldIn, n, cols, colsPerMask, maskWords, firstMaskIndex, wpm, alpha,
                beta != 0 ? b : null, beta, w, out, ldOut);
    }

    /** {@link #combine} with arguments already validated; {@code b} is null exactly when beta = 0. */
    protected abstract void combineUnchecked(MemorySegment in, int ldIn, int n, int cols, int colsPerMask,
                                             MemorySegment maskWords, long firstMaskIndex, int wpm, double alpha,
                                             MemorySegment b, double beta, MemorySegment w, MemorySegment out, int ldOut);
}
