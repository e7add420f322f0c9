package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;
import org.cvxnn.cli.DidYouMean;
import org.cvxnn.solver.data.Dataset;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CSV files of the command line (design §6): data sets with a header row and numeric columns,
 * headerless numeric rows (gates), and prediction tables. Every problem with a file is a
 * {@link CliException} naming the file, and the line and column where there is one.
 */
public final class CsvData {
    /** Column lists longer than this are cut short in error messages. */
    private static final int MAX_LISTED_COLUMNS = 20;

    private CsvData() {}

    /**
     * Reads a data set: a header row of distinct column names, then at least {@code minRows} rows
     * of finite numbers, one per column.
     *
     * @param target  the name of the target column, or {@code null} for the last column
     * @param minRows the fewest data rows the caller can work with (at least 1)
     */
    public static LabelledData read(Path file, String target, int minRows) {
        requireMinRows(minRows);
        try (CsvLines lines = CsvLines.open(file)) {
            return read(lines, file.toString(), target, minRows);
        }
    }

    /**
     * Reads a data set, as {@link #read(Path, String, int)}, from a character stream (closed when
     * done) that messages call {@code source}.
     */
    public static LabelledData read(Reader reader, String source, String target, int minRows) {
        requireMinRows(minRows);
        try (CsvLines lines = CsvLines.of(source, reader)) {
            return read(lines, source, target, minRows);
        }
    }

    /**
     * Reads one column of a table with a header row, as text: the cells of column {@code column} of
     * every data row, in order. Every row must have one cell per header column.
     *
     * @param reader the table, closed when done; {@code source} names it in messages
     */
    public static List<String> readColumn(Reader reader, String source, String column) {
        try (CsvLines lines = CsvLines.of(source, reader)) {
            List<String> header = lines.next();
            if (header == null) throw lines.fileError("the file is empty; expected a header row of column names");
            checkHeader(lines, header);
            int index = header.indexOf(column);
            if (index < 0) throw noSuchColumn(source, column, "", header);
            List<String> cells = new ArrayList<>();
            for (List<String> row = lines.next(); row != null; row = lines.next()) {
                if (row.size() != header.size())
                    throw lines.lineError("expected " + header.size() + " values (one per header column), found " + row.size());
                cells.add(row.get(index));
            }
            return cells;
        }
    }

    private static void requireMinRows(int minRows) {
        if (minRows < 1) throw new IllegalArgumentException("minRows must be >= 1, got " + minRows);
    }

    private static LabelledData read(CsvLines lines, String file, String target, int minRows) {
        List<String> header = lines.next();
        if (header == null) throw lines.fileError("the file is empty; expected a header row of column names");
        checkHeader(lines, header);
        int width = header.size();
        int targetColumn = target == null ? width - 1 : header.indexOf(target);
        if (targetColumn < 0) throw noSuchColumn(file, target, "", header);
        if (width < 2)
            throw lines.fileError("needs at least one feature column besides the target column '" + header.get(targetColumn) + "'");

        double[] rows = readValues(lines, width, header);
        int n = rows.length / width;
        if (n == 0) throw lines.fileError("has a header row but no data rows");
        if (n < minRows) throw lines.fileError("needs at least " + minRows + " data rows, found " + n);
        return toLabelled(rows, n, header, targetColumn);
    }

    /**
     * Reads a table: a header row of distinct column names, then at least {@code minRows} rows of
     * finite numbers, one per column.
     *
     * @param minRows the fewest data rows the caller can work with (at least 1)
     */
    public static NumericTable readTable(Path file, int minRows) {
        if (minRows < 1) throw new IllegalArgumentException("minRows must be >= 1, got " + minRows);
        try (CsvLines lines = CsvLines.open(file)) {
            List<String> header = lines.next();
            if (header == null) throw lines.fileError("the file is empty; expected a header row of column names");
            checkHeader(lines, header);
            double[] rows = readValues(lines, header.size(), header);
            int n = rows.length / header.size();
            if (n == 0) throw lines.fileError("has a header row but no data rows");
            if (n < minRows) throw lines.fileError("needs at least " + minRows + " data rows, found " + n);
            return new NumericTable(file, header, n, rows);
        }
    }

    /**
     * Reads a file without header, each non-blank line holding exactly {@code width} finite numbers.
     *
     * @param rowName what one line is, for messages, e.g. {@code "gate"}
     * @return the rows one after another (row-major), at least one row
     */
    public static double[] readRows(Path file, int width, String rowName) {
        if (width < 1) throw new IllegalArgumentException("width must be >= 1, got " + width);
        try (CsvLines lines = CsvLines.open(file)) {
            RowBuffer rows = new RowBuffer(lines);
            for (List<String> cells = lines.next(); cells != null; cells = lines.next()) {
                if (rows.size() == 0 && cells.stream().noneMatch(CsvData::isNumber))
                    throw lines.lineError("the first line holds no numbers, but this file has no header row: one "
                            + rowName + " of " + width + " numbers per line");
                if (cells.size() != width)
                    throw lines.lineError("a " + rowName + " needs " + width + " values, found " + cells.size());
                for (int j = 0; j < width; j++) rows.add(lines.number(cells.get(j), j, null));
            }
            if (rows.size() == 0) throw lines.fileError("the file is empty; expected one " + rowName + " per line");
            return rows.toArray();
        }
    }

