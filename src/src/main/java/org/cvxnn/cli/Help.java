package org.cvxnn.cli;

import java.util.ArrayList;
import java.util.List;

/** The text of {@code ./cvxnn --help} and {@code ./cvxnn <command> --help}. */
final class Help {
    private Help() {}

    /** The overview: usage, the command list with one-line descriptions, exit statuses. */
    static String overview(Commands commands) {
        StringBuilder s = new StringBuilder()
                .append("usage: cvxnn <command> [options]\n")
                .append("       cvxnn <command> --help\n\n")
                .append("Trains ReLU networks to a certified global optimum through their convex reformulations.\n\n")
                .append("commands:\n");
        table(s, commands.all().stream().map(c -> new String[] {c.name(), c.description()}).toList());
        return s.append("\nexit status: 0 success, 1 internal error, 2 invalid arguments or input.\n")
                .append("Set CVXNN_DEBUG=1 to print the stack trace of an internal error.\n")
                .toString();
    }

    /** A command's usage line, description, options, exclusive groups and positional arguments. */
    static String command(Command command) {
        Options options = command.options();
        StringBuilder s = new StringBuilder("usage: cvxnn ").append(command.name());
        for (Option o : options.all()) {
            if (o.required()) s.append(' ').append(o.synopsis());
        }
        for (Options.Group g : options.groups()) {
            if (g.required()) s.append(" (").append(String.join(" | ", g.names().stream().map(n -> "--" + n).toList())).append(')');
        }
        s.append(" [options]");
        for (Options.Positional p : options.positionals()) s.append(' ').append(p.name());
        s.append("\n\n").append(command.description()).append("\n");

        if (!options.positionals().isEmpty()) {
            s.append("\narguments:\n");
            table(s, options.positionals().stream().map(p -> new String[] {p.name(), p.help()}).toList());
        }
        s.append("\noptions:\n");
        List<String[]> rows = new ArrayList<>();
        for (Option o : options.all()) rows.add(new String[] {o.synopsis(), o.help() + annotation(o)});
        rows.add(new String[] {"-h, --help", "show this help"});
        table(s, rows);
        if (!options.groups().isEmpty()) s.append('\n');
        for (Options.Group g : options.groups()) {
            s.append(g.required() ? "Exactly one of " + g.list() + " must be given.\n" : "At most one of " + g.list() + " may be given.\n");
        }
        return s.toString();
    }

    private static String annotation(Option o) {
        if (o.required()) return " (required)";
        if (o.defaultValue() != null) return " (default: " + o.defaultValue() + ")";
        return "";
    }

    private static void table(StringBuilder s, List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            s.append("  ").append(r[0]).append(" ".repeat(width - r[0].length() + 3)).append(r[1]).append('\n');
        }
    }
}
