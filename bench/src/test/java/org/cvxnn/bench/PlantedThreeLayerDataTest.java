package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class PlantedThreeLayerDataTest {

    @Test
    void deterministicPerSeedAndDifferentAcrossSeeds() {
        PlantedThreeLayerData a = PlantedThreeLayerData.generate(10, false, 5), b = PlantedThreeLayerData.generate(10, false, 5);
        assertArrayEquals(a.design().x(), b.design().x());
        assertArrayEquals(a.design().y(), b.design().y());
        assertTrue(a.design().y()[0] != PlantedThreeLayerData.generate(10, false, 6).design().y()[0]);
    }

    @Test
    void labelsAreTheplantedNetworkPlusSmallNoise() {
        for (boolean bias : new boolean[] {false, true}) {
            PlantedThreeLayerData p = PlantedThreeLayerData.generate(200, bias, 3);
            Dataset d = p.design();
            ParallelThreeLayerNetwork net = p.planted();
            assertEquals(2, d.d());
            if (bias) for (int i = 0; i < d.n(); i++) assertEquals(1.0, d.get(i, 1));
            double signal = 0, noise = 0;
            for (int i = 0; i < d.n(); i++) {
                double f = forward(net, d.row(i));
                signal += f * f;
                noise += (d.y()[i] - f) * (d.y()[i] - f);
            }
            double ratio = Math.sqrt(noise / signal);
            assertTrue(ratio > 0.05 && ratio < 0.2, "noise/signal " + ratio);
            for (int k = 0; k < net.subnetworks(); k++) {
                assertTrue(net.w2()[2 * k] >= 1 && net.w2()[2 * k + 1] <= -0.5);
                assertTrue(Math.abs(net.w3()[k]) >= 1);
            }
        }
    }

    @Test
    void rejectsTooFewSamples() {
        assertThrows(IllegalArgumentException.class, () -> PlantedThreeLayerData.generate(1, false, 0));
    }

    /** Σ_k w3k·relu(Σ_j w2kj·relu(x·w1kj)), written out independently of the network record. */
    private static double forward(ParallelThreeLayerNetwork net, double[] x) {
        double out = 0;
        for (int k = 0; k < net.subnetworks(); k++) {
            double z = 0;
            for (int j = 0; j < net.width(); j++) {
                double pre = 0;
                for (int l = 0; l < x.length; l++) pre += x[l] * net.w1()[(k * net.width() + j) * net.d() + l];
                z += net.w2()[k * net.width() + j] * Math.max(0, pre);
            }
            out += net.w3()[k] * Math.max(0, z);
        }
        return out;
    }
}
