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
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end runs of train → predict → certify on tiny data sets, checked against quantities
 * computed here from the model file's weights (not through the solver's network classes).
 */
class TrainPredictCertifyTest {
    private static final double BETA = 0.05;

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static Map<String, Object> trained;

    /** Rows (c, a, y, b): the target is not the last column, and the feature order differs from the model's. */
    static void writeData(Path file, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder("c,a,y,b\n");
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian();
            double y = Math.max(0, a + 0.5 * b) - Math.max(0, a - b) + 0.3 * c + 0.05 * r.nextGaussian();
            s.append(c).append(',').append(a).append(',').append(y).append(',').append(b).append('\n');
        }
        Files.writeString(file, s);
    }

    @BeforeAll
    static void train() throws IOException {
        data = dir.resolve("train.csv");
        writeData(data, 24, 7);
        model = dir.resolve("model.json");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", Double.toString(BETA),
                "--bias", "--patterns", "40", "--seed", "3", "--out", model.toString(), "--json");
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

    /** Feature columns as the model reads them, with the target, parsed straight from the CSV. */
    private record Table(double[][] x, double[] y) {}

    private static Table readTable(Path file, List<String> features, String target) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.getFirst().split(","));
        int n = lines.size() - 1;
        double[][] x = new double[n][features.size()];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < features.size(); j++) x[i][j] = Double.parseDouble(cells[header.indexOf(features.get(j))]);
            y[i] = Double.parseDouble(cells[header.indexOf(target)]);
        }
        return new Table(x, y);
    }

    /** Σ_j max(0, u_j·[x, 1]) α_j, evaluated from the model file's JSON. */
    private static double[] predictFromJson(Map<String, Object> file, double[][] x) {
        Map<String, Object> net = object(file.get("network"));
        List<?> w1 = (List<?>) net.get("w1"), alpha = (List<?>) net.get("alpha");
        boolean bias = (Boolean) file.get("bias");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w1.size(); j++) {
                List<?> u = (List<?>) w1.get(j);
                double z = bias ? ((Number) u.getLast()).doubleValue() : 0;
                for (int k = 0; k < x[i].length; k++) z += ((Number) u.get(k)).doubleValue() * x[i][k];
                out[i] += Math.max(0, z) * ((Number) alpha.get(j)).doubleValue();
            }
        }
        return out;
    }

    private static double sumSquares(Object nested) {
        if (nested instanceof Number v) return v.doubleValue() * v.doubleValue();
        return ((List<?>) nested).stream().mapToDouble(TrainPredictCertifyTest::sumSquares).sum();
    }

    /** ½‖f(X) − y‖² + (β/2)(‖W1‖² + ‖α‖²) from the model file. */
    private static double objectiveFromJson(Map<String, Object> file, Table t, double beta) {
        double[] f = predictFromJson(file, t.x());
        double loss = 0;
        for (int i = 0; i < f.length; i++) loss += 0.5 * (f[i] - t.y()[i]) * (f[i] - t.y()[i]);
        Map<String, Object> net = object(file.get("network"));
        return loss + 0.5 * beta * (sumSquares(net.get("w1")) + sumSquares(net.get("alpha")));
    }

    @Test
    void trainJsonReportIsCompleteAndConsistent() throws IOException {
        for (String key : List.of("status", "objective", "dual_bound", "gap_rel", "iterations", "solve_seconds", "patterns",
                "active_neurons", "nonconvex_objective", "model", "beta", "n", "d", "bias", "global_optimum", "total_seconds", "seconds"))
            assertTrue(trained.containsKey(key), "missing " + key + " in " + trained);
        assertEquals("SOLVED", trained.get("status"));
        assertEquals("relu2", trained.get("model"));
        assertEquals(BETA, num(trained, "beta"));
        assertEquals(24, num(trained, "n"));
        assertEquals(3, num(trained, "d"));
        assertEquals(true, trained.get("bias"));
        assertEquals(false, trained.get("global_optimum"));
        double objective = num(trained, "objective"), dual = num(trained, "dual_bound");
        assertTrue(num(trained, "gap_rel") <= 1e-6, trained.toString());
        assertTrue(dual <= objective, trained.toString());
        assertEquals((objective - dual) / Math.max(1, Math.abs(objective)), num(trained, "gap_rel"), 1e-12);
        assertEquals(objective, num(trained, "nonconvex_objective"), 1e-7 * Math.max(1, Math.abs(objective)));
        assertTrue(num(trained, "patterns") >= 1 && num(trained, "patterns") <= 40, trained.toString());
        assertTrue(num(trained, "total_seconds") >= num(trained, "solve_seconds"));
        assertTrue(object(trained.get("seconds")).keySet().containsAll(List.of("patterns", "factor", "recovery")));

        Map<String, Object> file = object(Json.parse(Files.readString(model)));
        assertEquals(List.of("c", "a", "b"), file.get("features"));
        assertEquals("y", file.get("target"));
        assertEquals(num(trained, "active_neurons"), ((List<?>) object(file.get("network")).get("alpha")).size());
        Table t = readTable(data, List.of("c", "a", "b"), "y");
        double independent = objectiveFromJson(file, t, BETA);
        assertEquals(num(trained, "nonconvex_objective"), independent, 1e-9 * Math.max(1, independent));
    }

    @Test
    void trainSummaryByDefault() {
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", "0.5", "--patterns", "10", "--verbose");
        assertEquals(0, run.status(), run.toString());
        for (String label : List.of("status", "objective", "dual bound", "certified gap", "iterations", "time", "patterns",
                "active neurons", "non-convex objective"))
            assertTrue(run.out().contains("\n  " + label + " "), label + " missing:\n" + run.out());
        assertFalse(run.out().contains("{"), run.out());
        assertFalse(run.err().isBlank(), "--verbose prints progress on stderr");
    }

    @Test
    void predictReproducesTheNetworkOfTheModelFile() throws IOException {
        Path test = dir.resolve("test.csv");
        writeData(test, 15, 99);
        Path pred = dir.resolve("pred.csv");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", test.toString(), "--out", pred.toString(), "--json");
        assertEquals(0, run.status(), run.toString());

        Map<String, Object> file = object(Json.parse(Files.readString(model)));
        Table t = readTable(test, List.of("c", "a", "b"), "y");
        double[] expected = predictFromJson(file, t.x());
        List<String> lines = Files.readAllLines(pred);
        assertEquals("prediction", lines.getFirst());
        assertEquals(expected.length + 1, lines.size());
        double mse = 0;
        for (int i = 0; i < expected.length; i++) {
            double p = Double.parseDouble(lines.get(i + 1));
            assertEquals(expected[i], p, 1e-12 * Math.max(1, Math.abs(expected[i])), "row " + i);
            mse += (p - t.y()[i]) * (p - t.y()[i]) / expected.length;
        }
        Map<String, Object> report = object(Json.parse(run.lastLine()));
        assertEquals(mse, num(report, "mse"), 1e-12 * Math.max(1, mse));
        assertFalse(report.containsKey("classification_error"), "real-valued targets have no classification error");
    }

    @Test
    void predictWithoutTargetPrintsCsvToStdout() throws IOException {
        Path noTarget = dir.resolve("features-only.csv");
        Files.writeString(noTarget, "b,a,c\n1,2,3\n-1,0.5,0\n");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", noTarget.toString());
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> file = object(Json.parse(Files.readString(model)));
        double[] expected = predictFromJson(file, new double[][] {{3, 2, 1}, {0, 0.5, -1}});
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertEquals("prediction", lines.getFirst());
        for (int i = 0; i < 2; i++) assertEquals(expected[i], Double.parseDouble(lines.get(i + 1)), 1e-12 * Math.max(1, Math.abs(expected[i])));
        assertFalse(run.err().contains("mean squared error"), run.err());
    }

    @Test
    void predictReportsClassificationError() throws IOException {
        Path labelled = dir.resolve("labels.csv");
        Files.writeString(labelled, "a,b,c,y\n0,0,0,1\n1,1,1,-1\n2,-1,0,1\n-2,1,0,-1\n");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", labelled.toString());
        assertEquals(0, run.status(), run.toString());
        String[] rows = run.out().lines().skip(1).toArray(String[]::new);
        double[] labels = {1, -1, 1, -1};
        int wrong = 0;
        for (int i = 0; i < 4; i++) if ((Double.parseDouble(rows[i]) >= 0 ? 1 : -1) != labels[i]) wrong++;
        String line = run.err().lines().filter(l -> l.strip().startsWith("classification error")).findFirst().orElseThrow();
        assertEquals(wrong / 4.0, Double.parseDouble(line.strip().substring("classification error".length()).strip()), 1e-12, run.err());
    }

    @Test
    void exactTrainingIsCertifiedGloballyAndBoundsOtherNetworks() throws IOException {
        Path small = dir.resolve("small.csv");
        writeData(small, 10, 5);
        Path exactModel = dir.resolve("exact.json");
        CliRun train = CliRun.of("train", "--data", small.toString(), "--target", "y", "--beta", "0.1", "--exact",
                "--out", exactModel.toString(), "--json");
        assertEquals(0, train.status(), train.toString());
        Map<String, Object> t = object(Json.parse(train.lastLine()));
        assertEquals(true, t.get("global_optimum"));
        double optimum = num(t, "objective");

        CliRun certify = CliRun.of("certify", "--model", exactModel.toString(), "--data", small.toString(), "--beta", "0.1",
                "--exact", "--json");
        assertEquals(0, certify.status(), certify.toString());
        Map<String, Object> c = object(Json.parse(certify.lastLine()));
        assertEquals("global", c.get("scope"));
        assertEquals(num(t, "nonconvex_objective"), num(c, "objective"), 1e-12 * Math.max(1, optimum));
        assertTrue(num(c, "lower_bound") <= num(c, "objective"), c.toString());
        assertTrue(num(c, "gap_rel") <= 1e-5, c.toString());
        assertEquals(num(c, "objective") - num(c, "lower_bound"), num(c, "gap"), 1e-15 * Math.max(1, optimum));

        // Any network's global lower bound is at most the global optimum: certify the model of the sampled run.
        CliRun other = CliRun.of("certify", "--model", model.toString(), "--data", small.toString(), "--exact", "--beta", "0.1", "--json");
        assertEquals(0, other.status(), other.toString());
        Map<String, Object> o = object(Json.parse(other.lastLine()));
        assertTrue(num(o, "lower_bound") <= optimum * (1 + 1e-9), o + " vs optimum " + optimum);
        assertTrue(num(o, "objective") >= optimum * (1 - 1e-9), o + " vs optimum " + optimum);

        CliRun sampled = CliRun.of("certify", "--model", exactModel.toString(), "--data", small.toString(), "--patterns", "5", "--json");
        assertEquals(0, sampled.status(), sampled.toString());
        Map<String, Object> s = object(Json.parse(sampled.lastLine()));
        assertEquals("pattern_subset", s.get("scope"));
        assertEquals(0.1, num(s, "beta"), "--beta defaults to the model's");
        assertTrue(num(s, "patterns") <= 5);
    }

    /** The exact double-precision Schur complement and the default mixed-precision one reach the same optimum. */
    @Test
    void doubleSchurReachesTheSameOptimum() {
        double[] objectives = new double[2];
        for (int k = 0; k < 2; k++) {
            CliRun run = k == 0
                    ? CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", "0.1", "--patterns", "30", "--json")
                    : CliRun.of("train", "--data", data.toString(), "--target", "y", "--beta", "0.1", "--patterns", "30", "--json", "--double-schur");
            assertEquals(0, run.status(), run.toString());
            Map<String, Object> r = object(Json.parse(run.lastLine()));
            assertEquals("SOLVED", r.get("status"), r.toString());
            objectives[k] = num(r, "objective");
        }
        assertEquals(objectives[0], objectives[1], 1e-7 * Math.max(1, objectives[0]));
    }

    @Test
    void gatedTrainingRecoversItsObjective() {
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--model", "gated2", "--beta", "0.1",
                "--patterns", "12", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> r = object(Json.parse(run.lastLine()));
        assertEquals("gated2", r.get("model"));
        assertTrue(num(r, "gap_rel") <= 1e-6, r.toString());
        assertEquals(num(r, "objective"), num(r, "nonconvex_objective"), 1e-7 * Math.max(1, num(r, "objective")));
    }
}
