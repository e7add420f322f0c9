package org.cvxnn.cli.io;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Serialises a tree of values to JSON text, compact (one line) or pretty (two-space indents). */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    /** Where a value sits in the tree ({@code $.model.weights[3]}), built only for error messages. */
    private record Where(Where parent, String key, int index) {
        static final Where ROOT = new Where(null, null, -1);

        Where key(String k) {
            return new Where(this, k, -1);
        }

        Where index(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) return "$";
            return parent + (key != null ? "." + key : "[" + index + "]");
        }
    }

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String write(Object value, boolean pretty) {
        JsonWriter w = new JsonWriter(pretty);
        w.value(value, Where.ROOT, 0);
        return w.out.toString();
    }

    private void value(Object v, Where where, int depth) {
        switch (v) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case String s -> string(s);
            case Double x -> number(x, where);
            case Long x -> out.append(x);
            case Integer x -> out.append(x);
            case Map<?, ?> m -> object(m, where, depth);
            case List<?> l -> array(l.size(), i -> value(l.get(i), where.index(i), depth + 1), isFlat(l), depth);
            case double[] a -> array(a.length, i -> number(a[i], where.index(i)), true, depth);
            case int[] a -> array(a.length, i -> out.append(a[i]), true, depth);
            case long[] a -> array(a.length, i -> out.append(a[i]), true, depth);
            default -> throw new IllegalArgumentException(where + " is a " + v.getClass().getName()
                    + "; JSON values are maps, lists, strings, numbers, booleans and null");
        }
    }

    private void number(double x, Where where) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException(where + " is " + x + ", which JSON cannot represent");
        out.append(x);
    }

    private void object(Map<?, ?> m, Where where, int depth) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key))
                throw new IllegalArgumentException(where + " has a key that is not a string: " + e.getKey());
            if (!first) out.append(',');
            first = false;
            newline(depth + 1);
            string(key);
            out.append(pretty ? ": " : ":");
            value(e.getValue(), where.key(key), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    /** Writes {@code n} elements; a flat array (scalars only) stays on one line even when pretty. */
    private void array(int n, IntConsumer element, boolean flat, int depth) {
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) out.append(flat && pretty ? ", " : ",");
            if (!flat) newline(depth + 1);
            element.accept(i);
        }
        if (!flat && n > 0) newline(depth);
        out.append(']');
    }

    private static boolean isFlat(List<?> l) {
        return l.stream().noneMatch(e -> e instanceof Map<?, ?> || e instanceof List<?>
                || e instanceof double[] || e instanceof int[] || e instanceof long[]);
    }

    private void newline(int depth) {
        if (pretty) out.append('\n').append("  ".repeat(depth));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
