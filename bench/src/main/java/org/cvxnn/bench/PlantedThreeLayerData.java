package org.cvxnn.bench;

import java.util.SplittableRandom;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.data.Dataset;

/**
 * Seeded synthetic data for the three-layer experiments: Gaussian inputs labelled by a planted
 * parallel three-layer ReLU network plus noise.
 *
 * <ul>
 *   <li>Design (n×2): two i.i.d. N(0, 1) features, or with {@code bias} one N(0, 1) feature and a
 *       column of ones (the network then learns a piecewise-linear function of one variable).</li>
 *   <li>Planted network: {@value #PLANTED_SUBNETWORKS} sub-networks of width {@value #WIDTH};
 *       first-layer weights i.i.d. N(0, 1); second-layer weights {@code 1 + U(0,1)} for neuron 0 and
 *       {@code −(0.5 + U(0,1))} for neuron 1 (so each sub-network is active where neuron 0 dominates);
 *       output weights {@code ±(1 + U(0,1))}, signs alternating. Draws whose noiseless output vanishes
 *       on every sample are discarded (the next draw of the same stream is used).</li>
 *   <li>{@code y = f(X) + ε}, ε i.i.d. N(0, s²), s = {@value #NOISE} × RMS of f(X).</li>
 * </ul>
 *
 * @param design  the training data (with the bias column when there is one)
 * @param planted the labelling network
 */
record PlantedThreeLayerData(Dataset design, ParallelThreeLayerNetwork planted) {
    /** Sub-networks of the planted network. */
    static final int PLANTED_SUBNETWORKS = 2;
    /** First-layer width m1 of the planted network (and of the trained ones). */
    static final int WIDTH = 2;
    /** Noise standard deviation relative to the RMS of the noiseless labels. */
    static final double NOISE = 0.1;
    private static final int DRAWS = 1000;

    /**
     * @throws IllegalArgumentException if {@code n < 2}
     */
    static PlantedThreeLayerData generate(int n, boolean bias, long seed) {
        if (n < 2) throw new IllegalArgumentException("n must be >= 2, got " + n);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            x[n + i] = bias ? 1.0 : rnd.nextGaussian();
        }
        Dataset unlabelled = new Dataset(n, 2, x, new double[n]);
        for (int draw = 0; draw < DRAWS; draw++) {
            ParallelThreeLayerNetwork net = drawNetwork(rnd);
            double[] f = net.predict(unlabelled);
            double power = 0;
            for (double v : f) power += v * v;
            if (power == 0) continue;
            double s = NOISE * Math.sqrt(power / n);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = f[i] + s * rnd.nextGaussian();
            return new PlantedThreeLayerData(new Dataset(n, 2, x, y), net);
        }
        throw new IllegalStateException("no planted network with a nonzero output on these " + n + " samples in " + DRAWS
                + " draws; use more samples or another seed");
    }

    private static ParallelThreeLayerNetwork drawNetwork(SplittableRandom rnd) {
        int k0 = PLANTED_SUBNETWORKS, m1 = WIDTH;
        double[] w1 = new double[k0 * m1 * 2];
        for (int i = 0; i < w1.length; i++) w1[i] = rnd.nextGaussian();
        double[] w2 = new double[k0 * m1];
        for (int k = 0; k < k0; k++) {
            w2[k * m1] = 1 + rnd.nextDouble();
            for (int j = 1; j < m1; j++) w2[k * m1 + j] = -(0.5 + rnd.nextDouble());
        }
        double[] w3 = new double[k0];
        for (int k = 0; k < k0; k++) w3[k] = (k % 2 == 0 ? 1 : -1) * (1 + rnd.nextDouble());
        return new ParallelThreeLayerNetwork(2, k0, m1, w1, w2, w3);
    }
}
