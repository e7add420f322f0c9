package org.cvxnn.cli.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser: one value, no comments, no trailing commas, no duplicate keys,
 * no NaN or Infinity, no leading zeros.
 */
final class JsonParser {
    /** Deeper nesting than this is refused rather than risking a stack overflow. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) throw p.error("unexpected " + p.describe(p.pos) + " after the JSON value");
        return v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) yield number();
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (peek() != '"') throw error("expected a string key, found " + describe(pos));
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':', "after object key");
            skipWhitespace();
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            map.put(key, v);
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            expect(',', "or '}' after an object member");
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            expect(',', "or ']' after an array element");
            skipWhitespace();
        }
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return s.toString();
            }
            if (c < 0x20) throw error(String.format("control character U+%04X in a string; it must be escaped", (int) c));
            if (c != '\\') {
                s.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) throw error("unterminated string");
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append(hex4(pos + 2));
                    pos += 4;
                }
                default -> throw error("invalid escape \\" + e + " in a string");
            }
            pos += 2;
        }
    }

    private char hex4(int at) {
        if (at + 4 > text.length()) throw error("\\u needs four hexadecimal digits");
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) throw error("\\u needs four hexadecimal digits, found '" + text.substring(at, at + 4) + "'");
            v = v * 16 + digit;
        }
        return (char) v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("leading zero in a number");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit after '-'");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after the decimal point");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLong) {
                // falls through: an integer beyond the long range is read as a double
            }
        }
        double v = Double.parseDouble(literal);
        if (!Double.isFinite(v)) {
            pos = start;
            throw error("number " + literal + " is too large for a double");
        }
        return v;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected " + describe(pos) + ", expected a value");
        pos += word.length();
        return value;
    }

    private void expect(char c, String context) {
        if (peek() != c) throw error("expected '" + c + "' " + context + ", found " + describe(pos));
        pos++;
    }

    /** The character at the current position, or 0 at the end. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private String describe(int at) {
        return at >= text.length() ? "end of input" : "'" + text.charAt(at) + "'";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonException error(String problem) {
        int line = 1, column = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException(problem, line, column);
    }
}
