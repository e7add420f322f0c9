package org.cvxnn.solver.baseline;

import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;

/**
 * Epoch-wise sampling without replacement: each epoch shuffles the rows and splits them into
 * {@code ceil(n / batchSize)} batches whose sizes differ by at most one (none larger than the
 * batch size), so every sample is used exactly once per epoch and each batch is a uniformly random
 * subset of its size. A full batch is never shuffled nor copied.
 */
final class Minibatches {
    private final int n;
    private final int count;
    private final int[] order;
    private final Batch batch;
    private final SplittableRandom random;

    Minibatches(Dataset data, int batchSize, SplittableRandom random) {
        assert batchSize >= 1 && batchSize <= data.n();
        this.n = data.n();
        this.count = (n + batchSize - 1) / batchSize;
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        this.batch = new Batch(data, batchSize);
        this.random = random;
    }

    /** Number of batches (optimiser steps) per epoch. */
    int count() {
        return count;
    }

    /** Starts a new epoch with a fresh random order (Fisher–Yates). */
    void shuffle() {
        if (count == 1) return;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Loads batch {@code b} (0-based) of the current epoch. */
    Batch load(int b) {
        if (count > 1) batch.select(order, start(b), start(b + 1));
        return batch;
    }

    private int start(int b) {
        return (int) ((long) b * n / count);
    }
}
