package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link SignFlip}. */
final class ScalarSignFlip extends SignFlip {

    @Override
    protected void combineUnchecked(MemorySegment in, int ldIn, int n, int cols, int colsPerMask,
                                    MemorySegment maskWords, long firstMaskIndex, int wpm, double alpha,
                                    MemorySegment b, double beta, MemorySegment w, MemorySegment out, int ldOut) {
        for (int c = 0; c < cols; c++) {
            long firstWord = (firstMaskIndex + c / colsPerMask) * wpm;
            for (int r = 0; r < n; r++) {
                long at = (long) c * ldIn + r;
                double f = Masks.bit(maskWords, firstWord, r) ? alpha : -alpha;
                double v = f * in.getAtIndex(JAVA_DOUBLE, at);
                if (b != null) v = v + beta * b.getAtIndex(JAVA_DOUBLE, at);
                if (w != null) v = v * w.getAtIndex(JAVA_DOUBLE, at);
                out.setAtIndex(JAVA_DOUBLE, (long) c * ldOut + r, v);
            }
        }
    }
}
