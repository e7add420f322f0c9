package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TreeNetwork;
import org.junit.jupiter.api.Test;

/** The depth-L tree surrogate objective and trainer. */
class TreeTrainerTest {
    private static final double BETA = 0.3;
    private final Dataset data = Problems.gaussian(13, 3, 17);

    /**
     * The smallest |pre-activation| over the nodes that are not identically zero nearby (a node is,
     * when each child is negative or itself identically zero): the distance to the ReLU kinks.
     */
    private double kinkDistance(TreeNetwork net) {
        TreeShape shape = net.shape();
        int n = data.n(), nodes = shape.nodes();
        double[] pre = new double[n * nodes];
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < net.subnetworks(); k++) {
            shape.forward(data, net.leaves(), k * shape.leaves() * data.d(), net.edges(), k * (nodes - 1), pre);
            for (int i = 0; i < n; i++) {
                boolean[] zero = new boolean[nodes];
                for (int level = 2; level < shape.depth(); level++) {
                    int m = shape.width(level - 1);
                    for (int q = 0; q < shape.levelSize(level); q++) {
                        boolean all = true;
                        for (int j = 0; j < m; j++) {
                            int child = shape.node(level - 1, q * m + j);
                            all &= zero[child] || pre[child * n + i] < 0;
                        }
                        zero[shape.node(level, q)] = all;
                    }
                }
                for (int q = 0; q < nodes; q++) if (!zero[q]) min = Math.min(min, Math.abs(pre[q * n + i]));
            }
        }
        return min;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (TreeShape shape : new TreeShape[] {TreeShape.of(2, 2), TreeShape.of(2, 1, 2), TreeShape.of(3)}) {
            TreeSurrogateObjective objective = new TreeSurrogateObjective(data, shape, 2, BETA, data.n());
            SplittableRandom random = new SplittableRandom(3);
            int checked = 0;
            for (int attempt = 0; attempt < 2000 && checked < 4; attempt++) {
                double[] p = new double[objective.dimension()];
                for (int i = 0; i < p.length; i++) p[i] = 1.3 * random.nextGaussian();
                if (kinkDistance(objective.network(p)) < 1e-3) continue;
                double[] analytic = new double[p.length];
                objective.valueAndGradient(p, new Batch(data, data.n()), analytic);
                double error = Problems.relativeError(analytic, Problems.finiteDifferenceGradient(objective, p, 1e-6));
                assertTrue(error < 1e-6, shape + ": relative gradient error " + error);
                checked++;
            }
            assertEquals(4, checked, shape + ": kink-free points");
        }
    }

    @Test
    void surrogateBoundsThePathObjectiveWhichTheNetworkReports() {
        TreeShape shape = TreeShape.of(2, 2);
        TreeSurrogateObjective objective = new TreeSurrogateObjective(data, shape, 3, BETA, data.n());
        double[] p = TreeSurrogateObjective.initialParameters(data, shape, 3, new SplittableRandom(5));
        TreeNetwork net = objective.network(p);
        double value = net.objective(data, BETA);
        assertEquals(value, objective.objective(p), 1e-12 * value);
        assertTrue(objective.valueAndGradient(p, new Batch(data, data.n()), new double[p.length]) >= value);
    }

    @Test
    void depthThreeTreeIsTheParallelThreeLayerNetwork() {
        SplittableRandom random = new SplittableRandom(7);
        int k = 3, m1 = 2, d = data.d();
        double[] w1 = new double[k * m1 * d], w2 = new double[k * m1], w3 = new double[k];
        for (int i = 0; i < w1.length; i++) w1[i] = random.nextGaussian();
        for (int i = 0; i < w2.length; i++) w2[i] = random.nextGaussian();
        for (int i = 0; i < w3.length; i++) w3[i] = random.nextGaussian();
        ParallelThreeLayerNetwork three = new ParallelThreeLayerNetwork(d, k, m1, w1, w2, w3);
        TreeNetwork tree = new TreeNetwork(d, TreeShape.of(m1), k, w1, w2, w3);
        double[] a = three.predict(data), b = tree.predict(data);
        for (int i = 0; i < data.n(); i++) assertEquals(a[i], b[i], 1e-12 * (1 + Math.abs(a[i])));
        for (int s = 0; s < k; s++) assertEquals(three.pathNorm(s), tree.pathNorm(s), 1e-12 * three.pathNorm(s));
    }

    @Test
    void minibatchGradientsAverageToTheFullGradient() {
        Dataset even = Problems.gaussian(12, 3, 8);
        TreeShape shape = TreeShape.of(2, 2);
        TreeSurrogateObjective mini = new TreeSurrogateObjective(even, shape, 2, BETA, 4);
        TreeSurrogateObjective full = new TreeSurrogateObjective(even, shape, 2, BETA, 12);
        double[] p = TreeSurrogateObjective.initialParameters(even, shape, 2, new SplittableRandom(9));
        Minibatches batches = new Minibatches(even, 4, new SplittableRandom(11));
        batches.shuffle();
        double[] mean = new double[p.length], g = new double[p.length];
        for (int b = 0; b < batches.count(); b++) {
            mini.valueAndGradient(p, batches.load(b), g);
            for (int i = 0; i < p.length; i++) mean[i] += g[i] / batches.count();
        }
        double[] expected = new double[p.length];
        full.valueAndGradient(p, new Batch(even, 12), expected);
        assertTrue(Problems.relativeError(mean, expected) < 1e-12);
    }

    @Test
    void trainingLowersTheObjective() {
        TreeTrainer trainer = new TreeTrainer(3, TreeShape.of(2, 2));
        TrainingResult<TreeNetwork> r = trainer.train(data, 0.05, TrainingSettings.defaults().withEpochs(300));
        double zero = 0;
        for (double y : data.y()) zero += 0.5 * y * y;
        assertTrue(r.objective() < zero, "trained " + r.objective() + " vs zero network " + zero);
        assertEquals(r.network().objective(data, 0.05), r.objective(), 0.0);
    }
}
