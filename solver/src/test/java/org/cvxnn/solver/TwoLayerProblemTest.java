package org.cvxnn.solver;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoLayerProblemTest {

    static Dataset noisyPlanted(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        double[] y = new double[n];
        double[] u = new double[d];
        for (int k = 0; k < d; k++) u[k] = r.nextGaussian();
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int k = 0; k < d; k++) {
                rows[i][k] = r.nextGaussian();
                z += rows[i][k] * u[k];
            }
            y[i] = Math.max(z, 0) - 0.5 * Math.max(-z + 0.3, 0) + 0.1 * r.nextGaussian();
        }
        return Dataset.ofRows(rows, y);
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RELU2", "GATED2"})
    void recoveredNetworkReproducesTheConvexObjective(ModelKind kind) {
        Dataset data = noisyPlanted(80, 4, 3);
        TwoLayerProblem problem = TwoLayerProblem.builder(data).model(kind).beta(0.5).bias(true)
                .patterns(PatternSource.sampled(60, 7)).build();
        ConvexSolution s = problem.solve(IpmSettings.defaults());
        assertTrue(s.status().isOptimal(), s.status().toString());
        assertTrue(s.gapRel() <= 1e-7, "gap " + s.gapRel());
        assertEquals(s.objective(), s.nonconvexObjective(), 1e-7 * Math.abs(s.objective()));
        assertEquals(s.nonconvexObjective(), s.model().objective(data, 0.5), 1e-12 * s.objective());
        assertTrue(s.activeNeurons() > 0 && s.activeNeurons() < 2 * s.patterns(), "neurons " + s.activeNeurons());
    }
}
