package org.cvxnn.solver.compare;

import java.util.Objects;
import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;

/**
 * A data set divided into a training part and a held-out test part.
 *
 * @param train the samples the methods are trained on, at least one
 * @param test  the held-out samples, at least one, with as many features as {@code train}
 */
public record TrainTestSplit(Dataset train, Dataset test) {

    public TrainTestSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.d() != test.d())
            throw new IllegalArgumentException("the training data have " + train.d() + " features, the test data " + test.d());
    }

    /**
     * Splits {@code data} by membership: sample {@code i} goes to the test part when
     * {@code isTest[i]}, else to the training part; both keep the data's row order.
     */
    public static TrainTestSplit of(Dataset data, boolean[] isTest) {
        if (isTest.length != data.n())
            throw new IllegalArgumentException(isTest.length + " membership flags for " + data.n() + " samples");
        int tests = 0;
        for (boolean t : isTest) if (t) tests++;
        if (tests == 0 || tests == data.n())
            throw new IllegalArgumentException("a split needs at least one training and one test sample, got "
                    + (data.n() - tests) + " training and " + tests + " test samples");
        int[] train = new int[data.n() - tests], test = new int[tests];
        for (int i = 0, a = 0, b = 0; i < data.n(); i++) {
            if (isTest[i]) test[b++] = i;
            else train[a++] = i;
        }
        return new TrainTestSplit(data.subset(train), data.subset(test));
    }

    /**
     * A seeded random split holding out {@code round(fraction·n)} samples (at least one, and at
     * least one left for training), chosen uniformly by a Fisher–Yates shuffle from {@code seed}.
     *
     * @param fraction the share of samples held out, in {@code (0, 1)}
     */
    public static TrainTestSplit random(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1))
            throw new IllegalArgumentException("the test fraction must be in (0, 1), got " + fraction);
        int n = data.n();
        if (n < 2) throw new IllegalArgumentException("splitting needs at least 2 samples, got " + n);
        int tests = (int) Math.min(n - 1, Math.max(1, Math.round(fraction * n)));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] isTest = new boolean[n];
        for (int k = 0; k < tests; k++) isTest[order[k]] = true;
        return of(data, isTest);
    }
}
