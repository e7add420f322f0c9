package org.cvxnn.kernels.vector;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.cvxnn.kernels.vector.Simd.HALF_FLOATS;
import static org.cvxnn.kernels.vector.Simd.LANES;
import static org.cvxnn.kernels.vector.Simd.ORDER;
import static org.cvxnn.kernels.vector.Simd.SPECIES;
import static org.cvxnn.kernels.vector.Simd.bytes;
import static org.cvxnn.kernels.vector.Simd.rows;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.cvxnn.kernels.RowMasking;

/**
 * {@link RowMasking} as load, blend with zero, store. A blend rather than a masked store: masked
 * stores are slow on AVX2 and the full store hits the same cache line anyway.
 */
final class VectorRowMasking extends RowMasking {

    @Override
    protected void applyUnchecked(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                                  MemorySegment maskWords, long firstMaskIndex, int wpm) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int used = (n + 63) >>> 6;
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int w = 0; w < used; w++) {
                int from = w << 6;
                long word = maskWords.getAtIndex(JAVA_LONG, firstWord + w);
                int end = from + Math.min(64, n - from);
                int r = from;
                for (; end - r >= LANES; r += LANES) {
                    long at = bytes(column + r);
                    DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, panel, at, ORDER);
                    zero.blend(v, rows(word, r)).intoMemorySegment(panel, at, ORDER);
                }
                for (; r < end; r++) {
                    if ((word >>> (r & 63) & 1L) == 0) panel.setAtIndex(JAVA_DOUBLE, column + r, 0.0);
                }
            }
        }
    }

    @Override
    protected void narrowUnchecked(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                                   MemorySegment maskWords, long firstMaskIndex, int wpm, MemorySegment out) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int used = (n + 63) >>> 6;
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld, target = (long) c * n;
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int w = 0; w < used; w++) {
                int from = w << 6;
                long word = maskWords.getAtIndex(JAVA_LONG, firstWord + w);
                int end = from + Math.min(64, n - from);
                int r = from;
                for (; end - r >= LANES; r += LANES) {
                    DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, panel, bytes(column + r), ORDER);
                    zero.blend(v, rows(word, r)).convertShape(VectorOperators.D2F, HALF_FLOATS, 0)
                            .intoMemorySegment(out, (target + r) * Float.BYTES, ORDER);
                }
                for (; r < end; r++) {
                    float v = (word >>> (r & 63) & 1L) != 0 ? (float) panel.getAtIndex(JAVA_DOUBLE, column + r) : 0.0f;
                    out.setAtIndex(JAVA_FLOAT, target + r, v);
                }
            }
        }
    }
}
