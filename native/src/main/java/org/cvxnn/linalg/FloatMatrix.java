package org.cvxnn.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A dense column-major matrix of single-precision floats in off-heap memory, {@code ld = rows}:
 * the operand of the mixed-precision Schur accumulation ({@link Blas#ssyrk}). Element (i, j) lives
 * at index {@code i + j*rows} of {@link #segment()}; the memory belongs to an {@link Arena}, and
 * every BLAS call on a matrix whose arena is closed fails with an {@link IllegalStateException}.
 */
public final class FloatMatrix {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final MemorySegment segment;
    private final int rows;
    private final int cols;

    private FloatMatrix(MemorySegment segment, int rows, int cols) {
        this.segment = segment;
        this.rows = rows;
        this.cols = cols;
    }

    /** A zero-filled {@code rows × cols} matrix. */
    public static FloatMatrix allocate(Arena arena, int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative matrix shape " + rows + "×" + cols);
        long bytes = Math.max(1, (long) rows * cols) * Float.BYTES;
        return new FloatMatrix(arena.allocate(bytes, Matrix.ALIGNMENT), rows, cols);
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** Leading dimension: always {@link #rows()} (at least 1). */
    public int ld() { return Math.max(1, rows); }

    /** The memory, starting at element (0, 0). */
    public MemorySegment segment() { return segment; }

    /** Columns {@code [col0, col0 + c)}, sharing memory. */
    public FloatMatrix columns(int col0, int c) {
        if (col0 < 0 || c < 0 || col0 + c > cols)
            throw new IllegalArgumentException("columns [" + col0 + ", " + (col0 + c) + ") are outside the " + rows + "×" + cols + " matrix");
        long start = (long) col0 * rows * Float.BYTES;
        return new FloatMatrix(segment.asSlice(start, Math.max(0, (long) c * rows * Float.BYTES)), rows, c);
    }

    public float get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols)
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside the " + rows + "×" + cols + " matrix");
        return segment.getAtIndex(FLOAT, i + (long) j * rows);
    }

    /** Sets every element to zero. */
    public void clear() {
        segment.asSlice(0, (long) rows * cols * Float.BYTES).fill((byte) 0);
    }

    /** Whether the owning arena is still open. */
    public boolean isAlive() {
        return segment.scope().isAlive();
    }

    void requireAlive(String name) {
        if (!isAlive())
            throw new IllegalStateException(name + ": the matrix's arena is already closed (use after close)");
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + "×" + cols + "]";
    }
}
