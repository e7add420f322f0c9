package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file (or any character stream, named for messages) line by line into cells, and
 * phrases errors with the source, the line number and the column. Accepts LF and CRLF line ends, a UTF-8 byte-order mark, blank lines (skipped),
 * white space around cells, and RFC 4180 quoted cells on one line ({@code "a ""b"", c"}).
 */
final class CsvLines implements AutoCloseable {
    private final String source;
    private final BufferedReader in;
    private int lineNumber;

    private CsvLines(String source, BufferedReader in) {
        this.source = source;
        this.in = in;
    }

    static CsvLines open(Path file) {
        try {
            return new CsvLines(file.toString(), Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliException.io("cannot read", file, e);
        }
    }

    /** Reads {@code reader}, calling it {@code source} in messages (e.g. a resource name). */
    static CsvLines of(String source, Reader reader) {
        return new CsvLines(source, reader instanceof BufferedReader b ? b : new BufferedReader(reader));
    }

    /** The cells of the next non-blank line, or {@code null} at the end of the file. */
    List<String> next() {
        String line;
        do {
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw CliException.io("cannot read", source, e);
            }
            if (line == null) return null;
            if (lineNumber++ == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
        } while (line.isBlank());
        return split(line);
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    int lineNumber() {
        return lineNumber;
    }

    /** An error about the whole file: {@code "<file>: <problem>"}. */
    CliException fileError(String problem) {
        return new CliException(source + ": " + problem);
    }

    /** An error about the current line: {@code "<file>, line 4: <problem>"}. */
    CliException lineError(String problem) {
        return new CliException(source + ", line " + lineNumber + ": " + problem);
    }

    /** An error about one cell: {@code "<file>, line 4, column 2 ('x2'): <problem>"}. */
    CliException cellError(int column, String columnName, String problem) {
        String name = columnName == null ? "" : " ('" + columnName + "')";
        return new CliException(source + ", line " + lineNumber + ", column " + (column + 1) + name + ": " + problem);
    }

    /**
     * The number in {@code cell}, the cell at 0-based {@code column} of the current line.
     *
     * @param columnName the header name of that column, or {@code null} in a file without header
     */
    double number(String cell, int column, String columnName) {
        if (cell.isEmpty()) throw cellError(column, columnName, "empty cell; every cell must hold a number");
        double v;
        try {
            v = Decimals.parse(cell);
        } catch (NumberFormatException e) {
            String problem = isNonFiniteWord(cell) ? "'" + cell + "' is not finite; every value must be a finite number"
                    : "'" + cell + "' is not a number";
            throw cellError(column, columnName, problem);
        }
        if (!Double.isFinite(v)) throw cellError(column, columnName, "'" + cell + "' is too large for a double (not finite)");
        return v;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw CliException.io("cannot close", source, e);
        }
    }

    private static boolean isNonFiniteWord(String cell) {
        String w = cell.toLowerCase(Locale.ROOT);
        if (w.startsWith("+") || w.startsWith("-")) w = w.substring(1);
        return w.equals("nan") || w.equals("inf") || w.equals("infinity");
    }

    private List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int i = 0, n = line.length();
        while (true) {
            while (i < n && isSpace(line.charAt(i))) i++;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder cell = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) throw lineError("quoted cell " + (cells.size() + 1) + " has no closing quote");
                    char c = line.charAt(i++);
                    if (c != '"') cell.append(c);
                    else if (i < n && line.charAt(i) == '"') cell.append(line.charAt(i++));
                    else break;
                }
                while (i < n && isSpace(line.charAt(i))) i++;
                if (i < n && line.charAt(i) != ',')
                    throw lineError("unexpected text after the closing quote of cell " + (cells.size() + 1));
                cells.add(cell.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                cells.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= n) return cells;
            i++; // the comma
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
