package org.cvxnn.solver.compare;

import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainTestSplitTest {

    /** Sample i has feature i and target i, so parts can be traced back to rows. */
    private static Dataset indexed(int n) {
        double[][] rows = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) rows[i][0] = y[i] = i;
        return Dataset.ofRows(rows, y);
    }

    @Test
    void randomSplitPartitionsTheRowsWithTheRequestedShare() {
        TrainTestSplit s = TrainTestSplit.random(indexed(50), 0.2, 9);
        assertEquals(40, s.train().n());
        assertEquals(10, s.test().n());
        double[] all = new double[50];
        System.arraycopy(s.train().y(), 0, all, 0, 40);
        System.arraycopy(s.test().y(), 0, all, 40, 10);
        Arrays.sort(all);
        for (int i = 0; i < 50; i++) assertEquals(i, all[i]);
        assertArrayEquals(s.train().y(), s.train().x(), "features travel with their targets");
    }

    @Test
    void randomSplitIsSeeded() {
        Dataset d = indexed(30);
        assertArrayEquals(TrainTestSplit.random(d, 0.3, 1).test().y(), TrainTestSplit.random(d, 0.3, 1).test().y());
        assertFalse(Arrays.equals(TrainTestSplit.random(d, 0.3, 1).test().y(), TrainTestSplit.random(d, 0.3, 2).test().y()));
    }

    @Test
    void bothPartsAlwaysKeepASample() {
        assertEquals(1, TrainTestSplit.random(indexed(3), 0.01, 0).test().n());
        assertEquals(1, TrainTestSplit.random(indexed(3), 0.99, 0).train().n());
    }

    @Test
    void membershipSplitKeepsOrder() {
        TrainTestSplit s = TrainTestSplit.of(indexed(5), new boolean[] {true, false, false, true, false});
        assertArrayEquals(new double[] {1, 2, 4}, s.train().y());
        assertArrayEquals(new double[] {0, 3}, s.test().y());
    }

    @Test
    void rejectsDegenerateSplits() {
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(indexed(2), new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(indexed(2), new boolean[] {false}));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.random(indexed(5), 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.random(indexed(1), 0.5, 0));
    }
}
