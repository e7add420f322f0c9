package org.cvxnn.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code count} bit masks of {@code n} rows each in off-heap memory (activation patterns
 * {@code d_i ∈ {0,1}^n}). Mask {@code i} occupies {@link #wordsPerMask()} consecutive longs starting
 * at long index {@code i * wordsPerMask}; bit {@code r % 64} of word {@code r / 64} is row {@code r};
 * bits past {@code n} are always zero.
 */
public final class MaskBits {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private final MemorySegment segment;
    private final int n;
    private final int count;
    private final int wordsPerMask;

    private MaskBits(MemorySegment segment, int n, int count) {
        this.segment = segment;
        this.n = n;
        this.count = count;
        this.wordsPerMask = wordsFor(n);
    }

    /** Number of 64-bit words that hold a mask of {@code n} rows. */
    public static int wordsFor(int n) {
        return (n + 63) >>> 6;
    }

    /** {@code count} all-zero masks of {@code n} rows. */
    public static MaskBits allocate(Arena arena, int n, int count) {
        if (n < 0 || count < 0) throw new IllegalArgumentException("negative mask shape n = " + n + ", count = " + count);
        long bytes = Math.max(1, (long) wordsFor(n) * count) * Long.BYTES;
        return new MaskBits(arena.allocate(bytes, Matrix.ALIGNMENT), n, count);
    }

    /** Masks initialised from packed words laid out as described in the class comment. */
    public static MaskBits of(Arena arena, int n, long[] words) {
        int w = wordsFor(n);
        if (w == 0 || words.length % w != 0)
            throw new IllegalArgumentException(words.length + " words do not hold whole masks of " + n + " rows");
        MaskBits m = allocate(arena, n, words.length / w);
        long tail = (n % 64 == 0) ? -1L : (1L << (n % 64)) - 1;
        for (int i = 0; i < m.count; i++) {
            if ((words[i * w + w - 1] & ~tail) != 0)
                throw new IllegalArgumentException("mask " + i + " has bits set past row " + n);
        }
        MemorySegment.copy(words, 0, m.segment, WORD, 0, words.length);
        return m;
    }

    public int n() { return n; }

    public int count() { return count; }

    public int wordsPerMask() { return wordsPerMask; }

    /** The packed words of all masks. */
    public MemorySegment segment() { return segment; }

    public boolean get(int mask, int row) {
        check(mask, row);
        long w = segment.getAtIndex(WORD, (long) mask * wordsPerMask + (row >>> 6));
        return (w >>> (row & 63) & 1L) != 0;
    }

    public void set(int mask, int row, boolean value) {
        check(mask, row);
        long idx = (long) mask * wordsPerMask + (row >>> 6);
        long w = segment.getAtIndex(WORD, idx);
        long bit = 1L << (row & 63);
        segment.setAtIndex(WORD, idx, value ? (w | bit) : (w & ~bit));
    }

    /** Number of active rows of mask {@code mask}. */
    public int cardinality(int mask) {
        check(mask, 0);
        int c = 0;
        for (int k = 0; k < wordsPerMask; k++) c += Long.bitCount(segment.getAtIndex(WORD, (long) mask * wordsPerMask + k));
        return c;
    }

    private void check(int mask, int row) {
        if (mask < 0 || mask >= count || row < 0 || (row >= n && n > 0))
            throw new IndexOutOfBoundsException("mask " + mask + ", row " + row + " outside " + count + " masks of " + n + " rows");
    }
}
