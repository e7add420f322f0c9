package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinibatchesTest {
    private final Dataset data = Problems.gaussian(23, 3, 4);

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7, 11, 12, 22})
    void everySampleOncePerEpochInBalancedBatches(int batchSize) {
        Minibatches batches = new Minibatches(data, batchSize, new SplittableRandom(1));
        assertEquals((23 + batchSize - 1) / batchSize, batches.count());
        for (int epoch = 0; epoch < 3; epoch++) {
            batches.shuffle();
            int[] seen = new int[23];
            int smallest = Integer.MAX_VALUE, largest = 0;
            for (int b = 0; b < batches.count(); b++) {
                Batch batch = batches.load(b);
                smallest = Math.min(smallest, batch.rows());
                largest = Math.max(largest, batch.rows());
                for (int i = 0; i < batch.rows(); i++) {
                    int row = rowOf(batch, i);
                    seen[row]++;
                    assertEquals(data.y()[row], batch.y()[i]);
                }
            }
            for (int count : seen) assertEquals(1, count);
            assertTrue(largest <= batchSize && largest - smallest <= 1, "batch sizes " + smallest + ".." + largest);
        }
    }

    @Test
    void theOrderIsAFunctionOfTheSeed() {
        Minibatches a = new Minibatches(data, 5, new SplittableRandom(9));
        Minibatches b = new Minibatches(data, 5, new SplittableRandom(9));
        a.shuffle();
        b.shuffle();
        assertArrayEquals(a.load(2).y().clone(), b.load(2).y().clone());
    }

    @Test
    void theFullBatchIsAViewOfTheData() {
        Minibatches full = new Minibatches(data, 23, new SplittableRandom(1));
        full.shuffle();
        assertEquals(1, full.count());
        assertSame(data.x(), full.load(0).x());
    }

    @Test
    void rangesCopyConsecutiveRows() {
        Batch batch = new Batch(data, 6);
        batch.selectRange(17, 23);
        for (int i = 0; i < 6; i++) assertEquals(17 + i, rowOf(batch, i));
    }

    /** The data row whose features equal row {@code i} of the batch (features are distinct Gaussians). */
    private int rowOf(Batch batch, int i) {
        for (int r = 0; r < data.n(); r++) {
            boolean same = true;
            for (int k = 0; k < data.d(); k++) same &= data.get(r, k) == batch.x()[i + k * batch.rows()];
            if (same) return r;
        }
        throw new AssertionError("batch row " + i + " is not a data row");
    }
}
