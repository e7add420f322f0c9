package org.cvxnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Entry point of {@code ./cvxnn}: picks the command, parses its arguments, runs it, and turns
 * failures into one line on stderr and an exit status — 2 with {@code cvxnn: <message>} for a
 * {@link CliException} or an I/O failure, 1 with {@code cvxnn: internal error: ...} for anything
 * else (the stack trace only when the environment variable {@code CVXNN_DEBUG=1}).
 */
public final class Main {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int USAGE_ERROR = 2;

    private final Commands commands;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean debug;

    Main(Commands commands, PrintStream out, PrintStream err, boolean debug) {
        this.commands = commands;
        this.out = out;
        this.err = err;
        this.debug = debug;
    }

    public static void main(String[] args) {
        // one-line log records (the kernel choice is logged once at start-up)
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null)
            System.setProperty("java.util.logging.SimpleFormatter.format", "%5$s%n");
        Main main = new Main(Commands.standard(), System.out, System.err, "1".equals(System.getenv("CVXNN_DEBUG")));
        int status = main.run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs {@code ./cvxnn args...} and returns the exit status. */
    int run(String... args) {
        try {
            return dispatch(List.of(args));
        } catch (CliException e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail(CliException.describe(e));
        } catch (UncheckedIOException e) {
            return fail(CliException.describe(e.getCause()));
        } catch (OutOfMemoryError e) {
            err.println("cvxnn: out of memory (" + e.getMessage() + "); give the JVM more heap, e.g. CVXNN_JAVA_OPTS=-Xmx8g");
            return INTERNAL_ERROR;
        } catch (RuntimeException e) {
            err.println("cvxnn: internal error: " + e);
            if (debug) e.printStackTrace(err);
            else err.println("cvxnn: run with CVXNN_DEBUG=1 to see the stack trace");
            return INTERNAL_ERROR;
        }
    }

    private int dispatch(List<String> args) throws IOException {
        if (args.isEmpty() || isHelp(args.getFirst())) {
            out.print(Help.overview(commands));
            return OK;
        }
        String name = args.getFirst();
        Command command = commands.find(name).orElseThrow(() -> unknownCommand(name));
        List<String> rest = args.subList(1, args.size());
        int end = rest.indexOf("--");
        if ((end < 0 ? rest : rest.subList(0, end)).stream().anyMatch(Main::isHelp)) {
            out.print(Help.command(command));
            return OK;
        }
        return command.run(Args.parse(name, command.options(), rest), new Streams(out, err));
    }

    private CliException unknownCommand(String name) {
        String list = commands.all().isEmpty() ? "none are registered" : "commands: " + String.join(", ", commands.names());
        if (name.startsWith("-"))
            return new CliException("expected a command before the option " + name + "; " + list + " (see cvxnn --help)");
        String hint = DidYouMean.closest(name, commands.names()).map(s -> " (did you mean " + s + "?)").orElse("");
        return new CliException("unknown command '" + name + "'" + hint + "; " + list);
    }

    private int fail(String message) {
        err.println("cvxnn: " + message);
        return USAGE_ERROR;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }
}
