package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FactorFlopsTest {

    /** Every term but the n×n Cholesky is per mask: doubling P doubles the rest exactly. */
    @Test
    void isAffineInThePatternCountWithTheCholeskyAsIntercept() {
        FactorFlops one = new FactorFlops(300, 7, 40), two = new FactorFlops(300, 7, 80);
        double chol = 300.0 * 300 * 300 / 3;
        assertEquals(2 * (one.total() - chol), two.total() - chol, 1e-6 * two.total());
        assertEquals(chol, one.schurCholesky(), 0);
    }

    /** The dsyrk term against a direct count: n(n+1)/2 output entries, k multiply-adds each. */
    @Test
    void dsyrkTermCountsEveryMultiplyAddOfTheLowerTriangle() {
        int n = 37, d = 3, p = 5, k = d * p;
        long flops = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) flops += 2L * k;
        assertEquals(flops, new FactorFlops(n, d, p).dsyrk(), 0);
    }

    /** The Gram dgemm: d(d+1)/2 packed entries per block, n multiply-adds each, 2P blocks. */
    @Test
    void gramTermCountsThePackedKhatriRaoProduct() {
        int n = 11, d = 4, p = 6;
        long flops = 0;
        for (int block = 0; block < 2 * p; block++)
            for (int c = 0; c < d; c++)
                for (int r = 0; r <= c; r++) flops += 2L * n;
        assertEquals(flops, new FactorFlops(n, d, p).gram(), 0);
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThrows(IllegalArgumentException.class, () -> new FactorFlops(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FactorFlops(1, 1, 0));
    }
}