    /**
     * Writes a table of numbers with a header row, atomically (all or nothing).
     *
     * @param header  the column names
     * @param columns the columns, as many as names, all of one length, every value finite
     */
    public static void write(Path file, List<String> header, List<double[]> columns) {
        check(header, columns);
        try {
            AtomicFiles.write(file, w -> table(w, header, columns));
        } catch (IOException e) {
            throw CliException.io("cannot write", file, e);
        }
    }

    /**
     * Prints the same table as {@link #write(Path, List, List)} writes to a file, e.g. to stdout.
     *
     * @param header  the column names
     * @param columns the columns, as many as names, all of one length, every value finite
     */
    public static void print(PrintStream out, List<String> header, List<double[]> columns) {
        check(header, columns);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            table(w, header, columns);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(List<String> header, List<double[]> columns) {
        if (header.size() != columns.size() || header.isEmpty())
            throw new IllegalArgumentException(header.size() + " column names for " + columns.size() + " columns");
        int n = columns.getFirst().length;
        for (int j = 0; j < columns.size(); j++) {
            double[] c = columns.get(j);
            if (c.length != n) throw new IllegalArgumentException("column '" + header.get(j) + "' has " + c.length + " values, the first has " + n);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(c[i])) throw new IllegalArgumentException("column '" + header.get(j) + "', row " + i + " is " + c[i]);
            }
        }
    }

    private static void table(Writer w, List<String> header, List<double[]> columns) throws IOException {
        w.write(header.stream().map(CsvData::quote).collect(Collectors.joining(",")));
        w.write('\n');
        for (int i = 0; i < columns.getFirst().length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                if (j > 0) w.write(',');
                w.write(Double.toString(columns.get(j)[i]));
            }
            w.write('\n');
        }
    }

    private static void checkHeader(CsvLines lines, List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name.isEmpty()) throw lines.cellError(j, null, "empty column name in the header row");
            Integer earlier = seen.putIfAbsent(name, j);
            if (earlier != null)
                throw lines.cellError(j, null, "duplicate column name '" + name + "' (also column " + (earlier + 1) + ")");
        }
        if (header.stream().allMatch(CsvData::isNumber))
            throw lines.lineError("the first line holds numbers, but it must be a header row of column names");
    }

    private static double[] readValues(CsvLines lines, int width, List<String> header) {
        RowBuffer rows = new RowBuffer(lines);
        for (List<String> cells = lines.next(); cells != null; cells = lines.next()) {
            if (cells.size() != width)
                throw lines.lineError("expected " + width + " values (one per header column), found " + cells.size());
            for (int j = 0; j < width; j++) rows.add(lines.number(cells.get(j), j, header.get(j)));
        }
        return rows.toArray();
    }

    private static LabelledData toLabelled(double[] rows, int n, List<String> header, int targetColumn) {
        int width = header.size(), d = width - 1;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0, f = 0; j < width; j++) {
                double v = rows[i * width + j];
                if (j == targetColumn) y[i] = v;
                else x[i + (f++) * n] = v;
            }
        }
        List<String> features = new ArrayList<>(header);
        features.remove(targetColumn);
        return new LabelledData(new Dataset(n, d, x, y), features, header.get(targetColumn));
    }

    /** {@code "<file>: no column named 'x'<purpose> (did you mean ...?); columns: ..."}; {@code purpose} may be empty. */
    static CliException noSuchColumn(String file, String target, String purpose, List<String> header) {
        String hint = DidYouMean.closest(target, header).map(s -> " (did you mean '" + s + "'?)").orElse("");
        String listed = header.stream().limit(MAX_LISTED_COLUMNS).collect(Collectors.joining(", "));
        if (header.size() > MAX_LISTED_COLUMNS) listed += ", ... (" + header.size() + " in all)";
        return new CliException(file + ": no column named '" + target + "'" + purpose + hint + "; columns: " + listed);
    }

    private static boolean isNumber(String cell) {
        try {
            Decimals.parse(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String quote(String name) {
        boolean plain = !name.isEmpty() && name.equals(name.strip()) && name.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A growing array of values read so far, with a clear error when a file is too large for one array. */
    private static final class RowBuffer {
        private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
        private final CsvLines lines;
        private double[] values = new double[1024];
        private int size;

        RowBuffer(CsvLines lines) {
            this.lines = lines;
        }

        void add(double v) {
            if (size == values.length) {
                if (size == MAX_ARRAY) throw lines.lineError("the file holds more values than one Java array can (" + size + ")");
                values = Arrays.copyOf(values, (int) Math.min(2L * size, MAX_ARRAY));
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
