package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.util.Random;

import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class TwoLayerOperatorTest {

    /** The fused {@code w∘(αKu + βb)} is, bit for bit, the rows followed by the two elementwise steps. */
    @Test
    void fusedConstraintRowsEqualTheComposition() {
        Dataset data = TestProblems.planted(70, 3, 29);
        PatternSet patterns = TestProblems.sample(data, 9, 31);
        int n = data.n(), d = data.d(), blocks = 2 * patterns.size();
        Random rng = new Random(37);
        try (Arena arena = Arena.ofConfined()) {
            TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, true);
            Matrix u = DenseOperatorCheck.random(arena, rng, d, blocks);
            Matrix b = DenseOperatorCheck.random(arena, rng, n, blocks), w = DenseOperatorCheck.random(arena, rng, n, blocks);
            Matrix rows = Matrix.allocate(arena, n, blocks), fused = Matrix.allocate(arena, n, blocks);
            for (double beta : new double[] {0.0, -1.0, 0.5}) {
                for (Matrix weights : new Matrix[] {null, w}) {
                    op.constraintRows(-0.7, u, rows);
                    op.constraintRows(-0.7, u, b, beta, weights, fused);
                    for (int j = 0; j < blocks; j++)
                        for (int a = 0; a < n; a++) {
                            double expected = rows.get(a, j);
                            if (beta != 0) expected = expected + beta * b.get(a, j);
                            if (weights != null) expected = expected * weights.get(a, j);
                            assertEquals(expected, fused.get(a, j), 0.0, "row " + a + " block " + j);
                        }
                }
            }
            // the rows themselves: ±(X u_j) by the block's mask
            op.constraintRows(1.0, u, rows);
            for (int j = 0; j < blocks; j++)
                for (int a = 0; a < n; a++) {
                    double xu = 0;
                    for (int k = 0; k < d; k++) xu += data.get(a, k) * u.get(k, j);
                    double expected = patterns.active(op.maskOf(j), a) ? xu : -xu;
                    assertEquals(expected, rows.get(a, j), 1e-12 * (1 + Math.abs(xu)));
                }
        }
    }
}
