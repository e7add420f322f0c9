package org.cvxnn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows with a fixed set of named columns, written as CSV (header line, RFC 4180 quoting) or as a
 * JSON array of objects. Cell values are numbers, strings, booleans or null; a null or non-finite
 * number is an empty CSV cell and a JSON {@code null}. Files are replaced atomically (written next
 * to the target, then moved), so a reader never sees half a file.
 */
final class Table {
    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Table(List<String> columns) {
        if (columns.isEmpty()) throw new IllegalArgumentException("a table needs at least one column");
        if (columns.stream().distinct().count() != columns.size()) throw new IllegalArgumentException("duplicate column in " + columns);
        this.columns = List.copyOf(columns);
    }

    List<String> columns() {
        return columns;
    }

    List<Map<String, Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Adds a row; every key must be a column, missing columns are null. */
    void add(Map<String, ?> row) {
        for (String k : row.keySet())
            if (!columns.contains(k)) throw new IllegalArgumentException("unknown column " + k + " (columns: " + columns + ")");
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : columns) r.put(c, row.get(c));
        rows.add(r);
    }

    String toCsv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", columns.stream().map(Table::csvCell).toList())).append('\n');
        for (Map<String, Object> r : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) b.append(',');
                Object v = r.get(columns.get(i));
                b.append(v == null || isNonFinite(v) ? "" : csvCell(format(v)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    String toJson() {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < rows.size(); k++) {
            b.append(k == 0 ? "\n  {" : ",\n  {");
            Map<String, Object> r = rows.get(k);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) b.append(", ");
                Object v = r.get(columns.get(i));
                b.append(jsonString(columns.get(i))).append(": ");
                if (v == null || isNonFinite(v)) b.append("null");
                else if (v instanceof Number || v instanceof Boolean) b.append(format(v));
                else b.append(jsonString(v.toString()));
            }
            b.append('}');
        }
        return b.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** Writes JSON if the file name ends in {@code .json} (any case), CSV otherwise. */
    void write(Path file) throws IOException {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.writeString(tmp, json ? toJson() : toCsv(), StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isNonFinite(Object v) {
        return (v instanceof Double d && !Double.isFinite(d)) || (v instanceof Float f && !Float.isFinite(f));
    }

    private static String format(Object v) {
        return v instanceof Double || v instanceof Float ? Double.toString(((Number) v).doubleValue()) : v.toString();
    }

    private static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
