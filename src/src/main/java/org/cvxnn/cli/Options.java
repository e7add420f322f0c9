package org.cvxnn.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a command accepts: its {@link Option}s in help order, groups of mutually exclusive options,
 * and its positional arguments (none unless declared). Immutable; each method returns a new
 * declaration, e.g.
 * {@snippet :
 * Options.of(Option.value("data", "FILE", "training data (CSV)").asRequired(),
 *            Option.value("gates", "FILE", "gates, one per line"),
 *            Option.value("patterns", "P", "number of sampled patterns").withDefault("100"),
 *            Option.flag("exact", "enumerate every pattern"))
 *        .exclusive("gates", "patterns", "exact");
 * }
 */
public final class Options {

    /**
     * Options of which at most one may be given, or exactly one when {@code required}.
     *
     * @param names    the option names, at least two
     * @param required whether one of them must be given
     */
    public record Group(List<String> names, boolean required) {
        public Group {
            names = List.copyOf(names);
        }

        /** {@code --a, --b, --c}. */
        public String list() {
            return names.stream().map(n -> "--" + n).collect(Collectors.joining(", "));
        }
    }

    /** A positional argument; every declared one is required, in declaration order. */
    public record Positional(String name, String help) {}

    private final List<Option> options;
    private final List<Group> groups;
    private final List<Positional> positionals;

    private Options(List<Option> options, List<Group> groups, List<Positional> positionals) {
        this.options = List.copyOf(options);
        this.groups = List.copyOf(groups);
        this.positionals = List.copyOf(positionals);
    }

    /** The given options, in the order {@code --help} lists them; names must be distinct. */
    public static Options of(Option... options) {
        Set<String> seen = new HashSet<>();
        for (Option o : options) {
            if (!seen.add(o.name())) throw new IllegalArgumentException("option --" + o.name() + " declared twice");
        }
        return new Options(List.of(options), List.of(), List.of());
    }

    /** These options plus a group of which at most one may be given. */
    public Options exclusive(String... names) {
        return withGroup(new Group(List.of(names), false));
    }

    /** These options plus a group of which exactly one must be given. */
    public Options oneOf(String... names) {
        return withGroup(new Group(List.of(names), true));
    }

    /** These options plus a required positional argument after the ones declared so far. */
    public Options positional(String name, String help) {
        if (positionals.stream().anyMatch(p -> p.name().equals(name)))
            throw new IllegalArgumentException("positional argument " + name + " declared twice");
        return new Options(options, groups, Stream.concat(positionals.stream(), Stream.of(new Positional(name, help))).toList());
    }

    private Options withGroup(Group group) {
        if (group.names().size() < 2) throw new IllegalArgumentException("an exclusive group needs at least two options");
        if (Set.copyOf(group.names()).size() != group.names().size())
            throw new IllegalArgumentException("exclusive group " + group.list() + " repeats an option");
        for (String name : group.names()) {
            Option o = find(name).orElseThrow(() -> new IllegalArgumentException("exclusive group names undeclared option --" + name));
            if (o.required()) throw new IllegalArgumentException("option --" + name + " is required, so it cannot be in an exclusive group");
        }
        List<Group> all = new ArrayList<>(groups);
        all.add(group);
        return new Options(options, all, positionals);
    }

    public List<Option> all() {
        return options;
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Positional> positionals() {
        return positionals;
    }

    public Optional<Option> find(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The declared option, or an {@link IllegalArgumentException}: asking for an undeclared one is a bug. */
    Option get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no option --" + name + " is declared"));
    }

    /** {@code --a, --b, ...} in declaration order. */
    String names() {
        return options.stream().map(o -> "--" + o.name()).collect(Collectors.joining(", "));
    }
}
