package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link MaskedPanel}. */
final class ScalarMaskedPanel extends MaskedPanel {

    @Override
    protected void expandUnchecked(MemorySegment r, int n, int cols,
                                   MemorySegment maskWords, long firstMaskIndex, int wpm,
                                   MemorySegment panel, int ld) {
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c) * wpm;
            for (int i = 0; i < n; i++) {
                double v = Masks.bit(maskWords, firstWord, i) ? r.getAtIndex(JAVA_DOUBLE, i) : 0.0;
                panel.setAtIndex(JAVA_DOUBLE, column + i, v);
            }
        }
    }
}
