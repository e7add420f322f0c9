package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.solver.baseline.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    @TempDir
    Path dir;

    /** A 2-feature CSV with {0,1} labels of an XOR-like rule. */
    private Path data(String name, int n, long seed, String header) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian();
            s.append(a).append(',').append(b).append(',').append(a * b > 0 ? 1 : 0).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, s.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static String run(String... args) {
        CompareCommand command = new CompareCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, command.run(Args.parse(command.name(), command.options(), List.of(args)), new Streams(ps, ps)));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String error(String... args) {
        CompareCommand command = new CompareCommand();
        PrintStream ps = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return assertThrows(CliException.class,
                () -> command.run(Args.parse(command.name(), command.options(), List.of(args)), new Streams(ps, ps))).getMessage();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonReportsEveryMethodAndTheExactConvexOneIsBest() throws IOException {
        Path f = data("d.csv", 14, 1, "a,b,y");
        String out = run("--data", f.toString(), "--beta", "0.1", "--bias", "--exact", "--split", "0.2",
                "--restarts", "2", "--epochs", "100", "--optimizers", "gd,adam", "--json");
        String[] lines = out.strip().split("\n");
        Map<String, Object> r = (Map<String, Object>) Json.parse(lines[lines.length - 1]);
        assertEquals(11L, r.get("n_train"));
        assertEquals(3L, r.get("n_test"));
        List<Map<String, Object>> methods = (List<Map<String, Object>>) r.get("methods");
        assertEquals(List.of("convex", "gd", "adam"), methods.stream().map(m -> m.get("method")).toList());
        double convex = (Double) methods.getFirst().get("train_objective");
        for (Map<String, Object> m : methods) {
            assertTrue(convex <= (Double) m.get("train_objective") + 1e-6, m.toString());
            double error = (Double) m.get("test_error");
            assertTrue(error >= 0 && error <= 1);
        }
        Map<String, Object> cert = (Map<String, Object>) r.get("certificate");
        assertEquals(true, cert.get("global_optimum"));
        assertTrue((Double) cert.get("dual_bound") <= convex);
        assertEquals("exact", ((Map<String, Object>) r.get("pattern_source")).get("kind"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void path3JsonWithExactCombos() throws IOException {
        Path f = data("p.csv", 10, 5, "a,b,y");
        String out = run("--data", f.toString(), "--model", "path3", "--m1", "2", "--exact", "--beta", "0.05",
                "--split", "0.3", "--restarts", "2", "--epochs", "100", "--optimizers", "sgd,adam", "--batch", "3", "--json");
        String[] lines = out.strip().split("\n");
        Map<String, Object> r = (Map<String, Object>) Json.parse(lines[lines.length - 1]);
        assertEquals("path3", r.get("model"));
        assertEquals(2L, r.get("m1"));
        assertEquals(7L, r.get("n_train"));
        assertEquals(3L, r.get("n_test"));
        List<Map<String, Object>> methods = (List<Map<String, Object>>) r.get("methods");
        assertEquals(List.of("convex", "sgd", "adam"), methods.stream().map(m -> m.get("method")).toList());
        Map<String, Object> cert = (Map<String, Object>) r.get("certificate");
        assertEquals(true, cert.get("global_optimum"));
        double convex = (Double) methods.getFirst().get("train_objective"), bound = (Double) cert.get("dual_bound");
        assertTrue(bound <= convex);
        long subnetworks = (Long) methods.getFirst().get("neurons");
        for (Map<String, Object> m : methods) {
            double objective = (Double) m.get("train_objective");
            assertTrue(convex <= objective + 1e-6 && bound <= objective, m.toString());
            assertEquals(subnetworks, m.get("neurons"), m.toString());
            assertEquals(m.get("method").equals("convex") ? 1L : 10L, m.get("runs"), m.toString());
        }
        assertEquals("exact", ((Map<String, Object>) r.get("pattern_source")).get("kind"));
    }

    @Test
    void path3TableWithSampledCombos() throws IOException {
        Path f = data("p.csv", 10, 6, "a,b,y");
        String out = run("--data", f.toString(), "--model", "path3", "--m1", "2", "--combos", "40", "--seed", "3",
                "--beta", "0.1", "--width", "3", "--restarts", "1", "--epochs", "20", "--optimizers", "gd");
        assertTrue(out.contains("model path3 (m1 = 2)"), out);
        assertTrue(out.contains("sub-nets") && out.contains("sampled combos") && out.contains("these combos"), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("gd ") && l.strip().matches(".* 3 +5$")), out);
    }

    @Test
    void tableWithATestFile() throws IOException {
        Path train = data("train.csv", 10, 2, "a,b,y"), test = data("test.csv", 4, 3, "a,b,y");
        String out = run("--data", train.toString(), "--test", test.toString(), "--beta", "0.2", "--patterns", "20",
                "--restarts", "1", "--epochs", "20", "--optimizers", "sgd", "--batch", "4");
        assertTrue(out.contains("10 training and 4 test samples"), out);
        assertTrue(out.contains("convex ") && out.contains("sgd ") && out.contains("convex certificate:") && out.contains("meaning:"), out);
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path train = data("train.csv", 10, 2, "a,b,y"), other = data("other.csv", 4, 3, "a,c,y");
        String base = "--data=" + train;
        assertTrue(error(base, "--beta", "1", "--test", other.toString()).contains("other.csv: feature columns [a, c] differ"));
        assertTrue(error(base, "--beta", "1", "--optimizers", "sgd,sg").contains("unknown optimizer 'sg'"));
        assertTrue(error(base, "--beta", "1", "--optimizers", "adam,adam").contains("adam twice"));
        assertTrue(error(base, "--beta", "1", "--test", train.toString(), "--split-seed", "3").contains("--split-seed applies only to --split"));
        assertTrue(error(base, "--beta", "1", "--split", "1").contains("--split must be"));
    }

    @Test
    void optimizerNames() {
        assertEquals(List.of(Optimizer.GRADIENT_DESCENT, Optimizer.SGD, Optimizer.ADAM), CompareCommand.optimizers("gd, sgd,adam"));
    }
}
