package org.cvxnn.cli;

import org.cvxnn.cli.io.Decimals;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parsed arguments of one command: {@code --name value}, {@code --name=value}, switches
 * {@code --name}, and the declared positional arguments ({@code --} ends the options).
 *
 * <p>{@link #parse} rejects, as a {@link CliException}: unknown options (with a did-you-mean),
 * a missing value, an empty value, a repeated option, a value given to a switch, undeclared or
 * missing positional arguments, two options of one exclusive group, and missing required options.
 * The typed getters check syntax and range, naming the option ({@code "--beta must be > 0, got -1"}).
 * Asking for an option the command did not declare is a bug and throws
 * {@link IllegalArgumentException}.
 */
public final class Args {
    private final String command;
    private final Options options;
    private final Map<String, String> values;
    private final Set<String> switches;
    private final List<String> positionals;

    private Args(String command, Options options, Map<String, String> values, Set<String> switches, List<String> positionals) {
        this.command = command;
        this.options = options;
        this.values = Map.copyOf(values);
        this.switches = Set.copyOf(switches);
        this.positionals = List.copyOf(positionals);
    }

    /** Parses {@code tokens} (what follows the command name) against what {@code command} declares. */
    public static Args parse(String command, Options options, List<String> tokens) {
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (optionsEnded || token.equals("-") || !token.startsWith("-")) {
                positionals.add(token);
                continue;
            }
            if (token.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = token.indexOf('=');
            String name = token.substring(token.startsWith("--") ? 2 : 1, eq < 0 ? token.length() : eq);
            Option option = options.find(name).filter(o -> token.startsWith("--"))
                    .orElseThrow(() -> unknownOption(command, options, token.substring(0, eq < 0 ? token.length() : eq), name));
            if (values.containsKey(name) || switches.contains(name))
                throw new CliException("option --" + name + " is given twice");
            if (!option.takesValue()) {
                if (eq >= 0) throw new CliException("option --" + name + " is a switch and takes no value, got '" + token + "'");
                switches.add(name);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = token.substring(eq + 1);
            } else if (i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("--")) {
                value = tokens.get(++i);
            } else {
                throw new CliException("option --" + name + " needs a value: " + option.synopsis());
            }
            if (value.isEmpty()) throw new CliException("option --" + name + " has an empty value: " + option.synopsis());
            values.put(name, value);
        }
        checkPositionals(command, options, positionals);
        checkGroups(command, options, values, switches);
        checkRequired(command, options, values);
        return new Args(command, options, values, switches, positionals);
    }

    private static CliException unknownOption(String command, Options options, String typed, String name) {
        String hint = DidYouMean.closest(name, options.all().stream().map(Option::name).toList())
                .map(s -> " (did you mean --" + s + "?)").orElse("");
        String known = options.all().isEmpty() ? "it takes no options" : "known: " + options.names();
        return new CliException("unknown option " + typed + " for command " + command + hint + "; " + known);
    }

    private static void checkPositionals(String command, Options options, List<String> given) {
        List<Options.Positional> declared = options.positionals();
        if (given.size() > declared.size()) {
            String takes = declared.isEmpty() ? "it takes no positional arguments"
                    : "it takes " + declared.stream().map(Options.Positional::name).collect(Collectors.joining(" "));
            throw new CliException("unexpected argument '" + given.get(declared.size()) + "' for command " + command + " (" + takes + ")");
        }
        if (given.size() < declared.size())
            throw new CliException("missing argument " + declared.get(given.size()).name() + " for command " + command);
    }

    private static void checkGroups(String command, Options options, Map<String, String> values, Set<String> switches) {
        for (Options.Group group : options.groups()) {
            List<String> given = group.names().stream()
                    .filter(n -> values.containsKey(n) || switches.contains(n)).map(n -> "--" + n).toList();
            if (given.size() > 1)
                throw new CliException("options " + String.join(" and ", given) + " cannot be used together; command "
                        + command + " takes " + (group.required() ? "exactly" : "at most") + " one of " + group.list());
            if (given.isEmpty() && group.required())
                throw new CliException("command " + command + " needs one of " + group.list());
        }
    }

    private static void checkRequired(String command, Options options, Map<String, String> values) {
        List<String> missing = options.all().stream()
                .filter(o -> o.required() && !values.containsKey(o.name())).map(Option::synopsis).toList();
        if (!missing.isEmpty())
            throw new CliException("missing required option" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " for command " + command);
    }

    public String command() {
        return command;
    }

    /** Whether the option was given on the command line (a default does not count). */
    public boolean has(String name) {
        options.get(name);
        return values.containsKey(name) || switches.contains(name);
    }

    /** Whether the switch {@code --name} was given. */
    public boolean flag(String name) {
        if (options.get(name).takesValue()) throw new IllegalArgumentException("--" + name + " takes a value; it is not a switch");
        return switches.contains(name);
    }

    /** The value given, else the default; an option with neither is a bug: check {@link #has} first. */
    public String string(String name) {
        Option option = options.get(name);
        if (!option.takesValue()) throw new IllegalArgumentException("--" + name + " is a switch; read it with flag()");
        String value = values.getOrDefault(name, option.defaultValue());
        if (value == null) throw new IllegalStateException("--" + name + " was not given and has no default; check has() first");
        return value;
    }

    /** The value as an int in {@code [min, max]}. */
    public int intValue(String name, int min, int max) {
        return (int) integer(name, min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** The value as a long in {@code [min, max]}. */
    public long longValue(String name, long min, long max) {
        return integer(name, min, max, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long integer(String name, long min, long max, long typeMin, long typeMax) {
        String raw = string(name);
        long v;
        try {
            v = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " must be an integer, got '" + raw + "'");
        }
        if (v < min && max == typeMax) throw new CliException("--" + name + " must be >= " + min + ", got " + raw);
        if (v > max && min == typeMin) throw new CliException("--" + name + " must be <= " + max + ", got " + raw);
        if (v < min || v > max) throw new CliException("--" + name + " must be between " + min + " and " + max + ", got " + raw);
        return v;
    }

    /** The value as a finite double in {@code range}. */
    public double doubleValue(String name, Range range) {
        String raw = string(name);
        double v;
        try {
            v = Decimals.parse(raw);
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " must be a number, got '" + raw + "'");
        }
        if (!Double.isFinite(v)) throw new CliException("--" + name + " is too large for a double, got " + raw);
        if (!range.contains(v)) throw new CliException("--" + name + " must be " + range.describe() + ", got " + raw);
        return v;
    }

    /** The value as a file path. */
    public Path path(String name) {
        String raw = string(name);
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new CliException("--" + name + " is not a valid path: '" + raw + "' (" + e.getReason() + ")");
        }
    }

    /** The positional argument declared as {@code name}. */
    public String positional(String name) {
        List<Options.Positional> declared = options.positionals();
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).name().equals(name)) return positionals.get(i);
        }
        throw new IllegalArgumentException("no positional argument " + name + " is declared");
    }
}
