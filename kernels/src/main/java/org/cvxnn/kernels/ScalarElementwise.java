package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link Elementwise}: one plain loop each, sums in index order. */
final class ScalarElementwise extends Elementwise {

    @Override
    protected void mulUnchecked(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        for (long k = 0; k < len; k++) {
            out.setAtIndex(JAVA_DOUBLE, k, a.getAtIndex(JAVA_DOUBLE, k) * b.getAtIndex(JAVA_DOUBLE, k));
        }
    }

    @Override
    protected void divUnchecked(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        for (long k = 0; k < len; k++) {
            out.setAtIndex(JAVA_DOUBLE, k, a.getAtIndex(JAVA_DOUBLE, k) / b.getAtIndex(JAVA_DOUBLE, k));
        }
    }

    @Override
    protected void axpbyUnchecked(double alpha, MemorySegment x, double beta, MemorySegment y,
                                  MemorySegment out, long len) {
        for (long k = 0; k < len; k++) {
            out.setAtIndex(JAVA_DOUBLE, k, alpha * x.getAtIndex(JAVA_DOUBLE, k) + beta * y.getAtIndex(JAVA_DOUBLE, k));
        }
    }

    @Override
    protected double dotUnchecked(MemorySegment a, MemorySegment b, long len) {
        double sum = 0;
        for (long k = 0; k < len; k++) sum += a.getAtIndex(JAVA_DOUBLE, k) * b.getAtIndex(JAVA_DOUBLE, k);
        return sum;
    }

    @Override
    protected double sumSquaresUnchecked(MemorySegment a, long len) {
        double sum = 0;
        for (long k = 0; k < len; k++) {
            double v = a.getAtIndex(JAVA_DOUBLE, k);
            sum += v * v;
        }
        return sum;
    }

    @Override
    protected double minUnchecked(MemorySegment a, long len) {
        double min = Double.POSITIVE_INFINITY;
        for (long k = 0; k < len; k++) min = Math.min(min, a.getAtIndex(JAVA_DOUBLE, k));
        return min;
    }

    @Override
    protected double maxAbsUnchecked(MemorySegment a, long len) {
        double max = 0;
        for (long k = 0; k < len; k++) max = Math.max(max, Math.abs(a.getAtIndex(JAVA_DOUBLE, k)));
        return max;
    }

    @Override
    protected void widenAddUnchecked(MemorySegment x, MemorySegment y, long len) {
        for (long k = 0; k < len; k++) y.setAtIndex(JAVA_DOUBLE, k, y.getAtIndex(JAVA_DOUBLE, k) + x.getAtIndex(JAVA_FLOAT, k));
    }

    @Override
    protected void narrowUnchecked(MemorySegment x, MemorySegment out, long len) {
        for (long k = 0; k < len; k++) out.setAtIndex(JAVA_FLOAT, k, (float) x.getAtIndex(JAVA_DOUBLE, k));
    }

    @Override
    protected void correctorRhsUnchecked(MemorySegment s, MemorySegment z, MemorySegment ds, MemorySegment dz,
                                         MemorySegment r, double sigmaMu, MemorySegment out, long len) {
        for (long k = 0; k < len; k++) {
            double v = s.getAtIndex(JAVA_DOUBLE, k) - r.getAtIndex(JAVA_DOUBLE, k)
                    + (ds.getAtIndex(JAVA_DOUBLE, k) * dz.getAtIndex(JAVA_DOUBLE, k) - sigmaMu) / z.getAtIndex(JAVA_DOUBLE, k);
            out.setAtIndex(JAVA_DOUBLE, k, v);
        }
    }
}
