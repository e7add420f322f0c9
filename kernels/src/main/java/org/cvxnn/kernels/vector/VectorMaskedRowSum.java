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
import org.cvxnn.kernels.MaskedRowSum;

/**
 * {@link MaskedRowSum} blocked over rows: a block of four vectors of rows keeps four independent
 * accumulators in registers while it sweeps all columns, so {@code out} is read and written once
 * and the four add chains hide the add latency. Masked adds (not multiplies by 0/1) keep a NaN in
 * a switched-off entry out of the sum and add the columns in the same order as the reference.
 */
final class VectorMaskedRowSum extends MaskedRowSum {

    private static final int BLOCK = 4 * LANES;

    @Override
    protected void sumUnchecked(MemorySegment panel, int ld, int n, int cols,
                                MemorySegment maskWords, long firstMaskIndex, int wpm,
                                MemorySegment out, boolean accumulate) {
        long firstWord = firstMaskIndex * wpm;
        int r = 0;
        for (; n - r >= BLOCK; r += BLOCK) {
            block(panel, ld, cols, maskWords, firstWord, wpm, out, accumulate, r);
        }
        for (; n - r >= LANES; r += LANES) {
            single(panel, ld, cols, maskWords, firstWord, wpm, out, accumulate, r);
        }
        for (; r < n; r++) {
            double acc = accumulate ? out.getAtIndex(JAVA_DOUBLE, r) : 0.0;
            for (int c = 0; c < cols; c++) {
                long word = maskWords.getAtIndex(JAVA_LONG, firstWord + (long) c * wpm + (r >>> 6));
                if ((word >>> (r & 63) & 1L) != 0) acc += panel.getAtIndex(JAVA_DOUBLE, (long) c * ld + r);
            }
            out.setAtIndex(JAVA_DOUBLE, r, acc);
        }
    }

    /** Rows {@code r .. r + BLOCK - 1}. */
    private static void block(MemorySegment panel, int ld, int cols, MemorySegment maskWords, long firstWord,
                              int wpm, MemorySegment out, boolean accumulate, int r) {
        int r1 = r + LANES, r2 = r1 + LANES, r3 = r2 + LANES;
        DoubleVector a0 = start(out, r, accumulate);
        DoubleVector a1 = start(out, r1, accumulate);
        DoubleVector a2 = start(out, r2, accumulate);
        DoubleVector a3 = start(out, r3, accumulate);
        for (int c = 0; c < cols; c++) {
            long mask = firstWord + (long) c * wpm;
            long column = (long) c * ld;
            a0 = a0.add(load(panel, column + r), rows(maskWords.getAtIndex(JAVA_LONG, mask + (r >>> 6)), r));
            a1 = a1.add(load(panel, column + r1), rows(maskWords.getAtIndex(JAVA_LONG, mask + (r1 >>> 6)), r1));
            a2 = a2.add(load(panel, column + r2), rows(maskWords.getAtIndex(JAVA_LONG, mask + (r2 >>> 6)), r2));
            a3 = a3.add(load(panel, column + r3), rows(maskWords.getAtIndex(JAVA_LONG, mask + (r3 >>> 6)), r3));
        }
        a0.intoMemorySegment(out, bytes(r), ORDER);
        a1.intoMemorySegment(out, bytes(r1), ORDER);
        a2.intoMemorySegment(out, bytes(r2), ORDER);
        a3.intoMemorySegment(out, bytes(r3), ORDER);
    }

    /** Rows {@code r .. r + LANES - 1}. */
    private static void single(MemorySegment panel, int ld, int cols, MemorySegment maskWords, long firstWord,
                               int wpm, MemorySegment out, boolean accumulate, int r) {
        DoubleVector a = start(out, r, accumulate);
        for (int c = 0; c < cols; c++) {
            long word = maskWords.getAtIndex(JAVA_LONG, firstWord + (long) c * wpm + (r >>> 6));
            a = a.add(load(panel, (long) c * ld + r), rows(word, r));
        }
        a.intoMemorySegment(out, bytes(r), ORDER);
    }

    /** The accumulator of rows {@code r ..}: {@code out} or zero (created here, see {@link Simd}). */
    private static DoubleVector start(MemorySegment out, int r, boolean accumulate) {
        return accumulate ? load(out, r) : DoubleVector.zero(SPECIES);
    }

    private static DoubleVector load(MemorySegment seg, long index) {
        return DoubleVector.fromMemorySegment(SPECIES, seg, bytes(index), ORDER);
    }
}
