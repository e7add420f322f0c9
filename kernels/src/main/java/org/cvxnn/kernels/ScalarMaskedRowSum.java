package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link MaskedRowSum}. */
final class ScalarMaskedRowSum extends MaskedRowSum {

    @Override
    protected void sumUnchecked(MemorySegment panel, int ld, int n, int cols,
                                MemorySegment maskWords, long firstMaskIndex, int wpm,
                                MemorySegment out, boolean accumulate) {
        for (int r = 0; r < n; r++) {
            double acc = accumulate ? out.getAtIndex(JAVA_DOUBLE, r) : 0.0;
            for (int c = 0; c < cols; c++) {
                if (Masks.bit(maskWords, (firstMaskIndex + c) * wpm, r)) {
                    acc += panel.getAtIndex(JAVA_DOUBLE, (long) c * ld + r);
                }
            }
            out.setAtIndex(JAVA_DOUBLE, r, acc);
        }
    }
}
