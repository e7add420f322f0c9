package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Matrix;

import java.lang.foreign.Arena;

/**
 * The Khatri–Rao matrix of the data: row a holds the packed upper triangle of {@code x_a x_aᵀ}
 * (column-major order), so that one dgemm against a panel of row weights w gives the packed
 * {@code Xᵀ diag(w) X} of every column of weights (ipm.md §3.2, step 1).
 */
final class KhatriRao {
    private KhatriRao() { }

    /** Written straight into off-heap memory: no heap copy of the n × d(d+1)/2 matrix. */
    static Matrix of(Arena arena, Matrix x) {
        int n = x.rows(), d = x.cols();
        Matrix kr = Matrix.allocate(arena, n, d * (d + 1) / 2);
        int col = 0;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i <= j; i++, col++) {
                for (int a = 0; a < n; a++) kr.set(a, col, x.get(a, i) * x.get(a, j));
            }
        }
        return kr;
    }
}
