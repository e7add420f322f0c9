package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComboBoundTest {

    @Test
    void closedFormMatchesHandComputation() {
        // n = 10, r = 2, m1 = 2, P1 = 20: (2·20)² · 2·2·2 · (9e/4)⁴ = 1600 · 8 · e⁴ · 6561/256
        // = 12800 · 54.598150033 · 25.62890625 = 17 910 923.1 (to 8 digits)
        ComboBound b = new ComboBound(10, 2, 2, 20);
        assertEquals(17_910_923.1, b.value(), 0.1);
        assertEquals(Math.log10(17_910_923.1), b.log() / Math.log(10), 1e-8);
    }

    @Test
    void sumFormMatchesHandComputation() {
        // n = 10, r = 2, m1 = 2, P1 = 20: 1600 · 2·(C(9,0)+C(9,1)+C(9,2)+C(9,3)) = 1600 · 2·(1+9+36+84) = 416 000
        assertEquals(416_000, new ComboBound(10, 2, 2, 20).sumValue(), 1e-6);
        // m1 = 1 is (2P1)·Cover's count: n = 6, r = 2, P1 = 12: 24 · 2·(1+5) = 288
        assertEquals(288, new ComboBound(6, 2, 1, 12).sumValue(), 1e-9);
        // m1·r beyond n−1: the sum stops at C(n−1, n−1), 2·2^(n−1); n = 4, r = 3, m1 = 2, P1 = 1: 2² · 2·8 = 64
        assertEquals(64, new ComboBound(4, 3, 2, 1).sumValue(), 1e-9);
    }

    @Test
    void sumFormIsBelowClosedFormWhenTheClosedFormApplies() {
        for (int n = 2; n <= 60; n++)
            for (int r = 1; r <= 4; r++)
                for (int m1 = 1; m1 <= 3; m1++)
                    if (m1 * r <= n - 1) {
                        ComboBound b = new ComboBound(n, r, m1, 7);
                        assertTrue(b.sumLog() <= b.log() + 1e-12, b.toString());
                    }
    }

    @Test
    void hugeBoundsStayFiniteInLogSpace() {
        // n = 10^6, r = 20, m1 = 4, P1 = 10^9 (k = m1·r = 80, N = n − 1): the sum 2·Σ_{j<80} C(N, j) lies between
        // 2·C(N, 79) and 2·80·C(N, 79), since the terms increase with j for j < N/2
        ComboBound b = new ComboBound(1_000_000, 20, 4, 1_000_000_000L);
        double lnTop = 0;
        for (int j = 0; j < 79; j++) lnTop += Math.log((999_999.0 - j) / (j + 1));
        double lower = 4 * Math.log(2e9) + Math.log(2) + lnTop;
        assertTrue(b.sumLog() >= lower - 1e-9 && b.sumLog() <= lower + Math.log(80) + 1e-9, () -> "sumLog " + b.sumLog() + ", lower " + lower);
        assertEquals(Double.POSITIVE_INFINITY, b.value());
        assertTrue(Double.isFinite(b.log()) && b.sumLog() <= b.log());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ComboBound(1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComboBound(5, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComboBound(5, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComboBound(5, 1, 1, 0));
    }
}
