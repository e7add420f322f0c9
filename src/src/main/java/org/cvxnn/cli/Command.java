package org.cvxnn.cli;

import java.io.IOException;

/**
 * One {@code ./cvxnn <command>}. Implementations declare their options once; {@link Main} parses
 * the arguments against them (handling {@code --help}) before calling {@link #run}. Register a
 * new command in {@link Commands#standard()}.
 */
public interface Command {

    /** The word typed after {@code ./cvxnn}: lower case, e.g. {@code train}. */
    String name();

    /** One line for the command list of {@code ./cvxnn --help}. */
    String description();

    /** The options and positional arguments it accepts. */
    Options options();

    /**
     * Runs the command.
     *
     * @param streams where to write results ({@code out}) and progress or diagnostics ({@code err})
     * @return the process exit status: 0 for success
     * @throws CliException for a problem with the user's input, printed as {@code cvxnn: <message>}
     * @throws IOException  for a file that cannot be read or written, reported the same way
     */
    int run(Args args, Streams streams) throws IOException;
}
