package org.cvxnn.kernels.vector;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.cvxnn.kernels.vector.Simd.LANES;
import static org.cvxnn.kernels.vector.Simd.ORDER;
import static org.cvxnn.kernels.vector.Simd.SPECIES;
import static org.cvxnn.kernels.vector.Simd.bytes;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.cvxnn.kernels.SignPatterns;

/** {@link SignPatterns} with one vector compare per {@link Simd#LANES} rows, assembled into words. */
final class VectorSignPatterns extends SignPatterns {

    @Override
    protected void extractUnchecked(MemorySegment panel, int ld, int n, int cols,
                                    MemorySegment maskWords, long firstMaskIndex, int wpm) {
        int used = (n + 63) >>> 6;
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c) * wpm;
            for (int w = 0; w < used; w++) {
                int from = w << 6;
                maskWords.setAtIndex(JAVA_LONG, firstWord + w, word(panel, column, from, from + Math.min(64, n - from)));
            }
            for (int w = used; w < wpm; w++) {
                maskWords.setAtIndex(JAVA_LONG, firstWord + w, 0L);
            }
        }
    }

    /** Bits {@code 1[P(r) >= 0]} of rows {@code from .. end-1} of one column; {@code from} is a multiple of 64. */
    private static long word(MemorySegment panel, long column, int from, int end) {
        long bits = 0;
        int r = from;
        for (; end - r >= LANES; r += LANES) {
            DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, panel, bytes(column + r), ORDER);
            bits |= v.compare(VectorOperators.GE, 0.0).toLong() << (r & 63);
        }
        for (; r < end; r++) {
            if (panel.getAtIndex(JAVA_DOUBLE, column + r) >= 0) bits |= 1L << (r & 63);
        }
        return bits;
    }
}
