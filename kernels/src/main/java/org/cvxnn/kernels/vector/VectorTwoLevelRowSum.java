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
 * one after another, each reading its {@code m1} panel columns sequentially and writing its
 * {@code z} column once, while the tile of {@code out} (16 KiB) stays in L1. A block of four
 * vectors of rows shares one mask word per mask and keeps four independent add chains. Masked adds
 * of {@code s · P} add the same terms in the same order as the reference.
 */
final class VectorTwoLevelRowSum extends TwoLevelRowSum {

    private static final int BLOCK = 4 * LANES;
    /** Rows per tile: a multiple of 64 and of {@link #BLOCK}, so blocks never straddle mask words. */
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
                int r = from;
                for (; to - r >= BLOCK; r += BLOCK) {
                    block(panel, ld, m1, signs, masks1, firstMask1, masks2, firstMask2, wpm, z, ldz, out, c, r);
                }
                for (; to - r >= LANES; r += LANES) {
                    single(panel, ld, m1, signs, masks1, firstMask1, masks2, firstMask2, wpm, z, ldz, out, c, r);
                }
                for (; r < to; r++) {
                    row(panel, ld, m1, signs, masks1, firstMask1, masks2, firstMask2, wpm, z, ldz, out, c, r);
                }
            }
        }
    }

    /** Rows {@code r .. r + BLOCK - 1} of combo {@code c}. */
    private static void block(MemorySegment panel, int ld, int m1, MemorySegment signs,
                              MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2,
                              int wpm, MemorySegment z, int ldz, MemorySegment out, int c, int r) {
        int r1 = r + LANES, r2 = r1 + LANES, r3 = r2 + LANES;
        int w = r >>> 6;
        DoubleVector a0 = DoubleVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
        for (int j = 0; j < m1; j++) {
            long k = (long) c * m1 + j;
            long word = masks1.getAtIndex(JAVA_LONG, (firstMask1 + k) * wpm + w);
            double s = signs.getAtIndex(JAVA_DOUBLE, k);
            long at = k * ld + r;
            a0 = a0.add(load(panel, at).mul(s), rows(word, r));
            a1 = a1.add(load(panel, at + LANES).mul(s), rows(word, r1));
            a2 = a2.add(load(panel, at + 2 * LANES).mul(s), rows(word, r2));
            a3 = a3.add(load(panel, at + 3 * LANES).mul(s), rows(word, r3));
        }
        long zAt = (long) c * ldz + r;
        a0.intoMemorySegment(z, bytes(zAt), ORDER);
        a1.intoMemorySegment(z, bytes(zAt + LANES), ORDER);
        a2.intoMemorySegment(z, bytes(zAt + 2 * LANES), ORDER);
        a3.intoMemorySegment(z, bytes(zAt + 3 * LANES), ORDER);
        if (out != null) {
            long word = masks2.getAtIndex(JAVA_LONG, (firstMask2 + c) * wpm + w);
            load(out, r).add(a0, rows(word, r)).intoMemorySegment(out, bytes(r), ORDER);
            load(out, r1).add(a1, rows(word, r1)).intoMemorySegment(out, bytes(r1), ORDER);
            load(out, r2).add(a2, rows(word, r2)).intoMemorySegment(out, bytes(r2), ORDER);
            load(out, r3).add(a3, rows(word, r3)).intoMemorySegment(out, bytes(r3), ORDER);
        }
    }

    /** Rows {@code r .. r + LANES - 1} of combo {@code c}. */
    private static void single(MemorySegment panel, int ld, int m1, MemorySegment signs,
                               MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2,
                               int wpm, MemorySegment z, int ldz, MemorySegment out, int c, int r) {
        int w = r >>> 6;
        DoubleVector a = DoubleVector.zero(SPECIES);
        for (int j = 0; j < m1; j++) {
            long k = (long) c * m1 + j;
            long word = masks1.getAtIndex(JAVA_LONG, (firstMask1 + k) * wpm + w);
            a = a.add(load(panel, k * ld + r).mul(signs.getAtIndex(JAVA_DOUBLE, k)), rows(word, r));
        }
        a.intoMemorySegment(z, bytes((long) c * ldz + r), ORDER);
        if (out != null) {
            long word = masks2.getAtIndex(JAVA_LONG, (firstMask2 + c) * wpm + w);
            load(out, r).add(a, rows(word, r)).intoMemorySegment(out, bytes(r), ORDER);
        }
    }

    /** Row {@code r} of combo {@code c}, one double at a time. */
    private static void row(MemorySegment panel, int ld, int m1, MemorySegment signs,
                            MemorySegment masks1, long firstMask1, MemorySegment masks2, long firstMask2,
                            int wpm, MemorySegment z, int ldz, MemorySegment out, int c, int r) {
        int w = r >>> 6;
        double acc = 0.0;
        for (int j = 0; j < m1; j++) {
            long k = (long) c * m1 + j;
            long word = masks1.getAtIndex(JAVA_LONG, (firstMask1 + k) * wpm + w);
            if ((word >>> (r & 63) & 1L) != 0) {
                acc += signs.getAtIndex(JAVA_DOUBLE, k) * panel.getAtIndex(JAVA_DOUBLE, k * ld + r);
            }
        }
        z.setAtIndex(JAVA_DOUBLE, (long) c * ldz + r, acc);
        if (out != null) {
            long word = masks2.getAtIndex(JAVA_LONG, (firstMask2 + c) * wpm + w);
            if ((word >>> (r & 63) & 1L) != 0) out.setAtIndex(JAVA_DOUBLE, r, out.getAtIndex(JAVA_DOUBLE, r) + acc);
        }
    }

    private static DoubleVector load(MemorySegment seg, long index) {
        return DoubleVector.fromMemorySegment(SPECIES, seg, bytes(index), ORDER);
    }
}
