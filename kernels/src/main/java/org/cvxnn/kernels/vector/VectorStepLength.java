package org.cvxnn.kernels.vector;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.cvxnn.kernels.vector.Simd.LANES;
import static org.cvxnn.kernels.vector.Simd.ORDER;
import static org.cvxnn.kernels.vector.Simd.SPECIES;
import static org.cvxnn.kernels.vector.Simd.bytes;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.cvxnn.kernels.StepLength;

/**
 * {@link StepLength}: the orthant ratio test as blended vector divisions with four running minima;
 * for cones, the three dot products of each cone's tail in one vector pass, then the shared scalar
 * root formula {@link StepLength#coneStep}.
 */
final class VectorStepLength extends StepLength {

    @Override
    protected double orthantUnchecked(MemorySegment s, MemorySegment ds, long len) {
        DoubleVector inf = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector m0 = inf, m1 = inf, m2 = inf, m3 = inf;
        long k = 0;
        for (; len - k >= 4L * LANES; k += 4L * LANES) {
            m0 = m0.min(ratio(inf, s, ds, k));
            m1 = m1.min(ratio(inf, s, ds, k + LANES));
            m2 = m2.min(ratio(inf, s, ds, k + 2L * LANES));
            m3 = m3.min(ratio(inf, s, ds, k + 3L * LANES));
        }
        for (; len - k >= LANES; k += LANES) {
            m0 = m0.min(ratio(inf, s, ds, k));
        }
        double alpha = m0.min(m1).min(m2.min(m3)).reduceLanes(VectorOperators.MIN);
        for (; k < len; k++) {
            double d = ds.getAtIndex(JAVA_DOUBLE, k);
            if (d < 0) alpha = Math.min(alpha, -s.getAtIndex(JAVA_DOUBLE, k) / d);
        }
        return alpha;
    }

    /** {@code -s/ds} where {@code ds < 0}, {@code +∞} elsewhere, for the lanes at element {@code k}. */
    private static DoubleVector ratio(DoubleVector inf, MemorySegment s, MemorySegment ds, long k) {
        DoubleVector d = DoubleVector.fromMemorySegment(SPECIES, ds, bytes(k), ORDER);
        DoubleVector r = DoubleVector.fromMemorySegment(SPECIES, s, bytes(k), ORDER).neg().div(d);
        return inf.blend(r, d.compare(VectorOperators.LT, 0.0));
    }

    @Override
    protected double secondOrderConesUnchecked(MemorySegment x, MemorySegment dx, int coneDim, long coneCount) {
        double alpha = Double.POSITIVE_INFINITY;
        for (long k = 0; k < coneCount; k++) {
            long base = k * coneDim;
            long end = base + coneDim;
            DoubleVector vxx = DoubleVector.zero(SPECIES), vyy = vxx, vxy = vxx;
            long j = base + 1;
            for (; end - j >= LANES; j += LANES) {
                DoubleVector u = DoubleVector.fromMemorySegment(SPECIES, x, bytes(j), ORDER);
                DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, dx, bytes(j), ORDER);
                vxx = vxx.add(u.mul(u));
                vyy = vyy.add(v.mul(v));
                vxy = vxy.add(u.mul(v));
            }
            double xx = vxx.reduceLanes(VectorOperators.ADD);
            double yy = vyy.reduceLanes(VectorOperators.ADD);
            double xy = vxy.reduceLanes(VectorOperators.ADD);
            for (; j < end; j++) {
                double u = x.getAtIndex(JAVA_DOUBLE, j);
                double v = dx.getAtIndex(JAVA_DOUBLE, j);
                xx += u * u;
                yy += v * v;
                xy += u * v;
            }
            alpha = Math.min(alpha, coneStep(x.getAtIndex(JAVA_DOUBLE, base), dx.getAtIndex(JAVA_DOUBLE, base), xx, yy, xy));
        }
        return alpha;
    }
}
