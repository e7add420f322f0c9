package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Row masking of a panel in place: zero the rows a mask switches off, each mask covering a run of
 * consecutive columns (forms the chunks {@code Z = [D_i X R_i]} of the Schur complement).
 */
public abstract class RowMasking {

    /** For the implementations in this module. */
    protected RowMasking() {}

    /**
     * Sets {@code panel(r, c) = +0.0} wherever bit {@code r} of mask
     * {@code firstMaskIndex + c / colsPerMask} is 0; other entries, and rows {@code n .. ld-1},
     * are left unchanged (NaN included).
     *
     * @param panel          {@code n × cols} column-major doubles, leading dimension {@code ld} (read and written)
     * @param ld             leading dimension of {@code panel}, {@code >= max(1, n)}
     * @param n              rows
     * @param cols           columns
     * @param colsPerMask    consecutive columns sharing one mask, {@code >= 1}
     * @param maskWords      mask bitsets (read)
     * @param firstMaskIndex mask of columns {@code 0 .. colsPerMask-1}
     * @param wpm            words per mask, {@code >= ceil(n / 64)}
     * @throws IllegalArgumentException if a size is negative, {@code ld}, {@code wpm} or
     *     {@code colsPerMask} too small, or a segment too small or not 8-byte aligned
     */
    public final void apply(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                            MemorySegment maskWords, long firstMaskIndex, int wpm) {
        Checks.panel("panel", panel, ld, n, cols);
        Checks.positive("colsPerMask", colsPerMask);
        Checks.masks("maskWords", maskWords, firstMaskIndex, (cols + colsPerMask - 1L) / colsPerMask, n, wpm);
        applyUnchecked(panel, ld, n, cols, colsPerMask, maskWords, firstMaskIndex, wpm);
    }

    /**
     * The masked panel rounded to single precision in one pass (the single-precision Schur chunks):
     * {@code out(r, c) = (float) panel(r, c)} where the bit is 1 and {@code +0.0f} where it is 0;
     * {@code panel} is only read.
     *
     * @param out {@code n × cols} column-major floats, leading dimension {@code max(1, n)} (written)
     * @throws IllegalArgumentException as for {@link #apply}, or if {@code out} is too small or not
     *     4-byte aligned
     */
    public final void narrow(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                             MemorySegment maskWords, long firstMaskIndex, int wpm, MemorySegment out) {
        Checks.panel("panel", panel, ld, n, cols);
        Checks.positive("colsPerMask", colsPerMask);
        Checks.masks("maskWords", maskWords, firstMaskIndex, (cols + colsPerMask - 1L) / colsPerMask, n, wpm);
        Checks.floats("out", out, (long) n * cols);
        narrowUnchecked(panel, ld, n, cols, colsPerMask, maskWords, firstMaskIndex, wpm, out);
    }

    /** {@link #narrow} with arguments already validated. */
    protected abstract void narrowUnchecked(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                                            MemorySegment maskWords, long firstMaskIndex, int wpm, MemorySegment out);

    /** {@link #apply} with arguments already validated. */
    protected abstract void applyUnchecked(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                                           MemorySegment maskWords, long firstMaskIndex, int wpm);
}
