package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link StepLength}. */
final class ScalarStepLength extends StepLength {

    @Override
    protected double orthantUnchecked(MemorySegment s, MemorySegment ds, long len) {
        double alpha = Double.POSITIVE_INFINITY;
        for (long k = 0; k < len; k++) {
            double d = ds.getAtIndex(JAVA_DOUBLE, k);
            if (d < 0) alpha = Math.min(alpha, -s.getAtIndex(JAVA_DOUBLE, k) / d);
        }
        return alpha;
    }

    @Override
    protected double secondOrderConesUnchecked(MemorySegment x, MemorySegment dx, int coneDim, long coneCount) {
        double alpha = Double.POSITIVE_INFINITY;
        for (long k = 0; k < coneCount; k++) {
            long base = k * coneDim;
            double xx = 0, yy = 0, xy = 0;
            for (long j = base + 1; j < base + coneDim; j++) {
                double u = x.getAtIndex(JAVA_DOUBLE, j);
                double v = dx.getAtIndex(JAVA_DOUBLE, j);
                xx += u * u;
                yy += v * v;
                xy += u * v;
            }
            double step = coneStep(x.getAtIndex(JAVA_DOUBLE, base), dx.getAtIndex(JAVA_DOUBLE, base), xx, yy, xy);
            alpha = Math.min(alpha, step);
        }
        return alpha;
    }
}
