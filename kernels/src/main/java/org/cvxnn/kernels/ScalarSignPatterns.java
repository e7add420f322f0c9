package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link SignPatterns}. */
final class ScalarSignPatterns extends SignPatterns {

    @Override
    protected void extractUnchecked(MemorySegment panel, int ld, int n, int cols,
                                    MemorySegment maskWords, long firstMaskIndex, int wpm) {
        for (int c = 0; c < cols; c++) {
            long column = (long) c * ld;
            long firstWord = (firstMaskIndex + c) * wpm;
            for (int w = 0; w < wpm; w++) {
                maskWords.setAtIndex(JAVA_LONG, firstWord + w, 0L);
            }
            for (int r = 0; r < n; r++) {
                if (panel.getAtIndex(JAVA_DOUBLE, column + r) >= 0) {
                    long at = firstWord + (r >>> 6);
                    maskWords.setAtIndex(JAVA_LONG, at, maskWords.getAtIndex(JAVA_LONG, at) | 1L << (r & 63));
                }
            }
        }
    }
}
