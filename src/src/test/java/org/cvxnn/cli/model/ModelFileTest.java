package org.cvxnn.cli.model;

import org.cvxnn.cli.CliException;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.network.GatedNetwork;
import org.cvxnn.solver.network.ThreeLayerNetwork;
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

class ModelFileTest {
    @TempDir
    Path dir;

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-8, 8));
        return v;
    }

    @Test
    void reluModelRoundTripsBitForBit() {
        SplittableRandom r = new SplittableRandom(1);
        TwoLayerNetwork net = new TwoLayerNetwork(4, 5, random(r, 20), random(r, 5));
        ModelFile written = new ModelFile(new TrainedModel(ModelKind.RELU2, true, net), List.of("x 1", "x,2", "\"q\""), "target", 0.125, 17);
        Path file = dir.resolve("relu.json");
        written.write(file);
        ModelFile read = ModelFile.read(file);
        TwoLayerNetwork back = (TwoLayerNetwork) read.model().network();
        assertArrayEquals(net.w1(), back.w1());
        assertArrayEquals(net.alpha(), back.alpha());
        assertEquals(written.features(), read.features());
        assertEquals("target", read.target());
        assertEquals(0.125, read.beta());
        assertEquals(17, read.n());
        assertEquals(ModelKind.RELU2, read.model().kind());
        assertTrue(read.model().bias());
    }

    @Test
    void pathModelRoundTripsBitForBit() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        int d = 3, k = 4, m1 = 2;
        ParallelThreeLayerNetwork net = new ParallelThreeLayerNetwork(d, k, m1, random(r, k * m1 * d), random(r, k * m1), random(r, k));
        Path file = dir.resolve("path.json");
        new ModelFile(new TrainedModel(ModelKind.PATH3, true, new ThreeLayerNetwork(net, ThreeLayerPenalty.PATH)), List.of("a", "b"), "y", 0.5, 9).write(file);
        ModelFile read = ModelFile.read(file);
        assertEquals(ModelKind.PATH3, read.model().kind());
        ParallelThreeLayerNetwork back = ((ThreeLayerNetwork) read.model().network()).network();
        assertEquals(k, back.subnetworks());
        assertEquals(m1, back.width());
        assertArrayEquals(net.w1(), back.w1());
        assertArrayEquals(net.w2(), back.w2());
        assertArrayEquals(net.w3(), back.w3());

        String text = Files.readString(file);
        Path shape = dir.resolve("shape.json");
        Files.writeString(shape, text.replace("\"m1\": 2", "\"m1\": 3"));
        CliException e = assertThrows(CliException.class, () -> ModelFile.read(shape));
        assertTrue(e.getMessage().contains("shape.json") && e.getMessage().contains("network.w1"), e.getMessage());
        Path alpha = dir.resolve("alpha.json");
        Files.writeString(alpha, text.replace("\"K\": 4", "\"K\": 4, \"alpha\": [1]"));
        e = assertThrows(CliException.class, () -> ModelFile.read(alpha));
        assertTrue(e.getMessage().contains("network.alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelFile(
                new TrainedModel(ModelKind.PATH3, false, new TwoLayerNetwork(2, 0, new double[0], new double[0])), List.of("a", "b"), "y", 1, 1));
    }

    @Test
    void relu3ModelRoundTripsBitForBitAndKeepsItsFirstLayerInTheUnitBall() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        int d = 3, k = 3, m1 = 2;
        double[] w1 = random(r, k * m1 * d);
        for (int s = 0; s < k; s++) {   // scale each sub-network's first layer to Frobenius norm 0.9
            double f = 0;
            for (int i = s * m1 * d; i < (s + 1) * m1 * d; i++) f += w1[i] * w1[i];
            for (int i = s * m1 * d; i < (s + 1) * m1 * d; i++) w1[i] *= 0.9 / Math.sqrt(f);
        }
        ParallelThreeLayerNetwork net = new ParallelThreeLayerNetwork(d, k, m1, w1, random(r, k * m1), random(r, k));
        Path file = dir.resolve("relu3.json");
        new ModelFile(new TrainedModel(ModelKind.RELU3, true, new ThreeLayerNetwork(net, ThreeLayerPenalty.WEIGHT_DECAY)),
                List.of("a", "b"), "y", 0.5, 9).write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"kind\": \"relu3\""), text);
        ModelFile read = ModelFile.read(file);
        assertEquals(ModelKind.RELU3, read.model().kind());
        ThreeLayerNetwork back = (ThreeLayerNetwork) read.model().network();
        assertEquals(ThreeLayerPenalty.WEIGHT_DECAY, back.penalty());
        assertArrayEquals(net.w1(), back.network().w1());
        assertArrayEquals(net.w2(), back.network().w2());
        assertArrayEquals(net.w3(), back.network().w3());

        Path big = dir.resolve("big.json");
        ParallelThreeLayerNetwork scaled = new ParallelThreeLayerNetwork(d, k, m1,
                java.util.Arrays.stream(w1).map(v -> 2 * v).toArray(), net.w2(), net.w3());
        new ModelFile(new TrainedModel(ModelKind.PATH3, true, new ThreeLayerNetwork(scaled, ThreeLayerPenalty.PATH)),
                List.of("a", "b"), "y", 0.5, 9).write(big);
        Files.writeString(big, Files.readString(big).replace("\"path3\"", "\"relu3\""));
        CliException e = assertThrows(CliException.class, () -> ModelFile.read(big));
        assertTrue(e.getMessage().contains("big.json") && e.getMessage().contains("network.w1")
                && e.getMessage().contains("sub-network 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelFile(new TrainedModel(ModelKind.RELU3, true,
                new ThreeLayerNetwork(net, ThreeLayerPenalty.PATH)), List.of("a", "b"), "y", 0.5, 9));
    }

    @Test
    void gatedModelRoundTripsBitForBit() {
        SplittableRandom r = new SplittableRandom(2);
        GatedNetwork net = new GatedNetwork(2, 3, random(r, 6), random(r, 6), random(r, 3));
        Path file = dir.resolve("gated.json");
        new ModelFile(new TrainedModel(ModelKind.GATED2, false, net), List.of("a", "b"), "y", 3.0, 2).write(file);
        GatedNetwork back = (GatedNetwork) ModelFile.read(file).model().network();
        assertArrayEquals(net.gates(), back.gates());
        assertArrayEquals(net.w1(), back.w1());
        assertArrayEquals(net.alpha(), back.alpha());
    }

    @Test
    void emptyNetworkRoundTrips() {
        Path file = dir.resolve("zero.json");
        new ModelFile(new TrainedModel(ModelKind.RELU2, false, new TwoLayerNetwork(1, 0, new double[0], new double[0])),
                List.of("a"), "y", 1.0, 5).write(file);
        assertEquals(0, ModelFile.read(file).model().network().m());
    }

    private static final String VALID = """
            {"format": "cvxnn-model", "version": 1, "kind": "relu2", "bias": true, "features": ["a"],
             "target": "y", "beta": 0.1, "n": 3, "network": {"d": 2, "m": 2, "w1": [[1.0, -0.5], [0, 1]], "alpha": [2.0, -1]}}
            """;

    private void assertRejected(String json, String... fragments) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        CliException e = assertThrows(CliException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
    }

    @Test
    void validFileIsAccepted() throws IOException {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, VALID);
        assertArrayEquals(new double[] {1, -0.5, 0, 1}, ((TwoLayerNetwork) ModelFile.read(file).model().network()).w1());
    }

    @Test
    void everyFieldIsValidated() throws IOException {
        assertRejected(VALID.replace("cvxnn-model", "other"), "field 'format'", "not a cvxnn model file");
        assertRejected(VALID.replace("\"version\": 1", "\"version\": 7"), "field 'version'", "is 7");
        assertRejected(VALID.replace("\"version\": 1", "\"version\": 1.5"), "field 'version'", "whole number");
        assertRejected(VALID.replace("relu2", "relu4"), "field 'kind'", "relu4");
        assertRejected(VALID.replace("\"bias\": true", "\"bias\": 1"), "field 'bias'", "true or false");
        assertRejected(VALID.replace("[\"a\"]", "[]"), "field 'features'", "empty");
        assertRejected(VALID.replace("[\"a\"]", "[\"a\", 3]"), "field 'features[1]'", "string");
        assertRejected(VALID.replace("\"target\": \"y\", ", ""), "field 'target'", "missing");
        assertRejected(VALID.replace("0.1", "-0.1"), "field 'beta'", "> 0");
        assertRejected(VALID.replace("\"n\": 3", "\"n\": 0"), "field 'n'");
        assertRejected(VALID.replace("\"d\": 2", "\"d\": 1"), "field 'network.d'", "plus the bias");
        assertRejected(VALID.replace("\"m\": 2", "\"m\": 3"), "field 'network.w1'", "expected 3");
        assertRejected(VALID.replace("[0, 1]]", "[0, \"x\"]]"), "field 'network.w1[1][1]'", "number");
        assertRejected(VALID.replace("[2.0, -1]", "[2.0]"), "field 'network.alpha'", "expected 2");
        assertRejected(VALID.replace("\"alpha\"", "\"gates\": [[1, 0], [0, 1]], \"alpha\""), "field 'network.gates'", "only gated2");
        assertRejected(VALID.replace("relu2", "gated2"), "field 'network.gates'", "missing");
        assertRejected(VALID.replace("-0.5", "1e400"), "too large");
        assertRejected(VALID.replace("\"network\": {", "\"network\": [{").replace("]}}", "]}]}"), "field 'network'", "object");
    }
}
