package org.cvxnn.solver.baseline;

import org.cvxnn.solver.data.Dataset;

/**
 * A selection of rows of a data set as a contiguous column-major block ({@link #x()} is
 * {@link #rows()}×d with leading dimension {@code rows}).
 *
 * <p>Selecting every row is a view of the data set's own arrays; any other selection is copied
 * into buffers of a fixed capacity allocated once, so selecting never allocates.
 */
final class Batch {
    private final Dataset data;
    private final double[] xBuffer;
    private final double[] yBuffer;
    private double[] x;
    private double[] y;
    private int rows;

    /** A batch of at most {@code capacity} rows of {@code data}, initially all of them when that fits. */
    Batch(Dataset data, int capacity) {
        assert capacity >= 1 && capacity <= data.n();
        this.data = data;
        boolean full = capacity == data.n();
        this.xBuffer = full ? new double[0] : new double[capacity * data.d()];
        this.yBuffer = full ? new double[0] : new double[capacity];
        if (full) selectAll();
    }

    /** The most rows a selection may have. */
    int capacity() {
        return xBuffer.length == 0 ? data.n() : yBuffer.length;
    }

    /** Selects every row (a view, no copy). */
    void selectAll() {
        x = data.x();
        y = data.y();
        rows = data.n();
    }

    /** Selects the rows {@code index[from..to)}, in that order. */
    void select(int[] index, int from, int to) {
        int count = to - from;
        assert count >= 1 && count <= capacity();
        if (count == data.n()) {
            selectAll();
            return;
        }
        int n = data.n(), d = data.d();
        double[] xs = data.x(), ys = data.y();
        for (int k = 0; k < d; k++) {
            int src = k * n, dst = k * count;
            for (int i = 0; i < count; i++) xBuffer[dst + i] = xs[src + index[from + i]];
        }
        for (int i = 0; i < count; i++) yBuffer[i] = ys[index[from + i]];
        use(count);
    }

    /** Selects the consecutive rows {@code [from, to)}. */
    void selectRange(int from, int to) {
        int count = to - from;
        assert count >= 1 && count <= capacity();
        if (count == data.n()) {
            selectAll();
            return;
        }
        int n = data.n(), d = data.d();
        for (int k = 0; k < d; k++) System.arraycopy(data.x(), k * n + from, xBuffer, k * count, count);
        System.arraycopy(data.y(), from, yBuffer, 0, count);
        use(count);
    }

    private void use(int count) {
        x = xBuffer;
        y = yBuffer;
        rows = count;
    }

    /** Features of the selected rows, column-major with leading dimension {@link #rows()}. */
    double[] x() {
        return x;
    }

    /** Targets of the selected rows. */
    double[] y() {
        return y;
    }

    /** Number of selected rows. */
    int rows() {
        return rows;
    }

    /** Number of samples in the whole data set. */
    int samples() {
        return data.n();
    }
}
