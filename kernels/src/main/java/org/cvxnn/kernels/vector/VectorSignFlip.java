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
 * blend of two broadcasts), store: one read and one write per element, the same rounded product
 * as the reference.
 */
final class VectorSignFlip extends SignFlip {

    @Override
    protected void applyUnchecked(MemorySegment in, int ldIn, int n, int cols, int colsPerMask,
                                  MemorySegment maskWords, long firstMaskIndex, int wpm, double alpha,
                                  MemorySegment out, int ldOut) {
        DoubleVector on = DoubleVector.broadcast(SPECIES, alpha);
        DoubleVector off = DoubleVector.broadcast(SPECIES, -alpha);
        int used = (n + 63) >>> 6;
        for (int c = 0; c < cols; c++) {
            long source = (long) c * ldIn;
            long target = (long) c * ldOut;
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int w = 0; w < used; w++) {
                int from = w << 6;
                long word = maskWords.getAtIndex(JAVA_LONG, firstWord + w);
                int end = from + Math.min(64, n - from);
                int r = from;
                for (; end - r >= LANES; r += LANES) {
                    DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, in, bytes(source + r), ORDER);
                    v.mul(off.blend(on, rows(word, r))).intoMemorySegment(out, bytes(target + r), ORDER);
                }
                for (; r < end; r++) {
                    double f = (word >>> (r & 63) & 1L) != 0 ? alpha : -alpha;
                    out.setAtIndex(JAVA_DOUBLE, target + r, f * in.getAtIndex(JAVA_DOUBLE, source + r));
                }
            }
        }
    }

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
