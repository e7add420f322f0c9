package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cvxnn.solver.ipm.DenseOperatorCheck.times;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.Random;

import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

/** Every method of {@link PathThreeLayerOperator} against dense A_c and K_c built entry by entry from the combos. */
class PathThreeLayerOperatorTest {
    private static final double TOL = 1e-12;

    static List<Dataset> problems(Random rng) {
        return List.of(gaussian(rng, 6, 2), gaussian(rng, 8, 2), univariateWithBias(rng, 7));
    }

    static Dataset gaussian(Random rng, int n, int d) {
        double[] x = new double[n * d], y = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = rng.nextGaussian();
        return new Dataset(n, d, x, y);
    }

    static Dataset univariateWithBias(Random rng, int n) {
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2.0 * (i + 0.3 * rng.nextDouble()) / n;
            y[i] = Math.sin(3 * x[i]) + 0.3 * rng.nextGaussian();
        }
        return new Dataset(n, 1, x, y).withBias();
    }

    /** A_c (n × m1d): column block j is s_cj D_2c D_1cj X. */
    static double[][] lossMatrix(Dataset data, ComboSet combos, int c) {
        int n = data.n(), d = data.d(), m1 = combos.m1();
        double[][] a = new double[n][m1 * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m1; j++)
                for (int l = 0; l < d; l++)
                    a[i][j * d + l] = combos.secondActive(c, i) && combos.firstActive(c, j, i) ? combos.sign(c, j) * data.get(i, l) : 0.0;
        return a;
    }

    /** K_c ((m1+1)n × m1d): blockdiag_j (2D_1cj − I)X on top of (2D_2c − I)[s_cj D_1cj X]_j. */
    static double[][] constraintMatrix(Dataset data, ComboSet combos, int c) {
        int n = data.n(), d = data.d(), m1 = combos.m1();
        double[][] k = new double[(m1 + 1) * n][m1 * d];
        for (int j = 0; j < m1; j++)
            for (int i = 0; i < n; i++)
                for (int l = 0; l < d; l++) {
                    k[j * n + i][j * d + l] = (combos.firstActive(c, j, i) ? 1 : -1) * data.get(i, l);
                    double s2 = combos.secondActive(c, i) ? 1 : -1;
                    k[m1 * n + i][j * d + l] = combos.firstActive(c, j, i) ? s2 * combos.sign(c, j) * data.get(i, l) : 0.0;
                }
        return k;
    }

    @Test
    void everyMethodMatchesTheDenseReference() {
        Random rng = new Random(31);
        for (Dataset data : problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, 2);
            int n = data.n(), cCount = combos.size();
            double[][][] a = new double[cCount][][], k = new double[cCount][][];
            for (int c = 0; c < cCount; c++) {
                a[c] = lossMatrix(data, combos, c);
                k[c] = constraintMatrix(data, combos, c);
            }
            try (Arena arena = Arena.ofConfined()) {
                PathThreeLayerOperator op = new PathThreeLayerOperator(arena, Matrix.of(arena, n, data.d(), data.x()), combos);
                assertEquals(n, op.n());
                assertEquals(cCount, op.masks());
                DenseOperatorCheck.verify(arena, op, a, k, rng, TOL, "");
            }
        }
    }

    /** The generic repair of {@link SolutionCertifier} along the combos' generating points makes perturbed blocks feasible. */
    @Test
    void certificateRepairMovesInfeasibleBlocksIntoTheirCones() {
        Random rng = new Random(32);
        for (Dataset data : problems(rng)) {
            ComboSet combos = new ComboEnumerator().enumerate(data, 2);
            int n = data.n(), cCount = combos.size(), blocks = 2 * cCount, dim = 2 * data.d(), rows = 3 * n;
            try (Arena arena = Arena.ofConfined()) {
                PathThreeLayerOperator op = new PathThreeLayerOperator(arena, Matrix.of(arena, n, data.d(), data.x()), combos);
                Matrix h = Matrix.allocate(arena, dim, blocks);
                op.generatingDirections(h);
                double[] start = h.toArray();
                for (int b = 0; b < blocks; b++) {
                    double norm = 0;
                    for (int l = 0; l < dim; l++) norm += start[b * dim + l] * start[b * dim + l];
                    for (int l = 0; l < dim; l++) start[b * dim + l] += 0.05 * Math.sqrt(norm) * rng.nextGaussian();
                }
                // keep the half whose prediction correlates with y, scaled to fit y best: then the
                // zero point is worse and the certifier must repair rather than discard the blocks
                Matrix u = Matrix.of(arena, dim, blocks, start);
                Matrix yhat = Matrix.vector(arena, n);
                u.columns(cCount, cCount).fill(0.0);
                op.apply(u, yhat);
                double[] f = yhat.toArray();
                double fy = 0, ff = 0;
                for (int i = 0; i < n; i++) {
                    fy += f[i] * data.y()[i];
                    ff += f[i] * f[i];
                }
                if (fy < 0) { // use the other half instead: the same blocks with output sign −1
                    u.columns(cCount, cCount).copyFrom(u.columns(0, cCount));
                    u.columns(0, cCount).fill(0.0);
                }
                double fit = Math.abs(fy) / ff;
                double[] current = u.toArray();
                for (int k = 0; k < start.length; k++) start[k] = fit * current[k];
                u.copyFrom(start);
                Matrix y = Matrix.of(arena, n, 1, data.y());
                double beta = 1e-9;
                SolutionCertifier.Certificate cert = new SolutionCertifier(arena, op, y, beta)
                        .certify(u, Matrix.allocate(arena, rows, blocks), Matrix.allocate(arena, rows, blocks), lambda -> 0.0);
                double[] w = cert.weights();
                int moved = 0;
                double penalty = 0;
                double[] prediction = new double[n];
                for (int b = 0; b < blocks; b++) {
                    double[] block = java.util.Arrays.copyOfRange(w, b * dim, (b + 1) * dim);
                    double[] kw = times(constraintMatrix(data, combos, b % cCount), block);
                    double scale = 0;
                    for (double v : block) scale = Math.max(scale, Math.abs(v));
                    for (int i = 0; i < rows; i++) assertTrue(kw[i] >= -1e-13 * scale, "block " + b + " row " + i + ": " + kw[i]);
                    double[] given = java.util.Arrays.copyOfRange(start, b * dim, (b + 1) * dim);
                    if (!java.util.Arrays.equals(block, given) && scale > 0) moved++;
                    double norm = 0;
                    for (double v : block) norm += v * v;
                    penalty += Math.sqrt(norm);
                    double[] ab = times(lossMatrix(data, combos, b % cCount), block);
                    for (int i = 0; i < n; i++) prediction[i] += op.sign(b) * ab[i];
                }
                assertTrue(moved > 0, "no block was repaired");
                double loss = 0;
                for (int i = 0; i < n; i++) loss += 0.5 * (prediction[i] - data.y()[i]) * (prediction[i] - data.y()[i]);
                assertEquals(loss + beta * penalty, cert.primal(), 1e-10 * cert.primal());
                assertTrue(cert.dual() <= cert.primal());
            }
        }
    }
}
