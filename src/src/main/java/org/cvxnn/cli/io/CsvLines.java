package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file line by line into cells, and phrases errors with the file, the line number and
 * the column. Accepts LF and CRLF line ends, a UTF-8 byte-order mark, blank lines (skipped),
 * white space around cells, and RFC 4180 quoted cells on one line ({@code "a ""b"", c"}).
 */
final class CsvLines implements AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    private int lineNumber;

    private CsvLines(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    static CsvLines open(Path file) {
        try {
            return new CsvLines(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliException.io("cannot read", file, e);
        }
    }

    /** The cells of the next non-blank line, or {@code null} at the end of the file. */
    List<String> next() {
        String line;
        do {
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw CliException.io("cannot read", file, e);
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

    Path file() {
        return file;
    }

    /** An error about the whole file: {@code "<file>: <problem>"}. */
    CliException fileError(String problem) {
        return new CliException(file + ": " + problem);
    }

    /** An error about the current line: {@code "<file>, line 4: <problem>"}. */
    CliException lineError(String problem) {
        return new CliException(file + ", line " + lineNumber + ": " + problem);
    }

    /** An error about one cell: {@code "<file>, line 4, column 2 ('x2'): <problem>"}. */
    CliException cellError(int column, String columnName, String problem) {
        String name = columnName == null ? "" : " ('" + columnName + "')";
        return new CliException(file + ", line " + lineNumber + ", column " + (column + 1) + name + ": " + problem);
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
            throw CliException.io("cannot close", file, e);
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
