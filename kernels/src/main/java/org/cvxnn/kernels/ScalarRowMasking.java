package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link RowMasking}. */
final class ScalarRowMasking extends RowMasking {

    @Override
    protected void applyUnchecked(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                                  MemorySegment maskWords, long firstMaskIndex, int wpm) {
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int r = 0; r < n; r++) {
                if (!Masks.bit(maskWords, firstWord, r)) panel.setAtIndex(JAVA_DOUBLE, column + r, 0.0);
            }
        }
    }

    @Override
    protected void narrowUnchecked(MemorySegment panel, int ld, int n, int cols, int colsPerMask,
                                   MemorySegment maskWords, long firstMaskIndex, int wpm, MemorySegment out) {
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int r = 0; r < n; r++) {
                float v = Masks.bit(maskWords, firstWord, r) ? (float) panel.getAtIndex(JAVA_DOUBLE, column + r) : 0.0f;
                out.setAtIndex(JAVA_FLOAT, (long) c * n + r, v);
            }
        }
    }
}
