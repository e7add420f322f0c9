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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end runs of {@code train --model pathL --depth 4} → predict → certify → compare on tiny data
 * (n = 12, d = 2 + bias), checked against the tree network's predictions and path objective computed
 * here from the model file's weights, and the bad inputs of the depth options.
 */
class PathLTrainPredictCertifyTest {
    private static final double BETA = 0.05;

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static Map<String, Object> trained;

    @BeforeAll
    static void train() throws IOException {
        data = dir.resolve("train.csv");
        TinyThreeLayerData.write(data, 12, 12, false);
        model = dir.resolve("pathL.json");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--beta", Double.toString(BETA), "--bias",
                "--model", "pathL", "--m1", "2", "--depth", "4", "--combos", "150", "--seed", "3", "--out", model.toString(), "--json");
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

    private static double[] vector(Object list) {
        return ((List<?>) list).stream().mapToDouble(PathLTrainPredictCertifyTest::num).toArray();
    }

    /**
     * Predictions of the depth-4, widths (2, 2) tree network in the model file, by the explicit
     * formula f = Σ_k o_k (Σ_{q=0,1} e_{4+q} (Σ_{j=0,1} e_{2q+j} (x·w_{2q+j})₊)₊)₊, and (in penalty[0])
     * β Σ_k |o_k| sqrt(Σ_ℓ ‖w_ℓ‖² e_ℓ² e_{4 + ℓ/2}²).
     */
    private static double[] evaluate(double[][] x, double[] penalty) {
        Map<String, Object> net = object(trained("network"));
        int k = (int) num(net.get("K"));
        List<?> leaves = (List<?>) net.get("leaves"), edges = (List<?>) net.get("edges");
        double[] output = vector(net.get("output"));
        double[] f = new double[x.length];
        penalty[0] = 0;
        for (int s = 0; s < k; s++) {
            double[] e = vector(edges.get(s));
            double paths = 0;
            for (int l = 0; l < 4; l++) {
                double[] w = vector(leaves.get(4 * s + l));
                double norm2 = 0;
                for (double v : w) norm2 += v * v;
                paths += norm2 * e[l] * e[l] * e[4 + l / 2] * e[4 + l / 2];
            }
            penalty[0] += BETA * Math.abs(output[s]) * Math.sqrt(paths);
            for (int i = 0; i < x.length; i++) {
                double root = 0;
                for (int q = 0; q < 2; q++) {
                    double mid = 0;
                    for (int j = 0; j < 2; j++) {
                        double[] w = vector(leaves.get(4 * s + 2 * q + j));
                        mid += e[2 * q + j] * Math.max(0, x[i][0] * w[0] + x[i][1] * w[1] + w[2]);
                    }
                    root += e[4 + q] * Math.max(0, mid);
                }
                f[i] += output[s] * Math.max(0, root);
            }
        }
        return f;
    }

