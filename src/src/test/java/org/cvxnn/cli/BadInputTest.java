package org.cvxnn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input ends in one line {@code cvxnn: ...} on stderr, exit status 2, and no output file. */
class BadInputTest {
    private static final String MODEL = """
            {"format": "cvxnn-model", "version": 1, "kind": "relu2", "bias": false, "features": ["a", "b"],
             "target": "y", "beta": 0.1, "n": 3, "network": {"d": 2, "m": 1, "w1": [[1.0, -0.5]], "alpha": [2.0]}}
            """;

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static void assertUsageError(CliRun run, String... fragments) {
        assertEquals(2, run.status(), run.toString());
        assertEquals("", run.out(), run.toString());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.toString());
        assertTrue(lines.getFirst().startsWith("cvxnn: "), run.toString());
        for (String f : fragments) assertTrue(lines.getFirst().contains(f), "'" + f + "' not in: " + lines.getFirst());
    }

    private CliRun train(Path data, String... more) {
        return CliRun.of(Stream.concat(Stream.of("train", "--data", data.toString(), "--beta", "0.1"), Stream.of(more)).toArray(String[]::new));
    }

    private Path goodData() throws IOException {
        return file("good.csv", "a,b,y\n1,2,1\n-1,0.5,0\n0.3,-2,1\n2,1,0\n");
    }

    @Test
    void badCells() throws IOException {
        assertUsageError(train(file("nan.csv", "a,y\n1,2\nNaN,3\n")), "nan.csv", "line 3", "not finite");
        assertUsageError(train(file("inf.csv", "a,y\n1,2\n3,-Infinity\n")), "inf.csv", "line 3", "column 2 ('y')", "not finite");
        assertUsageError(train(file("word.csv", "a,y\n1,2\nx1,3\n")), "word.csv", "line 3", "'x1' is not a number");
        assertUsageError(train(file("ragged.csv", "a,b,y\n1,2,3\n1,2\n")), "ragged.csv", "line 3", "expected 3 values");
        assertUsageError(train(file("empty.csv", "")), "empty.csv", "empty");
        assertUsageError(train(file("one.csv", "a,y\n1,2\n")), "one.csv", "at least 2 data rows, found 1");
    }

    @Test
    void badOptions() throws IOException {
        Path data = goodData();
        assertUsageError(train(data, "--target", "z"), "good.csv", "no column named 'z'");
        assertUsageError(CliRun.of("train", "--data", data.toString(), "--beta", "0"), "--beta must be > 0, got 0");
        assertUsageError(CliRun.of("train", "--data", data.toString(), "--beta", "-1"), "--beta must be > 0, got -1");
        assertUsageError(train(data, "--model", "relu4"), "--model must be relu2, gated2, path3, relu3 or pathL, got 'relu4'");
        assertUsageError(train(data, "--exact", "--seed", "4"), "--seed applies only to sampled patterns");
        assertUsageError(train(data, "--exact", "--patterns", "4"), "cannot be used together");
        assertUsageError(train(data, "--tol", "2"), "--tol must be in (0, 1), got 2");
        assertUsageError(train(data, "--out", dir.resolve("no/such/dir/m.json").toString()), "does not exist");
    }

    @Test
    void badPathOptions() throws IOException {
        Path data = goodData();
        assertUsageError(train(data, "--m1", "2"), "--m1 applies only to --model path3, relu3 or pathL, not to --model relu2");
        assertUsageError(train(data, "--model", "gated2", "--combos", "5"), "--combos applies only to --model path3");
        assertUsageError(train(data, "--model", "path3", "--m1", "2", "--patterns", "5"), "--patterns does not apply to --model path3", "--combos N");
        assertUsageError(train(data, "--model", "path3", "--m1", "2", "--gates", "g.csv"), "--gates does not apply to --model path3");
        assertUsageError(train(data, "--model", "path3"), "--model path3 needs --m1 M");
        assertUsageError(train(data, "--model", "path3", "--m1", "0"), "--m1 must be >= 1, got 0");
        assertUsageError(train(data, "--model", "path3", "--m1", "2", "--exact", "--seed", "1"), "--seed applies only to sampled combos");
        assertUsageError(train(data, "--model", "path3", "--m1", "2", "--exact", "--combos", "3"), "cannot be used together");
        assertUsageError(CliRun.of("compare", "--data", data.toString(), "--beta", "0.1", "--model", "path3"), "--model path3 needs --m1 M");
        assertUsageError(CliRun.of("compare", "--data", data.toString(), "--beta", "0.1", "--m1", "2"), "--m1 applies only to --model path3");

        StringBuilder rows = new StringBuilder("a,b,y\n");
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 12; i++) rows.append(r.nextGaussian()).append(',').append(r.nextGaussian()).append(',').append(r.nextGaussian()).append('\n');
        Path twelve = file("twelve.csv", rows.toString());
        assertUsageError(train(twelve, "--model", "path3", "--m1", "3", "--bias", "--exact"),
                "twelve.csv", "cannot compute the combos", "refused", "estimated", "use --combos N");
    }

    @Test
    void certifyOptionsMatchTheModelKind() throws IOException {
        Path relu = file("relu.json", MODEL);
        assertUsageError(CliRun.of("certify", "--model", relu.toString(), "--data", goodData().toString(), "--combos", "5"),
                "--combos applies to path3 and relu3 models", "relu.json");
        String path3 = MODEL.replace("relu2", "path3").replace("\"m\": 1", "\"K\": 1, \"m1\": 1")
                .replace("\"alpha\": [2.0]", "\"w2\": [[1.0]], \"w3\": [2.0]");
        Path path = file("path3.json", path3);
        assertUsageError(CliRun.of("certify", "--model", path.toString(), "--data", goodData().toString(), "--patterns", "5"),
                "--patterns applies to relu2 models", "path3.json", "--combos N");
        // f(x) = 2·((a − b/2)₊·1)₊ on the rows of goodData
        CliRun run = CliRun.of("predict", "--model", path.toString(), "--data", goodData().toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of("prediction", "0.0", "0.0", "2.6", "3.0"), run.out().lines().toList());
    }

    @Test
    void badGates() throws IOException {
        Path data = goodData();
        Path narrow = file("gates.csv", "1,0\n0,1\n");
        assertUsageError(train(data, "--gates", narrow.toString(), "--bias"), "gates.csv", "line 1", "needs 3 values, found 2", "--bias");
        Path wide = file("wide.csv", "1,0,1\n");
        assertUsageError(train(data, "--gates", wide.toString()), "wide.csv", "line 1", "needs 2 values, found 3", "no --bias");
        Path positive = file("positive.csv", "a,b,y\n1,2,1\n3,0.5,0\n0.3,2,1\n");
        Path away = file("away.csv", "-1,-1\n-2,-0.5\n");
        assertUsageError(train(positive, "--gates", away.toString()), "no activation pattern left");
    }

    @Test
    void badModelFiles() throws IOException {
        Path data = goodData();
        assertUsageError(CliRun.of("predict", "--model", file("kind.json", MODEL.replace("relu2", "relu4")).toString(), "--data", data.toString()),
                "kind.json", "field 'kind'", "relu4");
        assertUsageError(CliRun.of("predict", "--model", file("broken.json", MODEL.substring(0, 80)).toString(), "--data", data.toString()),
                "broken.json", "invalid JSON");
        assertUsageError(CliRun.of("predict", "--model", file("shape.json", MODEL.replace("[[1.0, -0.5]]", "[[1.0]]")).toString(),
                "--data", data.toString()), "shape.json", "field 'network.w1[0]'", "expected d = 2");
        assertUsageError(CliRun.of("predict", "--model", file("huge.json", MODEL.replace("2.0]", "1e999]")).toString(),
                "--data", data.toString()), "huge.json", "too large");
        assertUsageError(CliRun.of("predict", "--model", file("v2.json", MODEL.replace("\"version\": 1", "\"version\": 2")).toString(),
                "--data", data.toString()), "v2.json", "field 'version'", "version 1");
        assertUsageError(CliRun.of("predict", "--model", file("data.json", "[1, 2]").toString(), "--data", data.toString()),
                "data.json", "JSON object");
    }

    @Test
    void modelAndDataMustMatch() throws IOException {
        Path model = file("m.json", MODEL);
        Path noB = file("nob.csv", "a,y\n1,2\n3,4\n");
        assertUsageError(CliRun.of("predict", "--model", model.toString(), "--data", noB.toString()), "nob.csv", "no column named 'b'", "m.json");
        Path noY = file("noy.csv", "a,b\n1,2\n3,4\n");
        assertUsageError(CliRun.of("certify", "--model", model.toString(), "--data", noY.toString()), "noy.csv", "no column named 'y'");
        Path gated = file("g.json", MODEL.replace("relu2", "gated2").replace("\"alpha\"", "\"gates\": [[0.0, 1.0]], \"alpha\""));
        assertUsageError(CliRun.of("certify", "--model", gated.toString(), "--data", goodData().toString()), "g.json", "relu2, path3 and relu3 models only");
        assertUsageError(CliRun.of("certify", "--model", model.toString(), "--data", goodData().toString(), "--beta", "-2"), "--beta must be > 0");
    }

    @Test
    void outputFilesAreNeverHalfWritten() throws IOException {
        Path model = file("m.json", MODEL);
        Path pred = file("pred.csv", "previous content\n");
        Path bad = file("bad.csv", "a,b\n1,2\n1,oops\n");
        assertUsageError(CliRun.of("predict", "--model", model.toString(), "--data", bad.toString(), "--out", pred.toString()), "oops");
        assertEquals("previous content\n", Files.readString(pred));

        Path out = dir.resolve("never.json");
        assertUsageError(train(file("nan.csv", "a,y\n1,2\nnan,3\n"), "--out", out.toString()), "not finite");
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
        }
    }

    @Test
    void predictionsOfAHandWrittenModel() throws IOException {
        Path model = file("m.json", MODEL);
        Path data = file("d.csv", "b,a\n0,1\n4,1\n-2,-3\n");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, run.status(), run.toString());
        // f(a, b) = 2·max(0, a − 0.5·b)
        assertEquals(List.of("prediction", "2.0", "0.0", "0.0"), run.out().lines().toList());
    }
}
