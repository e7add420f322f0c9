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
 * End-to-end runs of {@code train --model relu3} → predict → certify and
 * {@code compare --model relu3} on tiny data (n = 8, d = 2), checked against the weight-decay
 * objective (3.1) and predictions computed here from the model file's weights.
 */
class Relu3TrainPredictTest {
    private static final double BETA = 0.05;

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static Map<String, Object> trained;

    @BeforeAll
    static void train() throws IOException {
        data = dir.resolve("train.csv");
        TinyThreeLayerData.write(data, 8, 17, true);
        model = dir.resolve("relu3.json");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", Double.toString(BETA),
                "--model", "relu3", "--m1", "2", "--exact", "--out", model.toString(), "--json");
        assertEquals(0, run.status(), run.toString());
        trained = object(Json.parse(run.lastLine()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }

    /** Rows of the data in the order (b, a, y). */
    private static double[][] rows() throws IOException {
        List<String> lines = Files.readAllLines(data);
        double[][] x = new double[lines.size() - 1][];
        for (int i = 0; i < x.length; i++) {
            String[] c = lines.get(i + 1).split(",");
            x[i] = new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[2]), Double.parseDouble(c[1])};
        }
        return x;
    }

    /** Σ_k (Σ_j (x·w1kj)₊ w2kj)₊ w3k from the model file; penalty[0] += ½(‖w2‖² + ‖w3‖²), maxNorm[0] = max_k ‖W1k‖_F. */
    private static double[] evaluate(Map<String, Object> file, double[][] rows, double[] penalty, double[] maxNorm) {
        Map<String, Object> net = object(file.get("network"));
        int k = (int) num(net.get("K")), m1 = (int) num(net.get("m1"));
        List<?> w1 = (List<?>) net.get("w1"), w2 = (List<?>) net.get("w2"), w3 = (List<?>) net.get("w3");
        double[] out = new double[rows.length];
        for (int s = 0; s < k; s++) {
            List<?> second = (List<?>) w2.get(s);
            double frob = 0;
            for (int j = 0; j < m1; j++) {
                for (Object v : (List<?>) w1.get(s * m1 + j)) frob += num(v) * num(v);
                penalty[0] += 0.5 * num(second.get(j)) * num(second.get(j));
            }
            maxNorm[0] = Math.max(maxNorm[0], Math.sqrt(frob));
            penalty[0] += 0.5 * num(w3.get(s)) * num(w3.get(s));
            for (int i = 0; i < rows.length; i++) {
                double z = 0;
                for (int j = 0; j < m1; j++) {
                    List<?> u = (List<?>) w1.get(s * m1 + j);
                    z += Math.max(0, num(u.get(0)) * rows[i][0] + num(u.get(1)) * rows[i][1]) * num(second.get(j));
                }
                out[i] += Math.max(0, z) * num(w3.get(s));
            }
        }
        return out;
    }

    @Test
    void trainReportsACertifiedOptimumThatTheModelFileAttains() throws IOException {
        assertEquals("SOLVED", trained.get("status"));
        assertEquals("relu3", trained.get("model"));
        assertEquals(true, trained.get("global_optimum"));
        assertEquals(2, num(trained.get("m1")));
        double objective = num(trained.get("objective"));
        assertTrue(num(trained.get("dual_bound")) <= objective && num(trained.get("gap_rel")) <= 1e-6, trained.toString());
        // Carathéodory pruning: no more sub-networks than samples
        assertTrue(num(trained.get("active_neurons")) <= 8, trained.toString());

        Map<String, Object> file = object(Json.parse(Files.readString(model)));
        assertEquals("relu3", file.get("kind"));
        assertEquals(List.of("b", "a"), file.get("features"));
        double[][] rows = rows();
        double[] penalty = new double[1], maxNorm = new double[1];
        double[] f = evaluate(file, rows, penalty, maxNorm);
        assertTrue(maxNorm[0] <= 1 + 1e-9, "some ‖W1k‖_F = " + maxNorm[0] + " > 1");
        double loss = 0;
        for (int i = 0; i < rows.length; i++) loss += 0.5 * (f[i] - rows[i][2]) * (f[i] - rows[i][2]);
        assertEquals(objective, loss + BETA * penalty[0], 1e-7 * Math.max(1, objective));
    }

    @Test
    void predictAppliesTheThreeLayerNetwork() throws IOException {
        Path pred = dir.resolve("pred.csv");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out", pred.toString());
        assertEquals(0, run.status(), run.toString());
        double[][] rows = rows();
        double[] expected = evaluate(object(Json.parse(Files.readString(model))), rows, new double[1], new double[1]);
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
        assertEquals("relu3", c.get("model"));
        assertEquals("global", c.get("scope"));
        assertEquals(num(trained.get("combos")), num(c.get("combos")));
        assertEquals(2, num(c.get("m1")));
        double objective = num(trained.get("objective"));
        assertEquals(objective, num(c.get("objective")), 1e-9 * Math.max(1, objective));
        // rigorous: not above the certified optimum's objective; the trained model is (near) optimal
        assertTrue(num(c.get("lower_bound")) <= objective * (1 + 1e-12), c.toString());
        assertTrue(num(c.get("gap_rel")) <= 1e-5, c.toString());

        CliRun text = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--exact");
        assertEquals(0, text.status(), text.toString());
        assertTrue(text.out().contains("lower bound") && text.out().contains("global: rigorous") && text.out().contains("(all)"),
                text.out());

        CliRun sampled = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--combos", "30",
                "--seed", "2", "--json");
        assertEquals(0, sampled.status(), sampled.toString());
        Map<String, Object> s = object(Json.parse(sampled.lastLine()));
        assertEquals("pattern_subset", s.get("scope"));
        assertEquals(30, num(s.get("draws")));
        // fewer combos: σ can only drop, so the bound relative to them can only rise
        assertTrue(num(s.get("lower_bound")) >= num(c.get("lower_bound")) * (1 - 1e-6), s + " vs " + c);

        CliRun larger = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--exact", "--json",
                "--beta", Double.toString(10 * BETA));
        assertEquals(0, larger.status(), larger.toString());
        assertEquals(num(c.get("sigma")), num(object(Json.parse(larger.lastLine())).get("sigma")), 1e-12 * num(c.get("sigma")));

        CliRun patterns = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--patterns", "20");
        assertEquals(2, patterns.status(), patterns.toString());
        assertTrue(patterns.err().contains("relu3 model: use --combos N or --exact"), patterns.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareConvexIsNoWorseThanTheBaselines() {
        CliRun run = CliRun.of("compare", "--data", data.toString(), "--target", "y", "--model", "relu3", "--m1", "2", "--exact",
                "--beta", Double.toString(BETA), "--split", "0.25", "--restarts", "2", "--epochs", "100",
                "--optimizers", "sgd,adam", "--batch", "3", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> r = object(Json.parse(run.lastLine()));
        assertEquals("relu3", r.get("model"));
        assertEquals(2L, r.get("m1"));
        List<Map<String, Object>> methods = (List<Map<String, Object>>) r.get("methods");
        assertEquals(List.of("convex", "sgd", "adam"), methods.stream().map(m -> m.get("method")).toList());
        Map<String, Object> cert = (Map<String, Object>) r.get("certificate");
        assertEquals(true, cert.get("global_optimum"));
        double convex = num(methods.getFirst().get("train_objective")), bound = num(cert.get("dual_bound"));
        for (Map<String, Object> m : methods) {
            double objective = num(m.get("train_objective"));
            assertTrue(convex <= objective + 1e-6 && bound <= objective, m.toString());
        }
    }

    @Test
    void sampledCombosAndTheTable() {
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", Double.toString(BETA),
                "--model", "relu3", "--m1", "2", "--combos", "30", "--seed", "4");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("trained relu3") && run.out().contains("active sub-networks")
                && run.out().contains("from 30 random sub-networks, seed 4"), run.out());
        CliRun noM1 = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", "0.1", "--model", "relu3");
        assertEquals(2, noM1.status(), noM1.toString());
        assertTrue(noM1.err().contains("--model relu3 needs --m1"), noM1.err());
    }
}
