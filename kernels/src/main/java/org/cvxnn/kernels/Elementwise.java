package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Elementwise arithmetic and reductions on long vectors of doubles (residuals, scalings and
 * complementarity products of an interior-point iteration).
 *
 * <p>{@code out} may be the same segment as an input (in-place update); partially overlapping
 * segments are not supported. Elementwise results equal the scalar expressions exactly; reductions
 * may add in a different order than a plain loop, so they agree with it to rounding.
 */
public abstract class Elementwise {

    /** For the implementations in this module. */
    protected Elementwise() {}

    /**
     * {@code out = a ∘ b}.
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final void mul(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        binary(a, b, out, len);
        mulUnchecked(a, b, out, len);
    }

    /**
     * {@code out = a / b} elementwise.
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final void div(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        binary(a, b, out, len);
        divUnchecked(a, b, out, len);
    }

    /**
     * {@code out = alpha x + beta y}, each element rounded as {@code alpha * x + beta * y} (no fused
     * multiply-add).
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final void axpby(double alpha, MemorySegment x, double beta, MemorySegment y, MemorySegment out, long len) {
        Checks.vector("x", x, len);
        Checks.vector("y", y, len);
        Checks.vector("out", out, len);
        axpbyUnchecked(alpha, x, beta, y, out, len);
    }

    /**
     * {@code Σ a[k] b[k]} (0 if {@code len = 0}).
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final double dot(MemorySegment a, MemorySegment b, long len) {
        Checks.vector("a", a, len);
        Checks.vector("b", b, len);
        return dotUnchecked(a, b, len);
    }

    /**
     * {@code Σ a[k]²} (0 if {@code len = 0}).
     *
     * @throws IllegalArgumentException if the segment is too small or misaligned
     */
    public final double sumSquares(MemorySegment a, long len) {
        Checks.vector("a", a, len);
        return sumSquaresUnchecked(a, len);
    }

    /**
     * {@code max |a[k]|} (0 if {@code len = 0}; NaN if any element is NaN).
     *
     * @throws IllegalArgumentException if the segment is too small or misaligned
     */
    public final double maxAbs(MemorySegment a, long len) {
        Checks.vector("a", a, len);
        return maxAbsUnchecked(a, len);
    }

    /**
     * The orthant part of the interior-point corrector's right-hand side in one pass:
     * {@code out = s − r + (ds∘dz − sigmaMu) / z}, each element rounded as written (no fused
     * multiply-add). {@code out} may be one of the inputs.
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final void correctorRhs(MemorySegment s, MemorySegment z, MemorySegment ds, MemorySegment dz, MemorySegment r,
                                   double sigmaMu, MemorySegment out, long len) {
        Checks.vector("s", s, len);
        Checks.vector("z", z, len);
        Checks.vector("ds", ds, len);
        Checks.vector("dz", dz, len);
        Checks.vector("r", r, len);
        Checks.vector("out", out, len);
        correctorRhsUnchecked(s, z, ds, dz, r, sigmaMu, out, len);
    }

    /**
     * {@code y[k] = y[k] + x[k]} for floats {@code x} and doubles {@code y} (exact widening, one
     * rounding in the addition).
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final void widenAdd(MemorySegment x, MemorySegment y, long len) {
        Checks.floats("x", x, len);
        Checks.vector("y", y, len);
        widenAddUnchecked(x, y, len);
    }

    /**
     * {@code out[k] = (float) x[k]}: rounds doubles to the nearest float.
     *
     * @throws IllegalArgumentException if a segment is too small or misaligned
     */
    public final void narrow(MemorySegment x, MemorySegment out, long len) {
        Checks.vector("x", x, len);
        Checks.floats("out", out, len);
        narrowUnchecked(x, out, len);
    }

    /**
     * {@code min a[k]} (+∞ if {@code len = 0}; NaN if any element is NaN).
     *
     * @throws IllegalArgumentException if the segment is too small or misaligned
     */
    public final double min(MemorySegment a, long len) {
        Checks.vector("a", a, len);
        return minUnchecked(a, len);
    }

    /** {@link #narrow} with arguments already validated. */
    protected abstract void narrowUnchecked(MemorySegment x, MemorySegment out, long len);

    /** {@link #mul} with arguments already validated. */
    protected abstract void mulUnchecked(MemorySegment a, MemorySegment b, MemorySegment out, long len);

    /** {@link #div} with arguments already validated. */
    protected abstract void divUnchecked(MemorySegment a, MemorySegment b, MemorySegment out, long len);

    /** {@link #axpby} with arguments already validated. */
    protected abstract void axpbyUnchecked(double alpha, MemorySegment x, double beta, MemorySegment y,
                                           MemorySegment out, long len);

    /** {@link #dot} with arguments already validated. */
    protected abstract double dotUnchecked(MemorySegment a, MemorySegment b, long len);

    /** {@link #sumSquares} with arguments already validated. */
    protected abstract double sumSquaresUnchecked(MemorySegment a, long len);

    /** {@link #correctorRhs} with arguments already validated. */
    protected abstract void correctorRhsUnchecked(MemorySegment s, MemorySegment z, MemorySegment ds, MemorySegment dz,
                                                  MemorySegment r, double sigmaMu, MemorySegment out, long len);

    /** {@link #widenAdd} with arguments already validated. */
    protected abstract void widenAddUnchecked(MemorySegment x, MemorySegment y, long len);

    /** {@link #min} with arguments already validated. */
    protected abstract double minUnchecked(MemorySegment a, long len);

    /** {@link #maxAbs} with arguments already validated. */
    protected abstract double maxAbsUnchecked(MemorySegment a, long len);

    private static void binary(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        Checks.vector("a", a, len);
        Checks.vector("b", b, len);
        Checks.vector("out", out, len);
    }
}
