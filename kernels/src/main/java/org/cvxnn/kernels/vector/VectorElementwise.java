package org.cvxnn.kernels.vector;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.cvxnn.kernels.vector.Simd.HALF_FLOATS;
import static org.cvxnn.kernels.vector.Simd.LANES;
import static org.cvxnn.kernels.vector.Simd.ORDER;
import static org.cvxnn.kernels.vector.Simd.SPECIES;
import static org.cvxnn.kernels.vector.Simd.bytes;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.cvxnn.kernels.Elementwise;

/**
 * {@link Elementwise} with one vector per step for the maps (memory-bound) and four accumulators
 * for the reductions. No {@code fma}: it would round differently from the reference, and without
 * hardware FMA the Vector API falls back to a very slow software path.
 */
final class VectorElementwise extends Elementwise {

    private static final long UNROLLED = 4L * LANES;


    @Override
    protected void mulUnchecked(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        long k = 0;
        for (; len - k >= LANES; k += LANES) {
            long at = bytes(k);
            load(a, at).mul(load(b, at)).intoMemorySegment(out, at, ORDER);
        }
        for (; k < len; k++) {
            out.setAtIndex(JAVA_DOUBLE, k, a.getAtIndex(JAVA_DOUBLE, k) * b.getAtIndex(JAVA_DOUBLE, k));
        }
    }

    @Override
    protected void divUnchecked(MemorySegment a, MemorySegment b, MemorySegment out, long len) {
        long k = 0;
        for (; len - k >= LANES; k += LANES) {
            long at = bytes(k);
            load(a, at).div(load(b, at)).intoMemorySegment(out, at, ORDER);
        }
        for (; k < len; k++) {
            out.setAtIndex(JAVA_DOUBLE, k, a.getAtIndex(JAVA_DOUBLE, k) / b.getAtIndex(JAVA_DOUBLE, k));
        }
    }

    @Override
    protected void axpbyUnchecked(double alpha, MemorySegment x, double beta, MemorySegment y,
                                  MemorySegment out, long len) {
        long k = 0;
        for (; len - k >= LANES; k += LANES) {
            long at = bytes(k);
            load(x, at).mul(alpha).add(load(y, at).mul(beta)).intoMemorySegment(out, at, ORDER);
        }
        for (; k < len; k++) {
            out.setAtIndex(JAVA_DOUBLE, k, alpha * x.getAtIndex(JAVA_DOUBLE, k) + beta * y.getAtIndex(JAVA_DOUBLE, k));
        }
    }

