package org.cvxnn.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgsTest {
    private static final Options TRAIN = Options.of(
                    Option.value("data", "FILE", "training data").asRequired(),
                    Option.value("beta", "B", "regularisation").withDefault("1e-3"),
                    Option.value("patterns", "P", "sampled patterns"),
                    Option.value("gates", "FILE", "gates file"),
                    Option.value("seed", "S", "random seed").withDefault("7"),
                    Option.flag("exact", "enumerate all patterns"),
                    Option.flag("bias", "add a bias column"))
            .exclusive("gates", "patterns", "exact");

    private static Args parse(String... tokens) {
        return Args.parse("train", TRAIN, List.of(tokens));
    }

    private static String error(String... tokens) {
        return assertThrows(CliException.class, () -> parse(tokens)).getMessage();
    }

    @Test
    void readsValuesSwitchesAndDefaults() {
        Args a = parse("--data", "d.csv", "--beta=0.5", "--bias", "--patterns", "20");
        assertEquals("train", a.command());
        assertEquals(Path.of("d.csv"), a.path("data"));
        assertEquals(0.5, a.doubleValue("beta", Range.positive()));
        assertEquals(20, a.intValue("patterns", 1, Integer.MAX_VALUE));
        assertEquals(7L, a.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE));
        assertTrue(a.flag("bias"));
        assertFalse(a.flag("exact"));
        assertTrue(a.has("beta"));
        assertFalse(a.has("seed"), "a default does not count as given");
        assertFalse(a.has("gates"));
    }

    @Test
    void defaultIsUsedWhenAbsent() {
        assertEquals(1e-3, parse("--data", "d.csv").doubleValue("beta", Range.positive()));
    }

    @Test
    void negativeNumberIsAValue() {
        assertEquals("--beta must be > 0, got -1", doubleError("-1", Range.positive()));
        Args a = parse("--data", "d.csv", "--seed", "-3");
        assertEquals(-3L, a.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void unknownOptionListsKnownAndSuggests() {
        String m = error("--data", "d.csv", "--bta", "1");
        assertEquals("unknown option --bta for command train (did you mean --beta?); known: "
                + "--data, --beta, --patterns, --gates, --seed, --exact, --bias", m);
        assertEquals("unknown option --zzz for command train; known: "
                + "--data, --beta, --patterns, --gates, --seed, --exact, --bias", error("--zzz"));
    }

    @Test
    void singleDashIsNotAnOption() {
        assertTrue(error("-beta", "1").startsWith("unknown option -beta for command train (did you mean --beta?)"));
    }

    @Test
    void unknownOptionOfCommandWithoutOptions() {
        CliException e = assertThrows(CliException.class, () -> Args.parse("doctor", Options.of(), List.of("--x")));
        assertEquals("unknown option --x for command doctor; it takes no options", e.getMessage());
    }

    @Test
    void missingValue() {
        assertEquals("option --data needs a value: --data FILE", error("--data"));
        assertEquals("option --beta needs a value: --beta B", error("--beta", "--data", "d.csv"));
    }

    @Test
    void emptyValue() {
        assertEquals("option --data has an empty value: --data FILE", error("--data="));
    }

    @Test
    void repeatedOption() {
        assertEquals("option --beta is given twice", error("--data", "d.csv", "--beta", "1", "--beta=2"));
        assertEquals("option --bias is given twice", error("--data", "d.csv", "--bias", "--bias"));
    }

    @Test
    void switchTakesNoValue() {
        assertEquals("option --bias is a switch and takes no value, got '--bias=yes'", error("--data", "d.csv", "--bias=yes"));
    }

    @Test
    void missingRequired() {
        assertEquals("missing required option --data FILE for command train", error("--bias"));
        Options two = Options.of(Option.value("a", "X", "a").asRequired(), Option.value("b", "Y", "b").asRequired());
        CliException e = assertThrows(CliException.class, () -> Args.parse("cmd", two, List.of()));
        assertEquals("missing required options --a X, --b Y for command cmd", e.getMessage());
    }

    @Test
    void positionalRejectedUnlessDeclared() {
        assertEquals("unexpected argument 'extra' for command train (it takes no positional arguments)",
                error("--data", "d.csv", "extra"));
        assertEquals("unexpected argument 'true' for command train (it takes no positional arguments)",
                error("--data", "d.csv", "--exact", "true"));
    }

    @Test
    void declaredPositionals() {
        Options predict = Options.of(Option.value("out", "FILE", "output")).positional("MODEL", "model file").positional("DATA", "data");
        Args a = Args.parse("predict", predict, List.of("m.json", "--out", "p.csv", "x.csv"));
        assertEquals("m.json", a.positional("MODEL"));
        assertEquals("x.csv", a.positional("DATA"));
        assertEquals("missing argument DATA for command predict",
                assertThrows(CliException.class, () -> Args.parse("predict", predict, List.of("m.json"))).getMessage());
        assertEquals("unexpected argument 'z' for command predict (it takes MODEL DATA)",
                assertThrows(CliException.class, () -> Args.parse("predict", predict, List.of("a", "b", "z"))).getMessage());
    }

    @Test
    void doubleDashEndsOptions() {
        Options o = Options.of(Option.flag("x", "x")).positional("FILE", "file");
        Args a = Args.parse("cmd", o, List.of("--", "--weird-name"));
        assertEquals("--weird-name", a.positional("FILE"));
        assertFalse(a.flag("x"));
    }

    @Test
    void exclusiveGroup() {
        assertEquals("options --patterns and --exact cannot be used together; command train takes at most one of "
                + "--gates, --patterns, --exact",
                error("--data", "d.csv", "--exact", "--patterns", "5"));
        parse("--data", "d.csv", "--exact");
        parse("--data", "d.csv");
    }

    @Test
    void requiredGroup() {
        Options o = Options.of(Option.value("gates", "FILE", "g"), Option.flag("exact", "e")).oneOf("gates", "exact");
        CliException none = assertThrows(CliException.class, () -> Args.parse("certify", o, List.of()));
        assertEquals("command certify needs one of --gates, --exact", none.getMessage());
        CliException both = assertThrows(CliException.class, () -> Args.parse("certify", o, List.of("--exact", "--gates", "g")));
        assertEquals("options --gates and --exact cannot be used together; command certify takes exactly one of --gates, --exact",
                both.getMessage());
    }

    @Test
    void integerErrors() {
        Args a = parse("--data", "d.csv", "--patterns", "abc", "--seed", "99999999999");
        assertEquals("--patterns must be an integer, got 'abc'",
                assertThrows(CliException.class, () -> a.intValue("patterns", 1, Integer.MAX_VALUE)).getMessage());
        assertEquals("--seed must be between 1 and 2147483647, got 99999999999",
                assertThrows(CliException.class, () -> a.intValue("seed", 1, Integer.MAX_VALUE)).getMessage());
        assertEquals("--seed must be <= 10, got 99999999999",
                assertThrows(CliException.class, () -> a.longValue("seed", Long.MIN_VALUE, 10)).getMessage());
        Args zero = parse("--data", "d.csv", "--patterns", "0");
        assertEquals("--patterns must be >= 1, got 0",
                assertThrows(CliException.class, () -> zero.intValue("patterns", 1, Integer.MAX_VALUE)).getMessage());
        assertEquals("--patterns must be between 1 and 10, got 0",
                assertThrows(CliException.class, () -> zero.intValue("patterns", 1, 10)).getMessage());
    }

    @Test
    void doubleErrors() {
        assertEquals("--beta must be a number, got 'abc'", doubleError("abc", Range.positive()));
        assertEquals("--beta must be a number, got 'NaN'", doubleError("NaN", Range.any()));
        assertEquals("--beta must be a number, got '1d'", doubleError("1d", Range.any()));
        assertEquals("--beta is too large for a double, got 1e400", doubleError("1e400", Range.any()));
        assertEquals("--beta must be >= 0, got -0.5", doubleError("-0.5", Range.nonNegative()));
        assertEquals("--beta must be > 2, got 2", doubleError("2", Range.greaterThan(2)));
        assertEquals("--beta must be >= 2.5, got 1", doubleError("1", Range.atLeast(2.5)));
        assertEquals("--beta must be between 0 and 1, got 1.5", doubleError("1.5", Range.between(0, 1)));
        assertEquals("--beta must be in (0, 1], got 0", doubleError("0", new Range(0, false, 1, true)));
        assertEquals("--beta must be < 1, got 1", doubleError("1", new Range(Double.NEGATIVE_INFINITY, false, 1, false)));
    }

    private static String doubleError(String value, Range range) {
        Args a = parse("--data", "d.csv", "--beta", value);
        return assertThrows(CliException.class, () -> a.doubleValue("beta", range)).getMessage();
    }

    @Test
    void programmingMistakesAreNotUserErrors() {
        Args a = parse("--data", "d.csv");
        assertThrows(IllegalArgumentException.class, () -> a.has("nope"));
        assertThrows(IllegalArgumentException.class, () -> a.string("bias"));
        assertThrows(IllegalArgumentException.class, () -> a.flag("beta"));
        assertThrows(IllegalArgumentException.class, () -> a.positional("MODEL"));
        assertThrows(IllegalStateException.class, () -> a.string("gates"));
    }

    @Test
    void declarationsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Options.of(Option.flag("a", "x"), Option.flag("a", "y")));
        assertThrows(IllegalArgumentException.class, () -> Option.flag("help", "x"));
        assertThrows(IllegalArgumentException.class, () -> Option.flag("Bad_Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> Option.value("a", "X", "a").asRequired().withDefault("1"));
        assertThrows(IllegalArgumentException.class, () -> Options.of(Option.flag("a", "a")).exclusive("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> Options.of(Option.flag("a", "a")).exclusive("a"));
        assertThrows(IllegalArgumentException.class,
                () -> Options.of(Option.flag("a", "a"), Option.value("b", "B", "b").asRequired()).exclusive("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> Options.of().positional("A", "a").positional("A", "b"));
        assertThrows(IllegalArgumentException.class, () -> new Range(1, true, 0, true));
    }
}
