package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class ParallelThreeLayerNetworkTest {
    /** Samples (1, 0), (0, 1), (1, 1), (−1, 2); targets 1, 0, 2, 1. */
    private final Dataset data = Dataset.ofRows(new double[][] {{1, 0}, {0, 1}, {1, 1}, {-1, 2}}, new double[] {1, 0, 2, 1});

    /**
     * K = 2, m1 = 2, d = 2. Sub-network 0: neurons (0.6, 0) and (0, 0.8) (‖W10‖_F = 1), w2 = (1, −1),
     * w3 = 2. Sub-network 1: neurons (0.5, 0.5) and (−0.5, 0) , w2 = (2, 1), w3 = −1.
     */
    private final ParallelThreeLayerNetwork net = new ParallelThreeLayerNetwork(2, 2, 2,
            new double[] {0.6, 0, 0, 0.8, 0.5, 0.5, -0.5, 0}, new double[] {1, -1, 2, 1}, new double[] {2, -1});

    @Test
    void predictsByHand() {
        // Sample (1,0): sub 0: (0.6)₊·1 + (0)₊·(−1) = 0.6 → 1.2; sub 1: 0.5·2 + 0 = 1 → −1. Total 0.2.
        // Sample (0,1): sub 0: 0 − 0.8 < 0 → 0; sub 1: 0.5·2 = 1 → −1. Total −1.
        // Sample (1,1): sub 0: 0.6 − 0.8 < 0 → 0; sub 1: 1·2 = 2 → −2. Total −2.
        // Sample (−1,2): sub 0: 0 − 0.8·2 < 0 → 0; sub 1: 0.5·2 + 0.5·1 = 1.5 → −1.5. Total −1.5.
        assertArrayEquals(new double[] {0.2, -1, -2, -1.5}, net.predict(data), 1e-15);
    }

    @Test
    void weightDecayObjective() {
        // Residuals −0.8, −1, −4, −2.5: ½(0.64 + 1 + 16 + 6.25) = 11.945. Penalty ½β(1+1+4+1 + 4+1).
        assertEquals(11.945 + 0.5 * 0.1 * 12, net.objective(data, 0.1), 1e-12);
    }

    @Test
    void pathObjective() {
        // Path norms: 2·sqrt(0.36·1 + 0.64·1) = 2 and 1·sqrt(0.5·4 + 0.25·1) = 1.5.
        assertEquals(2.0, net.pathNorm(0), 1e-15);
        assertEquals(1.5, net.pathNorm(1), 1e-15);
        assertEquals(11.945 + 0.1 * 3.5, net.pathObjective(data, 0.1), 1e-12);
    }

    @Test
    void pathObjectiveIgnoresTheRescalingSymmetry() {
        double t = 3.7;
        double[] w2 = net.w2().clone(), w3 = net.w3().clone();
        for (int i = 0; i < w2.length; i++) w2[i] /= t;
        for (int i = 0; i < w3.length; i++) w3[i] *= t;
        ParallelThreeLayerNetwork rescaled = new ParallelThreeLayerNetwork(2, 2, 2, net.w1(), w2, w3);
        assertArrayEquals(net.predict(data), rescaled.predict(data), 1e-14);
        assertEquals(net.pathObjective(data, 0.3), rescaled.pathObjective(data, 0.3), 1e-12);
    }

    @Test
    void weightDecayObjectiveRefusesFirstLayersAboveUnitNorm() {
        double[] w1 = net.w1().clone();
        w1[0] = 0.7;
        ParallelThreeLayerNetwork infeasible = new ParallelThreeLayerNetwork(2, 2, 2, w1, net.w2(), net.w3());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> infeasible.objective(data, 0.1));
        assertEquals(true, e.getMessage().contains("sub-network 0 has ‖W1k‖_F"));
    }

    @Test
    void rejectsInconsistentShapes() {
        Problems.assertRejected(() -> new ParallelThreeLayerNetwork(2, 2, 2, new double[7], new double[4], new double[2]),
                "w1 has 7 values, expected K*m1*d");
        Problems.assertRejected(() -> new ParallelThreeLayerNetwork(2, 2, 2, new double[8], new double[3], new double[2]),
                "w2 has 3 values");
        Problems.assertRejected(() -> new ParallelThreeLayerNetwork(2, 2, 2, new double[8], new double[4], new double[1]),
                "w3 has 1 values");
        Problems.assertRejected(() -> new ParallelThreeLayerNetwork(2, 1, 0, new double[0], new double[0], new double[1]),
                "width must be >= 1");
        Problems.assertRejected(() -> new ParallelThreeLayerNetwork(2, 1, 1, new double[] {Double.NaN, 0}, new double[1], new double[1]),
                "first-layer weight is NaN");
        Problems.assertRejected(() -> net.predict(Problems.gaussian(3, 3, 1)), "expects 2 input features");
        assertThrows(IndexOutOfBoundsException.class, () -> net.pathNorm(2));
    }
}