    @Override
    protected double dotUnchecked(MemorySegment a, MemorySegment b, long len) {
        DoubleVector s0 = DoubleVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        long k = 0;
        for (; len - k >= UNROLLED; k += UNROLLED) {
            long at = bytes(k);
            long step = bytes(LANES);
            s0 = s0.add(load(a, at).mul(load(b, at)));
            s1 = s1.add(load(a, at + step).mul(load(b, at + step)));
            s2 = s2.add(load(a, at + 2 * step).mul(load(b, at + 2 * step)));
            s3 = s3.add(load(a, at + 3 * step).mul(load(b, at + 3 * step)));
        }
        for (; len - k >= LANES; k += LANES) {
            long at = bytes(k);
            s0 = s0.add(load(a, at).mul(load(b, at)));
        }
        double sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) sum += a.getAtIndex(JAVA_DOUBLE, k) * b.getAtIndex(JAVA_DOUBLE, k);
        return sum;
    }

    @Override
    protected double sumSquaresUnchecked(MemorySegment a, long len) {
        DoubleVector s0 = DoubleVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        long k = 0;
        for (; len - k >= UNROLLED; k += UNROLLED) {
            long at = bytes(k);
            long step = bytes(LANES);
            DoubleVector v0 = load(a, at), v1 = load(a, at + step), v2 = load(a, at + 2 * step), v3 = load(a, at + 3 * step);
            s0 = s0.add(v0.mul(v0));
            s1 = s1.add(v1.mul(v1));
            s2 = s2.add(v2.mul(v2));
            s3 = s3.add(v3.mul(v3));
        }
        for (; len - k >= LANES; k += LANES) {
            DoubleVector v = load(a, bytes(k));
            s0 = s0.add(v.mul(v));
        }
        double sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) {
            double v = a.getAtIndex(JAVA_DOUBLE, k);
            sum += v * v;
        }
        return sum;
    }

    @Override
    protected double minUnchecked(MemorySegment a, long len) {
        DoubleVector m0 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        long k = 0;
        for (; len - k >= UNROLLED; k += UNROLLED) {
            long at = bytes(k);
            long step = bytes(LANES);
            m0 = m0.min(load(a, at));
            m1 = m1.min(load(a, at + step));
            m2 = m2.min(load(a, at + 2 * step));
            m3 = m3.min(load(a, at + 3 * step));
        }
        for (; len - k >= LANES; k += LANES) {
            m0 = m0.min(load(a, bytes(k)));
        }
        double min = m0.min(m1).min(m2.min(m3)).reduceLanes(VectorOperators.MIN);
        for (; k < len; k++) min = Math.min(min, a.getAtIndex(JAVA_DOUBLE, k));
        return min;
    }

    @Override
    protected double maxAbsUnchecked(MemorySegment a, long len) {
        DoubleVector m0 = DoubleVector.zero(SPECIES), m1 = m0, m2 = m0, m3 = m0;
        long k = 0;
        for (; len - k >= UNROLLED; k += UNROLLED) {
            long at = bytes(k);
            long step = bytes(LANES);
            m0 = m0.max(load(a, at).abs());
            m1 = m1.max(load(a, at + step).abs());
            m2 = m2.max(load(a, at + 2 * step).abs());
            m3 = m3.max(load(a, at + 3 * step).abs());
        }
        for (; len - k >= LANES; k += LANES) {
            m0 = m0.max(load(a, bytes(k)).abs());
        }
        double max = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; k < len; k++) max = Math.max(max, Math.abs(a.getAtIndex(JAVA_DOUBLE, k)));
        return max;
    }

    @Override
    protected void correctorRhsUnchecked(MemorySegment s, MemorySegment z, MemorySegment ds, MemorySegment dz,
                                         MemorySegment r, double sigmaMu, MemorySegment out, long len) {
        long k = 0;
        for (; len - k >= LANES; k += LANES) {
            long at = bytes(k);
            DoubleVector centred = load(ds, at).mul(load(dz, at)).sub(sigmaMu).div(load(z, at));
            load(s, at).sub(load(r, at)).add(centred).intoMemorySegment(out, at, ORDER);
        }
        for (; k < len; k++) {
            double v = s.getAtIndex(JAVA_DOUBLE, k) - r.getAtIndex(JAVA_DOUBLE, k)
                    + (ds.getAtIndex(JAVA_DOUBLE, k) * dz.getAtIndex(JAVA_DOUBLE, k) - sigmaMu) / z.getAtIndex(JAVA_DOUBLE, k);
            out.setAtIndex(JAVA_DOUBLE, k, v);
        }
    }

    @Override
    protected void widenAddUnchecked(MemorySegment x, MemorySegment y, long len) {
        long k = 0;
        for (; len - k >= LANES; k += LANES) {
            long at = bytes(k);
            DoubleVector wide = (DoubleVector) FloatVector.fromMemorySegment(HALF_FLOATS, x, k * Float.BYTES, ORDER)
                    .convertShape(VectorOperators.F2D, SPECIES, 0);
            load(y, at).add(wide).intoMemorySegment(y, at, ORDER);
        }
        for (; k < len; k++) y.setAtIndex(JAVA_DOUBLE, k, y.getAtIndex(JAVA_DOUBLE, k) + x.getAtIndex(JAVA_FLOAT, k));
    }

    @Override
    protected void narrowUnchecked(MemorySegment x, MemorySegment out, long len) {
        long k = 0;
        for (; len - k >= LANES; k += LANES) {
            load(x, bytes(k)).convertShape(VectorOperators.D2F, HALF_FLOATS, 0).intoMemorySegment(out, k * Float.BYTES, ORDER);
        }
        for (; k < len; k++) out.setAtIndex(JAVA_FLOAT, k, (float) x.getAtIndex(JAVA_DOUBLE, k));
    }

    private static DoubleVector load(MemorySegment seg, long byteOffset) {
        return DoubleVector.fromMemorySegment(SPECIES, seg, byteOffset, ORDER);
    }
}
