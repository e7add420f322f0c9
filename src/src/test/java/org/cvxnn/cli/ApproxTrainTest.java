package org.cvxnn.cli;

import org.cvxnn.cli.io.Json;
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

/** {@code train --approx-rank R}: exactness on low-rank data, consistency with certify, and bad input. */
class ApproxTrainTest {
    @TempDir
    Path dir;

    /** Columns a, b, c, y with (a, b, c) = offset + t·h + noise·ε: affine rank 1 when noise = 0. */
    private Path data(String name, int n, double noise, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < n; i++) {
            double t = r.nextGaussian();
            double a = 1 + t + noise * r.nextGaussian(), b = -0.5 + 2 * t + noise * r.nextGaussian(), c = 0.3 - t + noise * r.nextGaussian();
            double y = Math.max(0, a - 1.2) - 0.7 * Math.max(0, 0.4 - c) + 0.05 * r.nextGaussian();
            s.append(a).append(',').append(b).append(',').append(c).append(',').append(y).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, s);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRun run) {
        assertEquals(0, run.status(), run.toString());
        return (Map<String, Object>) Json.parse(run.lastLine());
    }

    private static double num(Map<String, Object> m, String key) {
        assertTrue(m.containsKey(key), "missing " + key + " in " + m);
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void onExactlyLowRankDataTheApproximationIsTheExactSolve() throws IOException {
        Path file = data("rank1.csv", 14, 0, 3);
        Map<String, Object> approx = json(CliRun.of("train", "--data", file.toString(), "--beta", "0.2", "--bias", "--approx-rank", "1", "--json"));
        Map<String, Object> exact = json(CliRun.of("train", "--data", file.toString(), "--beta", "0.2", "--bias", "--exact", "--json"));
        assertEquals(num(exact, "objective"), num(approx, "objective"), 1e-6 * num(exact, "objective"));
        assertEquals("global", approx.get("lower_bound_scope"));
        assertEquals(num(exact, "objective"), num(approx, "lower_bound"), 1e-5 * num(exact, "objective"));
        assertTrue(num(approx, "sigma_next") < 1e-9, approx.toString());
        assertEquals(1, num(approx, "bound_factor"), 1e-6);
        assertEquals(num(exact, "patterns"), num(approx, "patterns"));
    }

    @Test
    void noisyDataReportTheBoundsAndTheModelFileAgreesWithCertify() throws IOException {
        Path file = data("noisy.csv", 16, 0.1, 5), model = dir.resolve("approx.json");
        Map<String, Object> r = json(CliRun.of("train", "--data", file.toString(), "--beta", "0.2", "--bias", "--approx-rank", "1",
                "--out", model.toString(), "--json"));
        for (String key : List.of("approx_rank", "sigma_next", "tau", "bound_factor", "objective_on_approx", "objective", "lower_bound",
                "lower_bound_scope", "gap_rel", "guaranteed_lower_bound"))
            assertTrue(r.containsKey(key), key + " missing in " + r);
        double objective = num(r, "objective"), tau = num(r, "tau");
        assertTrue(num(r, "sigma_next") > 0.01, r.toString());
        assertEquals(Math.pow(1 + tau / 2, 4), num(r, "bound_factor"), 1e-12 * num(r, "bound_factor"));
        assertEquals("global", r.get("lower_bound_scope"));
        assertTrue(num(r, "lower_bound") <= objective && num(r, "guaranteed_lower_bound") <= objective, r.toString());
        assertEquals((objective - num(r, "lower_bound")) / Math.max(1, objective), num(r, "gap_rel"), 1e-12);

        Map<String, Object> c = json(CliRun.of("certify", "--model", model.toString(), "--data", file.toString(), "--exact", "--json"));
        assertEquals(objective, num(c, "objective"), 1e-12 * objective);
        assertEquals(num(r, "lower_bound"), num(c, "lower_bound"), 1e-9 * objective);
        Map<String, Object> exact = json(CliRun.of("train", "--data", file.toString(), "--beta", "0.2", "--bias", "--exact", "--json"));
        double pStar = num(exact, "objective");
        assertTrue(pStar <= objective * (1 + 1e-7) && objective <= num(r, "bound_factor") * pStar, "p* " + pStar + ", " + r);
        assertTrue(num(r, "lower_bound") <= pStar * (1 + 1e-7) && num(r, "guaranteed_lower_bound") <= pStar * (1 + 1e-7));
    }

    @Test
    void threeLayerModelsAreTrainedOnTheApproximation() throws IOException {
        Path file = data("three.csv", 8, 0.1, 7), model = dir.resolve("path3.json");
        Map<String, Object> path = json(CliRun.of("train", "--data", file.toString(), "--beta", "0.1", "--model", "path3", "--m1", "2",
                "--approx-rank", "1", "--out", model.toString(), "--json"));
        assertEquals("path3", path.get("model"));
        assertEquals(2.0, num(path, "m1"));
        assertEquals(num(path, "patterns"), num(path, "combos"));
        // the combos of X (d = 3, m1 = 2) are more than the certificate enumerates: 2000 sampled combos, seed 0,
        // plus those of the trained sub-networks, so the bound is at most certify's on the 2000 sampled ones
        assertEquals("pattern_subset", path.get("lower_bound_scope"));
        assertEquals(Math.sqrt(2) * num(path, "sigma_next"), num(path, "lip"), 1e-12 * num(path, "lip"));
        Map<String, Object> c = json(CliRun.of("certify", "--model", model.toString(), "--data", file.toString(), "--combos", "2000",
                "--seed", "0", "--json"));
        assertEquals(num(path, "objective"), num(c, "objective"), 1e-12 * num(path, "objective"));
        assertTrue(num(path, "lower_bound") <= num(c, "lower_bound") + 1e-12 * num(path, "objective"), path + " vs " + c);
        assertTrue(num(path, "lower_bound") <= num(path, "objective"), path.toString());

        Map<String, Object> relu3 = json(CliRun.of("train", "--data", file.toString(), "--beta", "0.1", "--model", "relu3", "--m1", "2",
                "--approx-rank", "1", "--json"));
        assertEquals("pattern_subset", relu3.get("lower_bound_scope"));
        assertTrue(num(relu3, "lower_bound") <= num(relu3, "objective") * (1 + 1e-12), relu3.toString());
        assertEquals(num(relu3, "sigma_next"), num(relu3, "lip"), 0);
        assertTrue(num(relu3, "guaranteed_lower_bound") <= num(relu3, "objective"));
    }

    @Test
    void badInput() throws IOException {
        Path file = data("bad.csv", 8, 0.1, 1), out = dir.resolve("never.json");
        String[] base = {"train", "--data", file.toString(), "--beta", "0.2", "--out", out.toString(), "--approx-rank"};
        assertUsageError(run(base, "0"), "--approx-rank must be >= 1");
        assertUsageError(run(base, "4"), "--approx-rank 4 exceeds min(n, d) = 3");
        assertUsageError(run(base, "1", "--patterns", "10"), "cannot be combined with --patterns");
        assertUsageError(run(base, "1", "--exact"), "cannot be combined with --exact");
        assertUsageError(run(base, "1", "--model", "gated2"), "relu2, path3 or relu3, not gated2", "not Lipschitz");
        assertUsageError(run(base, "1", "--model", "path3"), "needs --m1");
        assertUsageError(run(base, "1", "--model", "relu3", "--m1", "2", "--combos", "5"), "cannot be combined with --combos");
        assertUsageError(run(base, "1", "--m1", "2"), "--m1 applies only to --model path3, relu3 or pathL");
        assertFalse(Files.exists(out));
        Path big = data("big.csv", 800, 0.1, 2);
        assertUsageError(CliRun.of("train", "--data", big.toString(), "--beta", "0.2", "--approx-rank", "3"),
                "big.csv", "cannot enumerate the patterns of the rank-3 approximation", "choose a smaller rank");
    }

    private static CliRun run(String[] base, String... more) {
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    private static void assertUsageError(CliRun run, String... fragments) {
        assertEquals(2, run.status(), run.toString());
        assertEquals("", run.out(), run.toString());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.toString());
        for (String f : fragments) assertTrue(lines.getFirst().contains(f), "'" + f + "' not in: " + lines.getFirst());
    }
}
