package org.cvxnn.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs {@code ./cvxnn args...} in-process on {@link Commands#standard()} with captured streams.
 *
 * @param status the exit status
 * @param out    what the command wrote to stdout
 * @param err    what it wrote to stderr
 */
public record CliRun(int status, String out, String err) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = new Main(Commands.standard(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The last non-empty line of stdout. */
    public String lastLine() {
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) throw new AssertionError("stdout is empty; stderr: " + err);
        return lines.getLast();
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
