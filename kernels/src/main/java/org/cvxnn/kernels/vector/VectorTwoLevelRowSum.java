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
import org.cvxnn.kernels.TwoLevelRowSum;

/**
 * {@link TwoLevelRowSum} tiled over rows: within a tile of {@value #TILE} rows the combos are swept
 * one after another; each neuron's panel column is streamed once and added (masked) into the tile of
 * {@code z_c}, which then is added (masked) into the tile of {@code out}. Both tiles (16 KiB each)
 * stay in L1, so the panel is read once and {@code z} written once. No vector is carried from one
 * loop iteration to the next (C2 then keeps every vector in registers), and the terms are added in
 * the same order as in the reference.
 */
final class VectorTwoLevelRowSum extends TwoLevelRowSum {

    /** Rows per tile, a multiple of 64 so that tiles start at a mask word. */
    private static final int TILE = 2048;

    @Override
    protected void sumUnchecked(MemorySegment panel, int ld, int n, int combos, int m1, MemorySegment signs,
                                MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2,
                                int wpm, MemorySegment z, int ldz, MemorySegment out, boolean accumulate) {
        for (int from = 0; from < n; from += TILE) {
            int to = Math.min(n, from + TILE);
            if (out != null && !accumulate) {
                for (int r = from; r < to; r++) out.setAtIndex(JAVA_DOUBLE, r, 0.0);
            }
            for (int c = 0; c < combos; c++) {
                long zColumn = (long) c * ldz;
                for (int j = 0; j < m1; j++) {
                    long k = (long) c * m1 + j;
                    addColumn(panel, k * ld, signs.getAtIndex(JAVA_DOUBLE, k), masks1, (firstMask1 + k) * wpm,
                            z, zColumn, j == 0, from, to);
                }
                if (out != null) addColumn(z, zColumn, 1.0, masks2, (firstMask2 + c) * wpm, out, 0, false, from, to);
            }
        }
    }

    /**
     * {@code target[at + r] = (fresh ? +0.0 : target[at + r]) + s · source[column + r]} for the rows
     * {@code from <= r < to} whose mask bit is 1; {@code target[at + r] = +0.0} (if {@code fresh})
     * or unchanged elsewhere. With {@code s = 1} the product is exact, so this is a plain masked add.
     */
    private static void addColumn(MemorySegment source, long column, double s, MemorySegment masks, long firstWord,
                                  MemorySegment target, long at, boolean fresh, int from, int to) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int start = from; start < to; start += 64) {
            long word = masks.getAtIndex(JAVA_LONG, firstWord + (start >>> 6));
            int end = Math.min(to, start + 64);
            int r = start;
            for (; end - r >= LANES; r += LANES) {
                DoubleVector acc = fresh ? zero : DoubleVector.fromMemorySegment(SPECIES, target, bytes(at + r), ORDER);
                DoubleVector term = DoubleVector.fromMemorySegment(SPECIES, source, bytes(column + r), ORDER).mul(s);
                acc.add(term, rows(word, r)).intoMemorySegment(target, bytes(at + r), ORDER);
            }
            for (; r < end; r++) {
                double acc = fresh ? 0.0 : target.getAtIndex(JAVA_DOUBLE, at + r);
                if ((word >>> (r & 63) & 1L) != 0) acc += s * source.getAtIndex(JAVA_DOUBLE, column + r);
                target.setAtIndex(JAVA_DOUBLE, at + r, acc);
            }
        }
    }
}
