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
import org.cvxnn.kernels.TwoLevelPanel;

/**
 * {@link TwoLevelPanel}: the two masks are combined a word at a time ({@code D_1 ∧ D_2}), then each
 * column is {@code s · r} blended with zero under the combined mask; {@code r} stays in L1/L2, so
 * the kernel runs at the speed of the panel stores.
 */
final class VectorTwoLevelPanel extends TwoLevelPanel {

    @Override
    protected void expandUnchecked(MemorySegment r, int n, int combos, int m1, MemorySegment signs,
                                   MemorySegment masks1, long firstMask1, MemorySegment masks2,
                                   long firstMask2, int wpm, MemorySegment panel, int ld) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int used = (n + 63) >>> 6;
        for (int c = 0; c < combos; c++) {
            long secondWord = (firstMask2 + c) * wpm;
            for (int j = 0; j < m1; j++) {
                long k = (long) c * m1 + j;
                long column = k * ld;
                long firstWord = (firstMask1 + k) * wpm;
                double s = signs.getAtIndex(JAVA_DOUBLE, k);
                for (int w = 0; w < used; w++) {
                    int from = w << 6;
                    long word = masks1.getAtIndex(JAVA_LONG, firstWord + w) & masks2.getAtIndex(JAVA_LONG, secondWord + w);
                    int end = from + Math.min(64, n - from);
                    int i = from;
                    for (; end - i >= LANES; i += LANES) {
                        DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, r, bytes(i), ORDER).mul(s);
                        zero.blend(v, rows(word, i)).intoMemorySegment(panel, bytes(column + i), ORDER);
                    }
                    for (; i < end; i++) {
                        double v = (word >>> (i & 63) & 1L) != 0 ? s * r.getAtIndex(JAVA_DOUBLE, i) : 0.0;
                        panel.setAtIndex(JAVA_DOUBLE, column + i, v);
                    }
                }
            }
        }
    }
}
