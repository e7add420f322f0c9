package org.cvxnn.kernels;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Argument validation shared by the kernel facades. Every failure names the offending argument
 * and the shape it was checked against.
 */
final class Checks {

    private Checks() {}

    /** A column-major {@code n × cols} panel of doubles with leading dimension {@code ld}. */
    static void panel(String name, MemorySegment seg, int ld, int n, int cols) {
        nonNegative("n", n);
        nonNegative("cols", cols);
        if (ld < Math.max(1, n)) {
            throw new IllegalArgumentException(name + ": leading dimension ld = " + ld + " must be >= max(1, n = " + n + ")");
        }
        long elements = (n == 0 || cols == 0) ? 0 : (long) (cols - 1) * ld + n;
        if (!fits(name, seg, elements, Double.BYTES)) {
            throw tooSmall(name, seg, elements, Double.BYTES, "a " + n + "×" + cols + " panel with ld = " + ld);
        }
    }

    /** {@code count} masks starting at mask {@code first}, {@code wpm} words each, covering {@code n} rows. */
    static void masks(String name, MemorySegment seg, long first, long count, int n, int wpm) {
        masks(name, seg, "firstMaskIndex", first, count, n, wpm);
    }

    /** {@link #masks(String, MemorySegment, long, long, int, int)} whose first index is called {@code firstName}. */
    static void masks(String name, MemorySegment seg, String firstName, long first, long count, int n, int wpm) {
        if (first < 0) throw new IllegalArgumentException(firstName + " = " + first + " must be >= 0");
        if (wpm < Masks.wordsFor(n)) {
            throw new IllegalArgumentException("wpm = " + wpm + " words per mask cannot hold n = " + n
                    + " rows (needs >= " + Masks.wordsFor(n) + ")");
        }
        long words;
        try {
            words = count == 0 ? 0 : Math.multiplyExact(Math.addExact(first, count), (long) wpm);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + ": masks " + first + " .. " + first + " + " + count
                    + " with wpm = " + wpm + " overflow a long index", e);
        }
        if (!fits(name, seg, words, Long.BYTES)) {
            throw tooSmall(name, seg, words, Long.BYTES, "masks " + first + " .. " + (first + count - 1) + " with wpm = " + wpm);
        }
    }

    /** A vector of {@code len} doubles. */
    static void vector(String name, MemorySegment seg, long len) {
        if (len < 0) throw new IllegalArgumentException("len = " + len + " must be >= 0");
        if (!fits(name, seg, len, Double.BYTES)) {
            throw tooSmall(name, seg, len, Double.BYTES, "a vector of length " + len);
        }
    }

    /** A vector of {@code len} floats. */
    static void floats(String name, MemorySegment seg, long len) {
        if (len < 0) throw new IllegalArgumentException("len = " + len + " must be >= 0");
        if (!fits(name, seg, len, Float.BYTES)) {
            throw tooSmall(name, seg, len, Float.BYTES, "a vector of length " + len);
        }
    }

    /**
     * The column count {@code combos · m1} of a two-level panel: one column per (combo, neuron).
     * Checks {@code combos >= 0}, {@code m1 >= 1} and that the product fits an {@code int}.
     */
    static int comboColumns(int combos, int m1) {
        nonNegative("combos", combos);
        positive("m1", m1);
        long cols = (long) combos * m1;
        if (cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("combos × m1 = " + combos + " × " + m1 + " = " + cols
                    + " columns exceed " + Integer.MAX_VALUE);
        }
        return (int) cols;
    }

    static void positive(String name, long value) {
        if (value < 1) throw new IllegalArgumentException(name + " = " + value + " must be >= 1");
    }

    static void nonNegative(String name, long value) {
        if (value < 0) throw new IllegalArgumentException(name + " = " + value + " must be >= 0");
    }

    /**
     * Whether {@code seg} holds {@code elements} elements. Throws if it is null or misaligned; the
     * caller builds the size message only on failure (the checks run on every kernel call and must
     * not allocate).
     */
    private static boolean fits(String name, MemorySegment seg, long elements, int elementBytes) {
        Objects.requireNonNull(seg, name);
        if (seg.maxByteAlignment() < elementBytes) {
            throw new IllegalArgumentException(name + ": segment at address " + seg.address()
                    + " is not " + elementBytes + "-byte aligned");
        }
        return elements <= seg.byteSize() / elementBytes;
    }

    private static IllegalArgumentException tooSmall(String name, MemorySegment seg, long elements, int elementBytes,
                                                     String shape) {
        return new IllegalArgumentException(name + ": segment of " + seg.byteSize() + " bytes is too small for "
                + shape + " (needs " + elements + " × " + elementBytes + " bytes)");
    }
}
