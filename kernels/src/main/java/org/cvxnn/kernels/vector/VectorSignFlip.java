package org.cvxnn.kernels.vector;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.cvxnn.kernels.vector.Simd.LANES;
import static org.cvxnn.kernels.vector.Simd.ORDER;
import static org.cvxnn.kernels.vector.Simd.SPECIES;
import static org.cvxnn.kernels.vector.Simd.bytes;
import static org.cvxnn.kernels.vector.Simd.rows;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import org.cvxnn.kernels.SignFlip;

/**
 * {@link SignFlip} as load, multiply by the factor vector {@code ±alpha} chosen by the mask (a
 * blend of two broadcasts), optionally add {@code beta·b} and multiply by {@code w}, store: one
 * pass, the same rounded results as the reference. The null checks are loop-invariant.
 */
final class VectorSignFlip extends SignFlip {

    @Override
    protected void combineUnchecked(MemorySegment in, int ldIn, int n, int cols, int colsPerMask,
                                    MemorySegment maskWords, long firstMaskIndex, int wpm, double alpha,
                                    MemorySegment b, double beta, MemorySegment w, MemorySegment out, int ldOut) {
        DoubleVector on = DoubleVector.broadcast(SPECIES, alpha);
        DoubleVector off = DoubleVector.broadcast(SPECIES, -alpha);
        int used = (n + 63) >>> 6;
        for (int c = 0; c < cols; c++) {
            long source = (long) c * ldIn;
            long target = (long) c * ldOut;
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int word = 0; word < used; word++) {
                int from = word << 6;
                long bits = maskWords.getAtIndex(JAVA_LONG, firstWord + word);
                int end = from + Math.min(64, n - from);
                int r = from;
                for (; end - r >= LANES; r += LANES) {
                    long at = bytes(source + r);
                    DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, in, at, ORDER).mul(off.blend(on, rows(bits, r)));
                    if (b != null) v = v.add(DoubleVector.fromMemorySegment(SPECIES, b, at, ORDER).mul(beta));
                    if (w != null) v = v.mul(DoubleVector.fromMemorySegment(SPECIES, w, at, ORDER));
                    v.intoMemorySegment(out, bytes(target + r), ORDER);
                }
                for (; r < end; r++) {
                    long at = source + r;
                    double f = (bits >>> (r & 63) & 1L) != 0 ? alpha : -alpha;
                    double v = f * in.getAtIndex(JAVA_DOUBLE, at);
                    if (b != null) v = v + beta * b.getAtIndex(JAVA_DOUBLE, at);
                    if (w != null) v = v * w.getAtIndex(JAVA_DOUBLE, at);
                    out.setAtIndex(JAVA_DOUBLE, target + r, v);
                }
            }
        }
    }
}
