package org.cvxnn.solver.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * A slow but simple solver of the convex program (1.2) for tiny problems: FISTA with adaptive
 * restart, whose proximal step per block is {@code (1 − λ/‖Π_K(x)‖)_+ Π_K(x)} (the prox of
 * {@code λ‖·‖ + ι_K} for a cone K). Gives near-optimal networks to test the certificate's tightness.
 */
final class ReferenceSolver {
    private final Dataset data;
    private final int n;
    private final int d;
    private final int p;
    private final boolean[][] masks;
    private final long[] words;
    private final int wordsPerPattern;
    private final PolyhedralConeProjector projector;
    private final PolyhedralConeProjector.Workspace ws;
    private final double beta;
    private final double step;
    /** Blocks v_1..v_P, w_1..w_P of the current iterate, the extrapolated point, and the momentum. */
    private double[][] x;
    private final double[][] z;
    private double t = 1;

    ReferenceSolver(Dataset data, PatternSet patterns, double beta) {
        this.data = data;
        this.n = data.n();
        this.d = data.d();
        this.p = patterns.size();
        this.masks = new boolean[p][n];
        for (int i = 0; i < p; i++) for (int r = 0; r < n; r++) masks[i][r] = patterns.active(i, r);
        this.words = new long[p * patterns.wordsPerPattern()];
        patterns.copyWordsTo(words);
        this.wordsPerPattern = patterns.wordsPerPattern();
        this.projector = new PolyhedralConeProjector(data);
        this.ws = projector.newWorkspace();
        this.beta = beta;
        this.step = 1.0 / lipschitz();
        this.x = new double[2 * p][d];
        this.z = new double[2 * p][d];
    }

    /** Runs {@code iterations} more FISTA steps (the first call starts from zero). */
    void iterate(int iterations) {
        for (int it = 0; it < iterations; it++) {
            double[] r = residual(z);
            double[][] next = new double[2 * p][d];
            double restart = 0;
            for (int b = 0; b < 2 * p; b++) {
                double[] grad = correlation(b % p, r);
                double sign = b < p ? 1 : -1;
                double[] point = new double[d];
                for (int j = 0; j < d; j++) point[j] = z[b][j] - step * sign * grad[j];
                double[] proj = projector.project(words, (b % p) * wordsPerPattern, point, ws, 0.0).point();
                double norm = Fixtures.norm(proj);
                double shrink = norm > step * beta ? 1 - step * beta / norm : 0;
                for (int j = 0; j < d; j++) {
                    next[b][j] = shrink * proj[j];
                    restart += (z[b][j] - next[b][j]) * (next[b][j] - x[b][j]);
                }
            }
            double tNext = restart > 0 ? 1 : 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
            double momentum = restart > 0 ? 0 : (t - 1) / tNext;
            for (int b = 0; b < 2 * p; b++)
                for (int j = 0; j < d; j++) z[b][j] = next[b][j] + momentum * (next[b][j] - x[b][j]);
            x = next;
            t = tNext;
        }
    }

    /** The network of §1.5 built from the current iterate. */
    TwoLayerNetwork network() {
        double[][] blocks = x;
        List<double[]> neurons = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        for (int b = 0; b < 2 * p; b++) {
            double norm = Fixtures.norm(blocks[b]);
            if (norm == 0) continue;
            double root = Math.sqrt(norm);
            double[] u = new double[d];
            for (int j = 0; j < d; j++) u[j] = blocks[b][j] / root;
            neurons.add(u);
            alphas.add(b < p ? root : -root);
        }
        int m = neurons.size();
        double[] w1 = new double[d * m];
        double[] alpha = new double[m];
        for (int k = 0; k < m; k++) {
            System.arraycopy(neurons.get(k), 0, w1, k * d, d);
            alpha[k] = alphas.get(k);
        }
        return new TwoLayerNetwork(d, m, w1, alpha);
    }

    /** {@code Σ_i D_iX(v_i − w_i) − y}. */
    private double[] residual(double[][] blocks) {
        double[] r = new double[n];
        for (int b = 0; b < 2 * p; b++) {
            double sign = b < p ? 1 : -1;
            for (int row = 0; row < n; row++) {
                if (!masks[b % p][row]) continue;
                double s = 0;
                for (int j = 0; j < d; j++) s += data.get(row, j) * blocks[b][j];
                r[row] += sign * s;
            }
        }
        for (int row = 0; row < n; row++) r[row] -= data.y()[row];
        return r;
    }

    /** {@code XᵀD_i r}. */
    private double[] correlation(int i, double[] r) {
        double[] g = new double[d];
        for (int row = 0; row < n; row++)
            if (masks[i][row]) for (int j = 0; j < d; j++) g[j] += data.get(row, j) * r[row];
        return g;
    }

    /** ‖M‖² for M = [D_1X … D_PX, −D_1X … −D_PX], by power iteration on {@code MMᵀ = 2Σ D_iXXᵀD_i}. */
    private double lipschitz() {
        double[] r = new double[n];
        Arrays.fill(r, 1.0);
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            double[] next = new double[n];
            for (int i = 0; i < p; i++) {
                double[] g = correlation(i, r);
                for (int row = 0; row < n; row++) {
                    if (!masks[i][row]) continue;
                    next[row] += 2 * Fixtures.dot(data.row(row), g);
                }
            }
            lambda = Fixtures.norm(next);
            for (int row = 0; row < n; row++) r[row] = next[row] / lambda;
        }
        return 1.01 * lambda;
    }
}
