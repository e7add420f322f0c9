package org.cvxnn.cli.io;

import java.io.Serial;

/** Malformed JSON text; the message ends with the line and column where parsing stopped. */
public final class JsonException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    JsonException(String problem, int line, int column) {
        super(problem + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }
}
