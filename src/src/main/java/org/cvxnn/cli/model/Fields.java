package org.cvxnn.cli.model;

import org.cvxnn.cli.CliException;
import org.cvxnn.cli.io.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the members of one JSON object read from a file; every problem becomes a
 * {@link CliException} {@code "<file>: field 'network.w1[2][0]' <problem>"}.
 */
final class Fields {
    private final Path file;
    private final String path;
    private final Map<?, ?> members;

    private Fields(Path file, String path, Map<?, ?> members) {
        this.file = file;
        this.path = path;
        this.members = members;
    }

    /** The top-level object of {@code file}. */
    private static Fields root(Path file, Object json) {
        if (!(json instanceof Map<?, ?> map)) throw new CliException(file + ": expected a JSON object at the top level");
        return new Fields(file, "", map);
    }

    /**
     * The top-level object of the cvxnn {@code what} file {@code file} (e.g. "model"), after checking
     * that its fields format and version are {@code format} and {@code version}.
     */
    static Fields header(Path file, String format, int version, String what) {
        Fields root = root(file, Json.read(file));
        String found = root.string("format");
        if (!found.equals(format))
            throw root.error("format", "is '" + found + "', expected '" + format + "' (not a cvxnn " + what + " file)");
        long v = root.integer("version", 1, Integer.MAX_VALUE);
        if (v != version)
            throw root.error("version", "is " + v + ", but this cvxnn reads version " + version + " " + what + " files");
        return root;
    }

    boolean has(String name) {
        return members.containsKey(name);
    }

    CliException error(String name, String problem) {
        return new CliException(file + ": field '" + path + name + "' " + problem);
    }

    private Object get(String name) {
        if (!members.containsKey(name)) throw error(name, "is missing");
        Object v = members.get(name);
        if (v == null) throw error(name, "is null");
        return v;
    }

    String string(String name) {
        if (get(name) instanceof String s) return s;
        throw error(name, "must be a string");
    }

    boolean bool(String name) {
        if (get(name) instanceof Boolean b) return b;
        throw error(name, "must be true or false");
    }

    double number(String name) {
        return finite(get(name), name);
    }

    long integer(String name, long min, long max) {
        if (!(get(name) instanceof Long v)) throw error(name, "must be a whole number");
        if (v < min || v > max) throw error(name, "must be between " + min + " and " + max + ", got " + v);
        return v;
    }

    Fields object(String name) {
        if (get(name) instanceof Map<?, ?> map) return new Fields(file, path + name + ".", map);
        throw error(name, "must be a JSON object");
    }

    List<String> strings(String name) {
        List<?> list = list(name);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) throw error(name + "[" + i + "]", "must be a string");
            out.add(s);
        }
        return out;
    }

    /** An array of exactly {@code length} finite numbers. */
    double[] vector(String name, int length) {
        List<?> list = list(name);
        if (list.size() != length) throw error(name, "has " + list.size() + " numbers, expected " + length);
        double[] out = new double[length];
        for (int i = 0; i < length; i++) out[i] = finite(list.get(i), name + "[" + i + "]");
        return out;
    }

    /** An array of {@code rows} arrays of {@code cols} finite numbers (one row per neuron, d numbers each), row after row. */
    double[] matrix(String name, int rows, int cols) {
        return matrix(name, rows, "one per neuron", cols, "d");
    }

    /**
     * An array of {@code rows} arrays of {@code cols} finite numbers, returned row after row.
     *
     * @param rowsMeaning what the rows are, for messages
     * @param colsName    the name of the column count, for messages
     */
    double[] matrix(String name, int rows, String rowsMeaning, int cols, String colsName) {
        List<?> list = list(name);
        if (list.size() != rows) throw error(name, "has " + list.size() + " rows, expected " + rows + " (" + rowsMeaning + ")");
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            String where = name + "[" + r + "]";
            if (!(list.get(r) instanceof List<?> row)) throw error(where, "must be an array of numbers");
            if (row.size() != cols) throw error(where, "has " + row.size() + " numbers, expected " + colsName + " = " + cols);
            for (int c = 0; c < cols; c++) out[r * cols + c] = finite(row.get(c), where + "[" + c + "]");
        }
        return out;
    }

    /** An array of JSON objects, each as {@code Fields} (field paths {@code name[i].member}). */
    List<Fields> objects(String name) {
        List<?> list = list(name);
        List<Fields> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String where = name + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) throw error(where, "must be a JSON object");
            out.add(new Fields(file, path + where + ".", map));
        }
        return out;
    }

    private List<?> list(String name) {
        if (get(name) instanceof List<?> list) return list;
        throw error(name, "must be a JSON array");
    }

    private double finite(Object v, String name) {
        if (!(v instanceof Number number)) throw error(name, "must be a number");
        double x = number.doubleValue();
        if (!Double.isFinite(x)) throw error(name, "is not finite");
        return x;
    }
}
