package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.function.Executable;

/** Seeded test problems and finite-difference helpers for the baseline tests. */
final class Problems {
    private Problems() {}

    /** Gaussian features and targets, {@code n×d}. */
    static Dataset gaussian(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = random.nextGaussian();
        return new Dataset(n, d, x, y);
    }

    /** {@code n} samples of two Gaussian features plus a bias column, labelled by a random width-3 ReLU teacher. */
    static Dataset plantedTwoLayer(int n, long seed) {
        Dataset features = gaussian(n, 2, seed).withBias();
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[] w = new double[3 * 3];
        for (int i = 0; i < w.length; i++) w[i] = random.nextGaussian();
        TwoLayerNetwork teacher = new TwoLayerNetwork(3, 3, w, new double[] {1.0, -1.0, 0.7});
        return new Dataset(n, 3, features.x(), teacher.predict(features));
    }

    /** Two Gaussian features plus bias, labelled by a random parallel three-layer teacher (K = 2, m1 = 3). */
    static Dataset plantedThreeLayer(int n, long seed) {
        Dataset features = gaussian(n, 2, seed).withBias();
        SplittableRandom random = new SplittableRandom(seed + 1);
        ParallelShape shape = new ParallelShape(3, 2, 3);
        double[] p = new double[shape.dimension()];
        for (int i = 0; i < p.length; i++) p[i] = random.nextGaussian();
        p[shape.w3Offset()] = 2.0;
        p[shape.w3Offset() + 1] = -1.5;
        ParallelThreeLayerNetwork teacher = new PathSurrogateObjective(features, shape, 0.0, n).network(p);
        return new Dataset(n, 3, features.x(), teacher.predict(features));
    }

    /** {@code ½‖y‖²}, the objective of the zero network. */
    static double halfSquaredNorm(double[] y) {
        double s = 0;
        for (double v : y) s += v * v;
        return 0.5 * s;
    }

    /** Largest absolute entry. */
    static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) m = Math.max(m, Math.abs(a));
        return m;
    }

    /** Central-difference gradient of the full-batch smooth objective at {@code params}. */
    static double[] finiteDifferenceGradient(SmoothObjective<?> objective, double[] params, double h) {
        Batch all = new Batch(objective.data(), objective.data().n());
        double[] scratch = new double[params.length];
        double[] g = new double[params.length];
        double[] p = params.clone();
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double plus = objective.valueAndGradient(p, all, scratch);
            p[i] = keep - h;
            double minus = objective.valueAndGradient(p, all, scratch);
            p[i] = keep;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /** {@code ‖a − b‖ / ‖b‖}. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0, norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }

    /** Asserts that {@code call} throws an {@link IllegalArgumentException} whose message contains {@code fragment}. */
    static void assertRejected(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
