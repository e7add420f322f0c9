package org.cvxnn.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command writes: {@code out} for its results (summaries, JSON lines), {@code err} for
 * progress and diagnostics. {@link Main} passes its own streams, so tests can capture both.
 *
 * @param out standard output
 * @param err standard error
 */
public record Streams(PrintStream out, PrintStream err) {
    public Streams {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
