package org.cvxnn.cli.model;

import org.cvxnn.cli.CliException;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.network.TreeNetwork;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pathL model files: exact round trip, and the kind/network consistency. */
class TreeModelFileTest {
    @TempDir
    Path dir;

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    @Test
    void roundTripsEveryWeightExactly() {
        SplittableRandom r = new SplittableRandom(81);
        TreeShape shape = TreeShape.of(2, 1, 3);
        int k = 3, d = 3;
        TreeNetwork net = new TreeNetwork(d, shape, k, random(r, k * shape.leaves() * d), random(r, k * (shape.nodes() - 1)), random(r, k));
        ModelFile file = new ModelFile(new TrainedModel(ModelKind.PATHL, true, net), List.of("a", "b"), "y", 0.25, 17);
        Path p = dir.resolve("tree.json");
        file.write(p);
        ModelFile back = ModelFile.read(p);
        assertEquals(ModelKind.PATHL, back.model().kind());
        TreeNetwork t = (TreeNetwork) back.model().network();
        assertEquals(shape, t.shape());
        assertEquals(k, t.subnetworks());
        assertArrayEquals(net.leaves(), t.leaves());
        assertArrayEquals(net.edges(), t.edges());
        assertArrayEquals(net.output(), t.output());
        assertEquals(5, t.depth());
    }

    @Test
    void kindAndNetworkMustAgree() throws IOException {
        TreeNetwork tree = new TreeNetwork(2, TreeShape.of(2, 2), 0, new double[0], new double[0], new double[0]);
        assertThrows(IllegalArgumentException.class,
                () -> new ModelFile(new TrainedModel(ModelKind.RELU2, false, tree), List.of("a", "b"), "y", 0.1, 3));
        TwoLayerNetwork two = new TwoLayerNetwork(2, 0, new double[0], new double[0]);
        assertThrows(IllegalArgumentException.class,
                () -> new ModelFile(new TrainedModel(ModelKind.PATHL, false, two), List.of("a", "b"), "y", 0.1, 3));
        Path p = dir.resolve("bad.json");
        Files.writeString(p, """
                {"format": "cvxnn-model", "version": 1, "kind": "pathL", "bias": false, "features": ["a", "b"], "target": "y",
                 "beta": 0.1, "n": 3, "network": {"d": 2, "K": 1, "depth": 4, "widths": [2, 0],
                 "leaves": [[1, 2], [1, 2], [1, 2], [1, 2]], "edges": [[1, 1, 1, 1, 1, 1]], "output": [1]}}
                """);
        CliException e = assertThrows(CliException.class, () -> ModelFile.read(p));
        assertTrue(e.getMessage().contains("network.widths[1]"), e.getMessage());
    }
}
