package org.cvxnn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for JMH result files: objects become {@code LinkedHashMap<String, Object>},
 * arrays {@code List<Object>}, numbers {@code Double}, plus {@code String}, {@code Boolean} and
 * {@code null}. Also accepts the bare {@code NaN}/{@code Infinity} tokens some writers emit.
 */
final class Json {
    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    /** Parses one JSON document. */
    static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != p.s.length()) throw p.error("trailing characters");
        return v;
    }

    /** A number, or a string holding one ({@code "NaN"}); NaN when absent or not numeric. */
    static double number(Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof String str) {
            try {
                return Double.parseDouble(str);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object v) {
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) throw error("unexpected end of input");
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> obj();
            case '[' -> arr();
            case '"' -> str();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            case 'N' -> literal("NaN", Double.NaN);
            case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
            default -> num();
        };
    }

    private Map<String, Object> obj() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek('}')) return m;
        while (true) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a key");
            String k = str();
            skipSpace();
            expect(':');
            m.put(k, value());
            skipSpace();
            if (peek('}')) return m;
            expect(',');
        }
    }

    private List<Object> arr() {
        List<Object> l = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek(']')) return l;
        while (true) {
            l.add(value());
            skipSpace();
            if (peek(']')) return l;
            expect(',');
        }
    }

    private String str() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') return b.toString();
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= s.length()) break;
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) throw error("bad \\u escape");
                    b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> b.append(e);
            }
        }
        throw error("unterminated string");
    }

    private Double num() {
        int start = pos;
        if (peekChar('-')) {
            pos++;
            if (s.startsWith("Infinity", pos)) {
                pos += 8;
                return Double.NEGATIVE_INFINITY;
            }
        }
        while (pos < s.length() && "0123456789+-.eE".indexOf(s.charAt(pos)) >= 0) pos++;
        try {
            return Double.parseDouble(s.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a value");
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, pos)) throw error("expected " + word);
        pos += word.length();
        return v;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private boolean peekChar(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    /** Consumes {@code c} if it is next. */
    private boolean peek(char c) {
        if (peekChar(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) throw error("expected '" + c + "'");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at character " + pos);
    }
}
