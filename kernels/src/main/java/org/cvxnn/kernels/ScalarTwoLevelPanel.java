package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link TwoLevelPanel}. */
final class ScalarTwoLevelPanel extends TwoLevelPanel {

    @Override
    protected void expandUnchecked(MemorySegment r, int n, int combos, int m1, MemorySegment signs,
                                   MemorySegment masks1, long firstMask1, MemorySegment masks2,
                                   long firstMask2, int wpm, MemorySegment panel, int ld) {
        for (int c = 0; c < combos; c++) {
            long secondWord = (firstMask2 + c) * wpm;
            for (int j = 0; j < m1; j++) {
                long k = (long) c * m1 + j;
                long firstWord = (firstMask1 + k) * wpm;
                double s = signs.getAtIndex(JAVA_DOUBLE, k);
                for (int i = 0; i < n; i++) {
                    boolean on = Masks.bit(masks1, firstWord, i) && Masks.bit(masks2, secondWord, i);
                    panel.setAtIndex(JAVA_DOUBLE, k * ld + i, on ? s * r.getAtIndex(JAVA_DOUBLE, i) : 0.0);
                }
            }
        }
    }
}
