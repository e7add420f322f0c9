package org.cvxnn.bench;

import java.util.SplittableRandom;

import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.data.Dataset;

/**
 * Seeded benchmark data from a planted two-layer ReLU network, and the β the benchmarks use.
 *
 * <ul>
 *   <li>X (n×d): i.i.d. N(0, 1) when {@code rank ≥ d}; otherwise {@code X = G·H/√rank} with G
 *       (n×rank) and H (rank×d) i.i.d. N(0, 1), so X has rank {@code rank} (for exact-enumeration
 *       studies, whose pattern count depends on the rank).</li>
 *   <li>The planted network has {@value #HIDDEN} hidden neurons: unit-length first-layer weights
 *       {@code w_j} (normalised N(0, I_d) draws) and output weights {@code α_j = ±(1 + U(0, 1))},
 *       signs alternating, so the net is not sign-definite.</li>
 *   <li>{@code y = Σ_j α_j (X w_j)_+ + ε}, ε i.i.d. N(0, s²) with s = {@value #NOISE} × the RMS of
 *       the noiseless signal.</li>
 *   <li>β = {@value #BETA_FRACTION} × β_ref, where β_ref = {@link DualCertificate#betaMax} on the
 *       {@value #HIDDEN} activation patterns of the planted neurons: the smallest β at which the
 *       zero network is optimal among networks using those patterns. It scales with the data,
 *       does not depend on the number of sampled patterns (so a sweep over P solves the same
 *       problem family), and is at most the full β_max, so the solution is not trivially zero.</li>
 * </ul>
 * Everything is drawn from one {@link SplittableRandom} stream, so (n, d, rank, seed) fix the data.
 *
 * @param data    the samples (no bias column)
 * @param planted first-layer weights of the planted net, row j = w_j
 * @param alpha   output weights of the planted net
 * @param beta    the benchmark β
 */
public record PlantedData(Dataset data, double[][] planted, double[] alpha, double beta) {
    /** Hidden neurons of the planted network. */
    public static final int HIDDEN = 8;
    /** Noise standard deviation relative to the RMS of the noiseless targets. */
    public static final double NOISE = 0.1;
    /** β as a fraction of β_ref (see the class comment). */
    public static final double BETA_FRACTION = 0.05;

    /**
     * @param rank the rank of X; {@code rank ≥ d} means full rank (plain Gaussian)
     * @throws IllegalArgumentException if n &lt; 2, d &lt; 1 or rank &lt; 1
     */
    public static PlantedData generate(int n, int d, int rank, long seed) {
        if (n < 2) throw new IllegalArgumentException("n must be >= 2, got " + n);
        if (d < 1) throw new IllegalArgumentException("d must be >= 1, got " + d);
        if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = rank >= d ? gaussian(n * d, rnd) : lowRank(n, d, rank, rnd);
        double[][] w = new double[HIDDEN][];
        double[] alpha = new double[HIDDEN];
        for (int j = 0; j < HIDDEN; j++) {
            w[j] = gaussian(d, rnd);
            double len = Math.sqrt(dot(w[j], w[j]));
            for (int c = 0; c < d; c++) w[j][c] /= len;
            alpha[j] = (j % 2 == 0 ? 1 : -1) * (1 + rnd.nextDouble());
        }
        double[] y = new double[n];
        double power = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < HIDDEN; j++) {
                double pre = 0;
                for (int c = 0; c < d; c++) pre += x[i + c * n] * w[j][c];
                y[i] += alpha[j] * Math.max(0, pre);
            }
            power += y[i] * y[i];
        }
        double s = NOISE * Math.sqrt(power / n);
        for (int i = 0; i < n; i++) y[i] += s * rnd.nextGaussian();
        Dataset data = new Dataset(n, d, x, y);
        PatternSet own = PatternSource.gates(w).patternsOf(data);
        return new PlantedData(data, w, alpha, BETA_FRACTION * DualCertificate.betaMax(data, own));
    }

    private static double[] lowRank(int n, int d, int rank, SplittableRandom rnd) {
        double[] g = gaussian(n * rank, rnd), h = gaussian(rank * d, rnd);
        double[] x = new double[n * d];
        double scale = 1 / Math.sqrt(rank);
        for (int c = 0; c < d; c++)
            for (int l = 0; l < rank; l++) {
                double hlc = h[l + c * rank] * scale;
                for (int i = 0; i < n; i++) x[i + c * n] += g[i + l * n] * hlc;
            }
        return x;
    }

    private static double[] gaussian(int len, SplittableRandom rnd) {
        double[] v = new double[len];
        for (int k = 0; k < len; k++) v[k] = rnd.nextGaussian();
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
