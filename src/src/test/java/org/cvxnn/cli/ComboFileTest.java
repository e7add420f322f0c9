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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --save-combos} and {@code --combos-file}: a written combo file gives back the same
 * program, and broken or inconsistent files are refused with a message naming the field, combo or row.
 */
class ComboFileTest {
    @TempDir
    static Path dir;
    private static Path data;
    private static Path combos;
    private static Map<String, Object> sampled;

    @BeforeAll
    static void trainAndSave() throws IOException {
        data = dir.resolve("data.csv");
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 9; i++) s.append(r.nextGaussian()).append(',').append(r.nextGaussian()).append(',').append(r.nextGaussian()).append('\n');
        Files.writeString(data, s);
        combos = dir.resolve("combos.json");
        CliRun run = train(data, "--model", "path3", "--m1", "2", "--combos", "60", "--seed", "5", "--bias",
                "--save-combos", combos.toString(), "--json");
        assertEquals(0, run.status(), run.toString());
        sampled = object(Json.parse(run.lastLine()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    private static CliRun train(Path data, String... more) {
        return CliRun.of(Stream.concat(Stream.of("train", "--data", data.toString(), "--beta", "0.1"), Stream.of(more)).toArray(String[]::new));
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void theSavedCombosGiveTheSameProgram() {
        Map<String, Object> file = object(Json.read(combos));
        assertEquals("cvxnn-combos", file.get("format"));
        assertEquals(9L, file.get("rows"));
        assertEquals(num(sampled, "combos"), ((List<?>) file.get("combos")).size());
        CliRun run = train(data, "--model", "path3", "--combos-file", combos.toString(), "--bias", "--json");
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> listed = object(Json.parse(run.lastLine()));
        assertEquals(num(sampled, "combos"), num(listed, "combos"));
        assertEquals(2.0, num(listed, "m1"));
        assertEquals(num(sampled, "objective"), num(listed, "objective"), 1e-7 * num(sampled, "objective"));
        assertEquals("file", object(listed.get("pattern_source")).get("kind"));
        Path model = dir.resolve("relu3.json");
        CliRun relu3 = train(data, "--model", "relu3", "--m1", "2", "--combos-file", combos.toString(), "--bias", "--out",
                model.toString(), "--json");
        assertEquals(0, relu3.status(), relu3.toString());
        double objective = num(object(Json.parse(relu3.lastLine())), "objective");
        CliRun certify = CliRun.of("certify", "--model", model.toString(), "--data", data.toString(), "--combos-file",
                combos.toString(), "--json");
        assertEquals(0, certify.status(), certify.toString());
        Map<String, Object> c = object(Json.parse(certify.lastLine()));
        assertEquals("pattern_subset", c.get("scope"));
        assertEquals(num(sampled, "combos"), num(c, "combos"));
        // the model is optimal over exactly these combos, so its certificate over them is tight
        assertTrue(num(c, "lower_bound") <= objective * (1 + 1e-9) && num(c, "gap_rel") < 1e-4, c.toString());
    }

    private static Path edited(String name, String from, String to) throws IOException {
        String text = Files.readString(combos);
        assertTrue(text.contains(from), from);
        Path p = dir.resolve(name);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return p;
    }

    private static void assertUsageError(CliRun run, String... fragments) {
        assertEquals(2, run.status(), run.toString());
        for (String f : fragments) assertTrue(run.err().contains(f), "'" + f + "' not in: " + run.err());
    }

    private static CliRun withFile(Path file, String... more) {
        return train(data, Stream.concat(Stream.of("--model", "path3", "--bias", "--combos-file", file.toString()), Stream.of(more))
                .toArray(String[]::new));
    }

    @Test
    void brokenFilesNameTheField() throws IOException {
        assertUsageError(withFile(edited("format.json", "cvxnn-combos", "cvxnn-model")), "format.json", "not a cvxnn combo file");
        assertUsageError(withFile(edited("sign.json", "\"sign\": 1", "\"sign\": 0")), "sign.json", "combos[0].neurons[0].sign");
        assertUsageError(withFile(edited("short.json", "\"mask\": \"", "\"mask\": \"1")), "short.json", "combos[0].neurons[0].mask",
                "10 characters, expected rows = 9");
        String second = (String) object(((List<?>) object(Json.read(combos)).get("combos")).getFirst()).get("second");
        assertUsageError(withFile(edited("char.json", "\"second\": \"" + second, "\"second\": \"x" + second.substring(1))),
                "char.json", "'x' at row 0");
        assertUsageError(withFile(edited("rows.json", "\"rows\": 9", "\"rows\": 8")), "rows.json", "expected rows = 8");
        assertUsageError(withFile(combos, "--m1", "3"), "--m1 3 does not match", "m1 = 2");
        assertUsageError(withFile(combos, "--combos", "5"), "cannot be used together");
        assertUsageError(withFile(combos, "--seed", "5"), "--seed does not apply with --combos-file");
        assertUsageError(train(data, "--save-combos", dir.resolve("x.json").toString()), "--save-combos applies only to --model path3");
        assertUsageError(train(data, "--combos-file", combos.toString()), "--combos-file applies only to --model path3");
        assertUsageError(CliRun.of("certify", "--model", dir.resolve("none.json").toString(), "--data", data.toString(),
                "--combos-file", combos.toString(), "--combos", "3"), "cannot be used together");
        assertUsageError(CliRun.of("compare", "--data", data.toString(), "--beta", "0.1", "--model", "path3", "--combos-file",
                combos.toString()), "--combos-file needs --test");
    }

    @Test
    void inconsistentMasksNameTheComboAndRow() throws IOException {
        Path eight = dir.resolve("eight.csv");
        List<String> lines = Files.readAllLines(data);
        Files.write(eight, lines.subList(0, 9));
        assertUsageError(train(eight, "--model", "path3", "--bias", "--combos-file", combos.toString()), "its masks cover 9 rows",
                "has 8 samples");

        // a combo whose neurons are all positive on a row must keep that row in its second-layer mask
        Map<String, Object> file = object(Json.read(combos));
        List<?> list = (List<?>) file.get("combos");
        for (int c = 0; c < list.size(); c++) {
            Map<String, Object> combo = object(list.get(c));
            List<?> neurons = (List<?>) combo.get("neurons");
            String second = (String) combo.get("second");
            for (int i = 0; i < 9; i++) {
                boolean pos = false, neg = false;
                for (Object o : neurons) {
                    Map<String, Object> nr = object(o);
                    if (((String) nr.get("mask")).charAt(i) == '1') {
                        if (((Number) nr.get("sign")).intValue() > 0) pos = true;
                        else neg = true;
                    }
                }
                if (!pos || neg) continue;
                combo.put("second", second.substring(0, i) + '0' + second.substring(i + 1));
                Path bad = dir.resolve("inconsistent.json");
                Files.writeString(bad, Json.pretty(file));
                assertUsageError(withFile(bad), "inconsistent.json", "combo " + c + " is inconsistent", "row " + i);
                return;
            }
        }
        throw new AssertionError("no all-positive row in any combo");
    }
}
