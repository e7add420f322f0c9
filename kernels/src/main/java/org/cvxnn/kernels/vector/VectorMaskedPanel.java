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
import org.cvxnn.kernels.MaskedPanel;

/** {@link MaskedPanel}: each column is {@code r} blended with zero under its mask; {@code r} stays in L1/L2. */
final class VectorMaskedPanel extends MaskedPanel {

    @Override
    protected void expandUnchecked(MemorySegment r, int n, int cols,
                                   MemorySegment maskWords, long firstMaskIndex, int wpm,
                                   MemorySegment panel, int ld) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int used = (n + 63) >>> 6;
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c) * wpm;
            for (int w = 0; w < used; w++) {
                int from = w << 6;
                long word = maskWords.getAtIndex(JAVA_LONG, firstWord + w);
                int end = from + Math.min(64, n - from);
                int i = from;
                for (; end - i >= LANES; i += LANES) {
                    DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, r, bytes(i), ORDER);
                    zero.blend(v, rows(word, i)).intoMemorySegment(panel, bytes(column + i), ORDER);
                }
                for (; i < end; i++) {
                    double v = (word >>> (i & 63) & 1L) != 0 ? r.getAtIndex(JAVA_DOUBLE, i) : 0.0;
                    panel.setAtIndex(JAVA_DOUBLE, column + i, v);
                }
            }
        }
    }
}
