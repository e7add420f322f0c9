package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Scalar reference for {@link TwoLevelRowSum}. */
final class ScalarTwoLevelRowSum extends TwoLevelRowSum {

    @Override
    protected void sumUnchecked(MemorySegment panel, int ld, int n, int combos, int m1, MemorySegment signs,
                                MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2,
                                int wpm, MemorySegment z, int ldz, MemorySegment out, boolean accumulate) {
        for (int r = 0; r < n; r++) {
            double y = accumulate ? out.getAtIndex(JAVA_DOUBLE, r) : 0.0;
            for (int c = 0; c < combos; c++) {
                double acc = 0.0;
                for (int j = 0; j < m1; j++) {
                    long k = (long) c * m1 + j;
                    if (Masks.bit(masks1, (firstMask1 + k) * wpm, r)) {
                        acc += signs.getAtIndex(JAVA_DOUBLE, k) * panel.getAtIndex(JAVA_DOUBLE, k * ld + r);
                    }
                }
                z.setAtIndex(JAVA_DOUBLE, (long) c * ldz + r, acc);
                if (out != null && Masks.bit(masks2, (firstMask2 + c) * wpm, r)) y += acc;
            }
            if (out != null) out.setAtIndex(JAVA_DOUBLE, r, y);
        }
    }
}
