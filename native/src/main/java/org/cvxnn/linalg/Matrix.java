package org.cvxnn.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A dense column-major matrix of doubles in off-heap memory: element (i, j) lives at index
 * {@code i + j*ld} of {@link #segment()}. The memory belongs to an {@link Arena}; once the arena is
 * closed every access (including passing the matrix to BLAS) fails with an
 * {@link IllegalStateException} instead of touching freed memory.
 *
 * <p>A vector is a matrix with one column (stride 1) or one row (stride {@code ld}).
 * Views ({@link #view}, {@link #columns}) share memory with their parent.
 */
public final class Matrix {
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;
    /** Alignment of every allocation: one cache line, also the widest SIMD register. */
    public static final long ALIGNMENT = 64;

    private final MemorySegment segment;
    private final int rows;
    private final int cols;
    private final int ld;

    private Matrix(MemorySegment segment, int rows, int cols, int ld) {
        this.segment = segment;
        this.rows = rows;
        this.cols = cols;
        this.ld = ld;
    }

    /** A zero-filled {@code rows × cols} matrix with {@code ld = max(1, rows)}. */
    public static Matrix allocate(Arena arena, int rows, int cols) {
        return allocate(arena, rows, cols, Math.max(1, rows));
    }

    /** A zero-filled {@code rows × cols} matrix with the given leading dimension. */
    public static Matrix allocate(Arena arena, int rows, int cols, int ld) {
        checkShape(rows, cols, ld);
        long bytes = Math.max(1, (long) ld * cols) * Double.BYTES;
        return new Matrix(arena.allocate(bytes, ALIGNMENT), rows, cols, ld);
    }

    /** A zero-filled column vector of length {@code n}. */
    public static Matrix vector(Arena arena, int n) {
        return allocate(arena, n, 1);
    }

    /** A new matrix holding a copy of column-major {@code data} ({@code rows*cols} values). */
    public static Matrix of(Arena arena, int rows, int cols, double[] data) {
        Matrix m = allocate(arena, rows, cols);
        m.copyFrom(data);
        return m;
    }

    /**
     * Wraps existing memory: element (i, j) at index {@code i + j*ld} of {@code segment}.
     *
     * @throws IllegalArgumentException if the segment is too small for that extent
     */
    public static Matrix wrap(MemorySegment segment, int rows, int cols, int ld) {
        checkShape(rows, cols, ld);
        long need = extentBytes(rows, cols, ld);
        if (segment.byteSize() < need)
            throw new IllegalArgumentException("segment of " + segment.byteSize() + " bytes is too small for a "
                    + rows + "×" + cols + " matrix with ld " + ld + " (needs " + need + " bytes)");
        return new Matrix(segment, rows, cols, ld);
    }

    private static void checkShape(int rows, int cols, int ld) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative matrix shape " + rows + "×" + cols);
        if (ld < Math.max(1, rows))
            throw new IllegalArgumentException("leading dimension " + ld + " is smaller than max(1, rows = " + rows + ")");
    }

    private static long extentBytes(int rows, int cols, int ld) {
        return (rows == 0 || cols == 0) ? 0 : ((long) ld * (cols - 1) + rows) * Double.BYTES;
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** Leading dimension: distance in elements between the starts of two columns. */
    public int ld() { return ld; }

    /** The memory, starting at element (0, 0). */
    public MemorySegment segment() { return segment; }

    /** Whether this is a vector (one row or one column). */
    public boolean isVector() { return rows == 1 || cols == 1; }

    /** Number of elements of a vector. */
    public int length() {
        requireVector("length");
        return rows * cols;
    }

    /** Distance in elements between consecutive entries of a vector. */
    public int increment() {
        requireVector("increment");
        return cols == 1 ? 1 : ld;
    }

    public double get(int i, int j) {
        checkIndex(i, j);
        return segment.getAtIndex(DOUBLE, i + (long) j * ld);
    }

    public void set(int i, int j, double v) {
        checkIndex(i, j);
        segment.setAtIndex(DOUBLE, i + (long) j * ld, v);
    }

    /** Entry {@code k} of a vector. */
    public double get(int k) {
        requireVector("get(k)");
        return cols == 1 ? get(k, 0) : get(0, k);
    }

    /** Sets entry {@code k} of a vector. */
    public void set(int k, double v) {
        requireVector("set(k)");
        if (cols == 1) set(k, 0, v); else set(0, k, v);
    }

    /** The {@code r × c} sub-matrix starting at ({@code row0}, {@code col0}), sharing memory. */
    public Matrix view(int row0, int col0, int r, int c) {
        if (row0 < 0 || col0 < 0 || r < 0 || c < 0 || row0 + r > rows || col0 + c > cols)
            throw new IllegalArgumentException("view [" + row0 + "+" + r + ", " + col0 + "+" + c
                    + ") is outside the " + rows + "×" + cols + " matrix");
        long start = (r == 0 || c == 0) ? 0 : (row0 + (long) col0 * ld) * Double.BYTES;
        return new Matrix(segment.asSlice(start, extentBytes(r, c, ld)), r, c, ld);
    }

    /** Columns {@code [col0, col0 + c)}, sharing memory. */
    public Matrix columns(int col0, int c) {
        return view(0, col0, rows, c);
    }

    /** Column {@code j} as a column vector, sharing memory. */
    public Matrix column(int j) {
        return view(0, j, rows, 1);
    }

    /** Copies column-major {@code data} ({@code rows*cols} values) into this matrix. */
    public void copyFrom(double[] data) {
        if (data.length != (long) rows * cols)
            throw new IllegalArgumentException("array of " + data.length + " values does not fill a " + rows + "×" + cols + " matrix");
        if (ld == rows) {
            MemorySegment.copy(data, 0, segment, DOUBLE, 0, data.length);
        } else {
            for (int j = 0; j < cols; j++)
                MemorySegment.copy(data, j * rows, segment, DOUBLE, (long) j * ld * Double.BYTES, rows);
        }
    }

    /** Copies this matrix into {@code out} (column-major, {@code rows*cols} values). */
    public void copyTo(double[] out) {
        if (out.length != (long) rows * cols)
            throw new IllegalArgumentException("array of " + out.length + " values does not match a " + rows + "×" + cols + " matrix");
        if (ld == rows) {
            MemorySegment.copy(segment, DOUBLE, 0, out, 0, out.length);
        } else {
            for (int j = 0; j < cols; j++)
                MemorySegment.copy(segment, DOUBLE, (long) j * ld * Double.BYTES, out, j * rows, rows);
        }
    }

    /** This matrix as a new column-major array. */
    public double[] toArray() {
        double[] out = new double[rows * cols];
        copyTo(out);
        return out;
    }

    /** Copies {@code src} (same shape) into this matrix. */
    public void copyFrom(Matrix src) {
        if (src.rows != rows || src.cols != cols)
            throw new IllegalArgumentException("cannot copy a " + src.rows + "×" + src.cols + " matrix into a " + rows + "×" + cols + " one");
        for (int j = 0; j < cols; j++)
            MemorySegment.copy(src.segment, (long) j * src.ld * Double.BYTES, segment, (long) j * ld * Double.BYTES, (long) rows * Double.BYTES);
    }

    /** Sets every element to {@code v}. */
    public void fill(double v) {
        for (int j = 0; j < cols; j++) {
            MemorySegment col = segment.asSlice((long) j * ld * Double.BYTES, (long) rows * Double.BYTES);
            if (v == 0.0) col.fill((byte) 0);
            else for (int i = 0; i < rows; i++) col.setAtIndex(DOUBLE, i, v);
        }
    }

    /** Whether the owning arena is still open. */
    public boolean isAlive() {
        return segment.scope().isAlive();
    }

    void requireAlive(String name) {
        if (!isAlive())
            throw new IllegalStateException(name + ": the matrix's arena is already closed (use after close)");
    }

    private void requireVector(String op) {
        if (!isVector()) throw new IllegalArgumentException(op + " needs a vector, this is a " + rows + "×" + cols + " matrix");
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols)
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside the " + rows + "×" + cols + " matrix");
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "×" + cols + ", ld=" + ld + "]";
    }
}
