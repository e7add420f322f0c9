package org.cvxnn.cli;

import org.cvxnn.cli.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end runs of {@code train --model path3} → predict → certify on tiny data (n = 10, d = 2),
 * checked against the path objective and predictions computed here from the model file's weights.
 */
class PathTrainPredictCertifyTest {
    private static final double BETA = 0.05;

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static Map<String, Object> trained;

    @BeforeAll
    static void train() throws IOException {
        data = dir.resolve("train.csv");
        TinyThreeLayerData.write(data, 10, 11, true);
        model = dir.resolve("path3.json");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", Double.toString(BETA),
                "--model", "path3", "--m1", "2", "--exact", "--out", model.toString(), "--json");
        assertEquals(0, run.status(), run.toString());
        trained = object(Json.parse(run.lastLine()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    private static double num(Map<String, Object> m, String key) {
        assertTrue(m.containsKey(key), "missing " + key + " in " + m);
        return ((Number) m.get(key)).doubleValue();
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }

    /** Rows of the data as (b, a) pairs in the model's feature order, and the targets. */
    private static double[][] rows(List<String> features) throws IOException {
        List<String> lines = Files.readAllLines(data);
        List<String> header = List.of(lines.getFirst().split(","));
        double[][] x = new double[lines.size() - 1][features.size() + 1];
        for (int i = 0; i < x.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < features.size(); j++) x[i][j] = Double.parseDouble(cells[header.indexOf(features.get(j))]);
            x[i][features.size()] = Double.parseDouble(cells[header.indexOf("y")]);
        }
        return x;
    }

    /** Σ_k (Σ_j (x·w1kj)₊ w2kj)₊ w3k and β Σ_k |w3k| ‖(‖w1kj‖ w2kj)_j‖ from the model file's JSON. */
    private static double[] evaluate(Map<String, Object> file, double[][] rows, int features, double[] penalty) {
        Map<String, Object> net = object(file.get("network"));
        int k = (int) num(net, "K"), m1 = (int) num(net, "m1");
        List<?> w1 = (List<?>) net.get("w1"), w2 = (List<?>) net.get("w2"), w3 = (List<?>) net.get("w3");
        double[] out = new double[rows.length];
        for (int s = 0; s < k; s++) {
            List<?> second = (List<?>) w2.get(s);
            double path = 0;
            for (int j = 0; j < m1; j++) {
                List<?> u = (List<?>) w1.get(s * m1 + j);
                double norm2 = 0;
                for (Object v : u) norm2 += num(v) * num(v);
                path += norm2 * num(second.get(j)) * num(second.get(j));
            }
            penalty[0] += Math.abs(num(w3.get(s))) * Math.sqrt(path);
            for (int i = 0; i < rows.length; i++) {
                double z = 0;
                for (int j = 0; j < m1; j++) {
                    List<?> u = (List<?>) w1.get(s * m1 + j);
                    double z1 = 0;
                    for (int l = 0; l < features; l++) z1 += num(u.get(l)) * rows[i][l];
                    z += Math.max(0, z1) * num(second.get(j));
                }
                out[i] += Math.max(0, z) * num(w3.get(s));
            }
        }
        return out;
    }

    @Test
    void trainReportsACertifiedGlobalOptimumThatTheModelFileAttains() throws IOException {
        assertEquals("SOLVED", trained.get("status"));
        assertEquals("path3", trained.get("model"));
        assertEquals(true, trained.get("global_optimum"));
        assertEquals(2, num(trained, "m1"));
        assertEquals(num(trained, "patterns"), num(trained, "combos"));
        assertEquals("exact", object(trained.get("pattern_source")).get("kind"));
        double objective = num(trained, "objective");
        assertTrue(num(trained, "dual_bound") <= objective && num(trained, "gap_rel") <= 1e-7, trained.toString());

        Map<String, Object> file = object(Json.parse(Files.readString(model)));
        assertEquals("path3", file.get("kind"));
        assertEquals(List.of("b", "a"), file.get("features"));
        assertEquals(num(trained, "active_neurons"), num(object(file.get("network")), "K"));
        double[][] rows = rows(List.of("b", "a"));
        double[] penalty = new double[1];
        double[] f = evaluate(file, rows, 2, penalty);
        double loss = 0;
        for (int i = 0; i < rows.length; i++) loss += 0.5 * (f[i] - rows[i][2]) * (f[i] - rows[i][2]);
        double independent = loss + BETA * penalty[0];
        assertEquals(objective, independent, 1e-7 * objective);
        double zero = 0;
        for (double[] row : rows) zero += 0.5 * row[2] * row[2];
        assertTrue(objective < zero, "the zero network is not optimal at this beta");
    }

    @Test
    void predictAppliesTheThreeLayerNetwork() throws IOException {
        Path pred = dir.resolve("pred.csv");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out", pred.toString(), "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> file = object(Json.parse(Files.readString(model)));
        double[][] rows = rows(List.of("b", "a"));
        double[] expected = evaluate(file, rows, 2, new double[1]);
        List<String> lines = Files.readAllLines(pred);
        assertEquals(rows.length + 1, lines.size());
        for (int i = 0; i < rows.length; i++)
            assertEquals(expected[i], Double.parseDouble(lines.get(i + 1)), 1e-12 * Math.max(1, Math.abs(expected[i])), "row " + i);
    }

    @Test
    void certifyBoundsTheModelGloballyWithExactCombos() {
        CliRun run = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--exact", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> c = object(Json.parse(run.lastLine()));
        assertEquals("global", c.get("scope"));
        assertEquals(num(trained, "combos"), num(c, "combos"));
        assertEquals(2, num(c, "m1"));
        assertEquals(num(trained, "objective"), num(c, "objective"), 1e-9 * num(c, "objective"));
        assertTrue(num(c, "lower_bound") <= num(c, "objective"), c.toString());
        // the bound is rigorous, so it cannot exceed the certified optimum's objective; the model is (near) optimal
        assertTrue(num(c, "lower_bound") <= num(trained, "objective") * (1 + 1e-12), c.toString());
        assertTrue(num(c, "gap_rel") <= 1e-5, c.toString());

        CliRun sampled = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--combos", "30", "--seed", "2", "--json");
        assertEquals(0, sampled.status(), sampled.toString());
        Map<String, Object> s = object(Json.parse(sampled.lastLine()));
        assertEquals("pattern_subset", s.get("scope"));
        assertEquals(30, num(s, "draws"));
        assertTrue(num(s, "combos") >= 1 && num(s, "combos") <= 30, s.toString());
    }

    @Test
    void sampledCombosGiveAnUpperBoundOnTheGlobalOptimum() {
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", Double.toString(BETA),
                "--model", "path3", "--m1", "2", "--combos", "40", "--seed", "5", "--bias", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> r = object(Json.parse(run.lastLine()));
        assertEquals(false, r.get("global_optimum"));
        assertEquals(Map.of("kind", "sampled", "draws", 40L, "seed", 5L), r.get("pattern_source"));
        assertTrue(num(r, "combos") >= 1 && num(r, "combos") <= 40, r.toString());
        assertEquals(num(r, "objective"), num(r, "nonconvex_objective"), 1e-7 * num(r, "objective"));

        CliRun noBias = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", Double.toString(BETA),
                "--model", "path3", "--m1", "2", "--combos", "40", "--seed", "5");
        assertEquals(0, noBias.status(), noBias.toString());
        assertTrue(noBias.out().contains("active sub-networks"), noBias.out());
        assertTrue(noBias.out().contains("from 40 random sub-networks, seed 5"), noBias.out());
    }
}
