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

    /**
     * The per-mask products through the 0/1 mask matrix against loops over rows: {@code [XᵀD_i r]},
     * {@code Σ_i D_i X w_i}, and {@code apply}/{@code applyTranspose} built on them, for both programs.
     */
    @Test
    void maskProductsMatchLoopsOverRows() {
        Dataset data = TestProblems.planted(53, 4, 41);
        PatternSet patterns = TestProblems.sample(data, 11, 43);
        int n = data.n(), d = data.d(), p = patterns.size();
        Random rng = new Random(47);
        try (Arena arena = Arena.ofConfined()) {
            for (boolean constrained : new boolean[] {true, false}) {
                TwoLayerOperator op = TestProblems.twoLayerOperator(arena, data, patterns, constrained);
                Matrix r = DenseOperatorCheck.random(arena, rng, n, 1);
                Matrix g = DenseOperatorCheck.random(arena, rng, p, d);
                double[] g0 = g.toArray();
                op.maskTranspose(0.6, r, -1.5, g);
                for (int i = 0; i < p; i++)
                    for (int k = 0; k < d; k++) {
                        double sum = 0;
                        for (int a = 0; a < n; a++) if (patterns.active(i, a)) sum += data.get(a, k) * r.get(a);
                        double expected = 0.6 * sum - 1.5 * g0[i + k * p];
                        assertEquals(expected, g.get(i, k), 1e-12 * (1 + Math.abs(expected)), "maskTranspose " + i + "," + k);
                    }
                Matrix w = DenseOperatorCheck.random(arena, rng, d, p);
                Matrix y = Matrix.vector(arena, n);
                op.maskApply(w, y);
                for (int a = 0; a < n; a++) {
                    double expected = 0;
                    for (int i = 0; i < p; i++) {
                        if (!patterns.active(i, a)) continue;
                        for (int k = 0; k < d; k++) expected += data.get(a, k) * w.get(k, i);
                    }
                    assertEquals(expected, y.get(a), 1e-12 * (1 + Math.abs(expected)), "maskApply row " + a);
                }
                // M u and Mᵀ r: the blocks of mask i enter with signs +1 (v) and −1 (w)
                Matrix u = DenseOperatorCheck.random(arena, rng, d, op.blocks());
                op.apply(u, y);
                Matrix net = Matrix.allocate(arena, d, p);
                for (int j = 0; j < op.blocks(); j++)
                    for (int k = 0; k < d; k++) net.set(k, op.maskOf(j), net.get(k, op.maskOf(j)) + op.sign(j) * u.get(k, j));
                Matrix expected = Matrix.vector(arena, n);
                op.maskApply(net, expected);
                for (int a = 0; a < n; a++) assertEquals(expected.get(a), y.get(a), 1e-12 * (1 + Math.abs(expected.get(a))), "apply row " + a);
                Matrix gt = Matrix.allocate(arena, d, op.blocks()), perMask = Matrix.allocate(arena, p, d);
                op.applyTranspose(2.0, r, 0.0, gt);
                op.maskTranspose(2.0, r, 0.0, perMask);
                for (int j = 0; j < op.blocks(); j++)
                    for (int k = 0; k < d; k++)
                        assertEquals(op.sign(j) * perMask.get(op.maskOf(j), k), gt.get(k, j), 1e-12 * (1 + Math.abs(gt.get(k, j))), "applyTranspose " + j);
            }
        }
    }
}