    private static Object trained(String key) {
        try {
            return object(Json.parse(Files.readString(model))).get(key);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double[][] rows() throws IOException {
        List<String> lines = Files.readAllLines(data);
        double[][] x = new double[lines.size() - 1][];
        for (int i = 0; i < x.length; i++) x[i] = Stream.of(lines.get(i + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
        return x;
    }

    @Test
    void trainReportsACertifiedSolveWhoseModelFileReproducesItsObjective() throws IOException {
        assertEquals("SOLVED", trained.get("status"));
        assertEquals("pathL", trained.get("model"));
        assertEquals(4, ((Number) trained.get("depth")).intValue());
        assertTrue(num(trained.get("gap_rel")) <= 1e-7, trained.toString());
        double[][] x = rows();
        double[] penalty = new double[1];
        double[] f = evaluate(x, penalty);
        double loss = 0;
        for (int i = 0; i < x.length; i++) loss += 0.5 * (f[i] - x[i][2]) * (f[i] - x[i][2]);
        double objective = num(trained.get("objective"));
        assertEquals(objective, loss + penalty[0], 1e-7 * objective);
        assertEquals(objective, num(trained.get("nonconvex_objective")), 1e-7 * objective);
        assertEquals("pathL", trained("kind"));
    }

    @Test
    void predictAppliesTheTreeNetwork() throws IOException {
        Path out = dir.resolve("pred.csv");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.toString());
        List<String> lines = Files.readAllLines(out);
        double[][] x = rows();
        double[] f = evaluate(x, new double[1]);
        assertEquals(x.length + 1, lines.size());
        for (int i = 0; i < x.length; i++) assertEquals(f[i], Double.parseDouble(lines.get(i + 1)), 1e-9 * (1 + Math.abs(f[i])));
    }

    @Test
    void certifyBoundsTheObjectiveOverSampledCombos() {
        CliRun run = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--combos", "150", "--seed", "3", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> c = object(Json.parse(run.lastLine()));
        double objective = num(trained.get("objective"));
        assertEquals(objective, num(c.get("objective")), 1e-9 * objective);
        assertTrue(num(c.get("lower_bound")) <= objective, c.toString());
        assertTrue(num(c.get("gap_rel")) <= 1e-5, c.toString());
        assertEquals("pattern_subset", c.get("scope"));
        assertEquals(4, ((Number) c.get("depth")).intValue());
    }

    @Test
    void compareRunsTheDepthLBaselines() {
        CliRun run = CliRun.of("compare", "--data", data.toString(), "--beta", Double.toString(BETA), "--bias", "--model", "pathL",
                "--m1", "2", "--depth", "4", "--combos", "100", "--epochs", "30", "--restarts", "1", "--optimizers", "adam", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> c = object(Json.parse(run.lastLine()));
        assertEquals("pathL", c.get("model"));
        assertEquals(4, ((Number) c.get("depth")).intValue());
    }

    private static void assertUsageError(CliRun run, String... fragments) {
        assertEquals(2, run.status(), run.toString());
        List<String> lines = run.err().lines().filter(l -> l.startsWith("cvxnn: ")).toList();
        assertEquals(1, lines.size(), run.toString());
        for (String f : fragments) assertTrue(lines.getFirst().contains(f), "'" + f + "' not in: " + lines.getFirst());
    }

    private static CliRun trainWith(String... more) {
        return CliRun.of(Stream.concat(Stream.of("train", "--data", data.toString(), "--beta", "0.1"), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void badDepthOptionsAreRefusedClearly() throws IOException {
        assertUsageError(trainWith("--model", "pathL", "--m1", "2", "--depth", "2"), "--depth");
        assertUsageError(trainWith("--model", "pathL", "--m1", "2"), "needs --depth");
        assertUsageError(trainWith("--model", "path3", "--m1", "2", "--depth", "4"), "--depth applies only to --model pathL");
        assertUsageError(trainWith("--depth", "4"), "--depth applies only to --model pathL");
        assertUsageError(trainWith("--model", "pathL", "--m1", "0", "--depth", "4"), "--m1");
        assertUsageError(trainWith("--model", "pathL", "--m1", "2", "--depth", "4", "--exact"), "--exact", "depth 3");
        assertUsageError(trainWith("--model", "pathL", "--m1", "9", "--depth", "4"), "more than 64 leaves");
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "a,b,c,d,e,y\n1,2,3,4,5,1\n2,1,0,1,2,0\n0,1,1,1,1,1\n");
        assertUsageError(CliRun.of("train", "--data", wide.toString(), "--beta", "0.1", "--model", "pathL", "--m1", "4", "--depth", "5"),
                "wide.csv", "a block of 320", "256");
        assertUsageError(CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--exact"), "--exact", "depth-4");
        Path out = dir.resolve("never.json");
        assertFalse(Files.exists(out));
    }

    @Test
    void depthThreeExactIsThePath3Program() {
        CliRun deep = trainWith("--model", "pathL", "--m1", "2", "--depth", "3", "--exact", "--json");
        CliRun three = trainWith("--model", "path3", "--m1", "2", "--exact", "--json");
        assertEquals(0, deep.status(), deep.toString());
        assertEquals(0, three.status(), three.toString());
        double a = num(object(Json.parse(deep.lastLine())).get("objective")), b = num(object(Json.parse(three.lastLine())).get("objective"));
        assertEquals(b, a, 1e-7 * b);
        assertEquals(true, object(Json.parse(deep.lastLine())).get("global_optimum"));
    }

    @Test
    void badTreeModelFilesAreRefusedWithTheField() throws IOException {
        String good = Files.readString(model);
        Path wrongWidths = dir.resolve("widths.json");
        Files.writeString(wrongWidths, good.replaceFirst("\"depth\": 4", "\"depth\": 5"));
        assertUsageError(CliRun.of("predict", "--model", wrongWidths.toString(), "--data", data.toString()), "widths");
        Path extra = dir.resolve("extra.json");
        Files.writeString(extra, good.replaceFirst("\"depth\": 4", "\"depth\": 4, \"w1\": []"));
        assertUsageError(CliRun.of("predict", "--model", extra.toString(), "--data", data.toString()), "w1");
    }
}
