package org.cvxnn.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    /** A command whose run is given by the test. */
    private record Fake(String name, String description, Options options, Function<Args, Integer> body) implements Command {
        @Override
        public int run(Args args, Streams streams) throws IOException {
            if (name.equals("io")) throw new NoSuchFileException("missing.csv");
            return body.apply(args);
        }
    }

    private static final Options TRAIN_OPTIONS = Options.of(
                    Option.value("data", "FILE", "training data, CSV with a header row").asRequired(),
                    Option.value("beta", "B", "regularisation strength").withDefault("1e-3"),
                    Option.value("gates", "FILE", "gates, one per line"),
                    Option.flag("exact", "enumerate every pattern"))
            .exclusive("gates", "exact");

    private static final Commands COMMANDS = new Commands(List.of(
            new Fake("train", "fit a network to a CSV data set", TRAIN_OPTIONS,
                    a -> a.doubleValue("beta", Range.positive()) > 0.5 ? 3 : 0),
            new Fake("predict", "apply a model to a CSV data set", Options.of().positional("MODEL", "the model file"), a -> 0),
            new Fake("boom", "fails unexpectedly", Options.of(), a -> {
                throw new IllegalStateException("invariant broken");
            }),
            new Fake("unchecked", "fails with an unchecked I/O error", Options.of(), a -> {
                throw new UncheckedIOException(new NoSuchFileException("gone.json"));
            }),
            new Fake("io", "fails with an I/O error", Options.of(), a -> 0)));

    private record Result(int status, String out, String err) {}

    private static Result run(boolean debug, String... args) {
        return run(COMMANDS, debug, args);
    }

    private static Result run(Commands commands, boolean debug, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = new Main(commands, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), debug).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(String... args) {
        return run(false, args);
    }

    @Test
    void helpListsEveryCommand() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h"})) {
            Result r = run(args);
            assertEquals(0, r.status());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("usage: cvxnn <command> [options]\n"), r.out());
            assertTrue(r.out().contains("\n  train       fit a network to a CSV data set\n"), r.out());
            assertTrue(r.out().contains("\n  predict     apply a model to a CSV data set\n"), r.out());
        }
    }

    @Test
    void commandHelpShowsOptions() {
        Result r = run("train", "--data", "x.csv", "-h");
        assertEquals(0, r.status());
        assertEquals("""
                usage: cvxnn train --data FILE [options]

                fit a network to a CSV data set

                options:
                  --data FILE    training data, CSV with a header row (required)
                  --beta B       regularisation strength (default: 1e-3)
                  --gates FILE   gates, one per line
                  --exact        enumerate every pattern
                  -h, --help     show this help

                At most one of --gates, --exact may be given.
                """, r.out());
        assertEquals(r.out(), run("train", "--help").out());
    }

    @Test
    void commandHelpShowsPositionals() {
        Result r = run("predict", "--help");
        assertTrue(r.out().startsWith("usage: cvxnn predict [options] MODEL\n"), r.out());
        assertTrue(r.out().contains("arguments:\n  MODEL   the model file\n"), r.out());
    }

    @Test
    void commandHelpShowsRequiredGroups() {
        Options o = Options.of(Option.value("gates", "FILE", "gates file"), Option.flag("exact", "all patterns")).oneOf("gates", "exact");
        Commands commands = new Commands(List.of(new Fake("certify", "certify a model", o, a -> 0)));
        Result r = run(commands, false, "certify", "--help");
        assertTrue(r.out().startsWith("usage: cvxnn certify (--gates | --exact) [options]\n"), r.out());
        assertTrue(r.out().endsWith("\nExactly one of --gates, --exact must be given.\n"), r.out());
    }

    @Test
    void helpAfterDoubleDashIsAnArgument() {
        Result r = run("predict", "--", "--help");
        assertEquals(0, r.status());
        assertEquals("", r.out());
    }

    @Test
    void runsTheCommandAndReturnsItsStatus() {
        assertEquals(0, run("train", "--data", "x.csv").status());
        assertEquals(3, run("train", "--data", "x.csv", "--beta", "0.9").status());
    }

    @Test
    void unknownCommand() {
        Result r = run("trian");
        assertEquals(2, r.status());
        assertEquals("cvxnn: unknown command 'trian' (did you mean train?); commands: train, predict, boom, unchecked, io\n", r.err());
        assertEquals("cvxnn: unknown command 'fit'; commands: train, predict, boom, unchecked, io\n", run("fit").err());
    }

    @Test
    void optionBeforeCommand() {
        Result r = run("--data", "x.csv");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("cvxnn: expected a command before the option --data; commands: train"), r.err());
    }

    @Test
    void userErrorsExitWithTwo() {
        Result r = run("train", "--data", "x.csv", "--beta", "-1");
        assertEquals(2, r.status());
        assertEquals("cvxnn: --beta must be > 0, got -1\n", r.err());
        assertEquals("cvxnn: missing required option --data FILE for command train\n", run("train").err());
    }

    @Test
    void ioErrorsExitWithTwo() {
        Result r = run("io");
        assertEquals(2, r.status());
        assertEquals("cvxnn: missing.csv: no such file or directory\n", r.err());
        Result u = run("unchecked");
        assertEquals(2, u.status());
        assertEquals("cvxnn: gone.json: no such file or directory\n", u.err());
    }

    @Test
    void internalErrorHidesStackTraceUnlessDebug() {
        Result r = run("boom");
        assertEquals(1, r.status());
        assertEquals("cvxnn: internal error: java.lang.IllegalStateException: invariant broken\n"
                + "cvxnn: run with CVXNN_DEBUG=1 to see the stack trace\n", r.err());
        Result debug = run(true, "boom");
        assertEquals(1, debug.status());
        assertTrue(debug.err().startsWith("cvxnn: internal error: java.lang.IllegalStateException: invariant broken\n"));
        assertTrue(debug.err().contains("\tat "), debug.err());
        assertFalse(debug.err().contains("CVXNN_DEBUG"));
    }

    @Test
    void registryRejectsDuplicatesAndBadNames() {
        Fake a = new Fake("a", "x", Options.of(), x -> 0);
        assertThrows(IllegalArgumentException.class, () -> new Commands(List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> new Commands(List.of(new Fake("Bad", "x", Options.of(), x -> 0))));
    }

    @Test
    void standardCommandsHaveHelp() {
        Result r = run(Commands.standard(), false, "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("usage: cvxnn <command> [options]\n"), r.out());
        for (Command c : Commands.standard().all()) {
            Result help = run(Commands.standard(), false, c.name(), "--help");
            assertEquals(0, help.status(), c.name());
            assertTrue(help.out().startsWith("usage: cvxnn " + c.name()), help.out());
        }
    }
}
