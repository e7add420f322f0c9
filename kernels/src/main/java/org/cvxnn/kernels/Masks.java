package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** Reading mask bits one row at a time (for the scalar references). */
final class Masks {

    private Masks() {}

    /** Number of 64-bit words that hold one mask of {@code n} rows. */
    static int wordsFor(int n) {
        return (n + 63) >>> 6;
    }

    /** Whether {@code row} is switched on in the mask whose first word has long index {@code firstWord}. */
    static boolean bit(MemorySegment words, long firstWord, int row) {
        return (words.getAtIndex(JAVA_LONG, firstWord + (row >>> 6)) >>> (row & 63) & 1L) != 0;
    }
}
