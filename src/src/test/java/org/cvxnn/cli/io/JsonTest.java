package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", List.of());
        inner.put("e", Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "tab\there \"q\" \\ \u0001 é");
        m.put("n", 500);
        m.put("beta", 1e-3);
        m.put("ok", true);
        m.put("none", null);
        m.put("w", new double[] {0.5, -2.0, 1e300});
        m.put("idx", new int[] {1, 2});
        m.put("rows", List.of(List.of(1.0, 2.0), List.of(3.0)));
        m.put("inner", inner);
        return m;
    }

    @Test
    void compact() {
        assertEquals("{\"name\":\"tab\\there \\\"q\\\" \\\\ \\u0001 é\",\"n\":500,\"beta\":0.001,\"ok\":true,\"none\":null,"
                + "\"w\":[0.5,-2.0,1.0E300],\"idx\":[1,2],\"rows\":[[1.0,2.0],[3.0]],\"inner\":{\"z\":1,\"a\":[],\"e\":{}}}",
                Json.compact(sample()));
    }

    @Test
    void pretty() {
        assertEquals("""
                {
                  "name": "tab\\there \\"q\\" \\\\ \\u0001 é",
                  "n": 500,
                  "beta": 0.001,
                  "ok": true,
                  "none": null,
                  "w": [0.5, -2.0, 1.0E300],
                  "idx": [1, 2],
                  "rows": [
                    [1.0, 2.0],
                    [3.0]
                  ],
                  "inner": {
                    "z": 1,
                    "a": [],
                    "e": {}
                  }
                }""", Json.pretty(sample()));
    }

    @Test
    void roundTrip() {
        for (String text : List.of(Json.compact(sample()), Json.pretty(sample()))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> back = (Map<String, Object>) Json.parse(text);
            assertEquals(List.of("name", "n", "beta", "ok", "none", "w", "idx", "rows", "inner"), new ArrayList<>(back.keySet()));
            assertEquals("tab\there \"q\" \\ \u0001 é", back.get("name"));
            assertEquals(500L, back.get("n"));
            assertEquals(1e-3, back.get("beta"));
            assertEquals(true, back.get("ok"));
            assertEquals(null, back.get("none"));
            assertEquals(List.of(0.5, -2.0, 1e300), back.get("w"));
            assertEquals(List.of(1L, 2L), back.get("idx"));
            assertEquals(Json.compact(sample()), Json.compact(back));
        }
    }

    @Test
    void doublesRoundTripExactly() {
        double[] values = {Math.PI, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 1.0 / 3, 123456789.0};
        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) Json.parse(Json.compact(values));
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits((Double) back.get(i)));
        }
    }

    @Test
    void numbers() {
        assertEquals(-7L, Json.parse("-7"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertInstanceOf(Double.class, Json.parse("92233720368547758070"));
        assertEquals(1.5e-7, Json.parse("1.5E-7"));
        assertEquals(100.0, Json.parse("1e2"));
    }

    @Test
    void stringEscapes() {
        assertEquals("a/\b\f\n\r\t\"\\é😀", Json.parse("\"a\\/\\b\\f\\n\\r\\t\\\"\\\\\\u00e9\\ud83d\\ude00\""));
    }

    @Test
    void refusesNonFiniteNumbersNamingThePath() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", List.of(Map.of("w", new double[] {1, Double.NaN})));
        assertEquals("$.rows[0].w[1] is NaN, which JSON cannot represent",
                assertThrows(IllegalArgumentException.class, () -> Json.compact(m)).getMessage());
        assertEquals("$ is Infinity, which JSON cannot represent",
                assertThrows(IllegalArgumentException.class, () -> Json.pretty(Double.POSITIVE_INFINITY)).getMessage());
    }

    @Test
    void refusesOtherTypes() {
        assertEquals("$.x is a java.lang.Object; JSON values are maps, lists, strings, numbers, booleans and null",
                assertThrows(IllegalArgumentException.class, () -> Json.compact(Map.of("x", new Object()))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.compact(Map.of(1, 2)));
    }

    private static String parseError(String text) {
        return assertThrows(JsonException.class, () -> Json.parse(text)).getMessage();
    }

    @Test
    void errorsNameLineAndColumn() {
        assertEquals("unexpected end of input, expected a value at line 1, column 1", parseError(""));
        assertEquals("unexpected ']', expected a value at line 1, column 5", parseError("[1, ]"));
        assertEquals("expected a string key, found '}' at line 2, column 1", parseError("{\"a\": 1,\n}"));
        assertEquals("expected ':' after object key, found '1' at line 1, column 6", parseError("{\"a\" 1}"));
        assertEquals("expected ',' or '}' after an object member, found '\"' at line 1, column 9", parseError("{\"a\": 1 \"b\": 2}"));
        assertEquals("expected ',' or ']' after an array element, found end of input at line 1, column 3", parseError("[1"));
        assertEquals("leading zero in a number at line 1, column 2", parseError("01"));
        assertEquals("expected a digit after the decimal point at line 1, column 3", parseError("1."));
        assertEquals("expected a digit in the exponent at line 1, column 3", parseError("1e"));
        assertEquals("expected a digit after '-' at line 1, column 2", parseError("-x"));
        assertEquals("number 1e999 is too large for a double at line 1, column 1", parseError("1e999"));
        assertEquals("unexpected 'N', expected a value at line 1, column 1", parseError("NaN"));
        assertEquals("unexpected 't', expected a value at line 1, column 1", parseError("tru"));
        assertEquals("unterminated string at line 1, column 5", parseError("\"abc"));
        assertEquals("invalid escape \\x in a string at line 1, column 3", parseError("\"a\\x\""));
        assertEquals("\\u needs four hexadecimal digits, found '12g4' at line 1, column 2", parseError("\"\\u12g4\""));
        assertEquals("control character U+000A in a string; it must be escaped at line 1, column 3", parseError("\"a\nb\""));
        assertEquals("duplicate key \"a\" at line 3, column 3", parseError("{\n  \"a\": 1,\n  \"a\": 2\n}"));
        assertEquals("unexpected '2' after the JSON value at line 1, column 3", parseError("1 2"));
        assertEquals("unexpected '/' after the JSON value at line 1, column 4", parseError("{} // comment"));
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("[\n\n  x]"));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(300) + "]".repeat(300);
        assertEquals("nesting deeper than 256 levels at line 1, column 258", parseError(deep));
        Json.parse("[".repeat(200) + "]".repeat(200));
    }

    @Test
    void readNamesTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("model.json");
        Files.writeString(f, "{\n  \"beta\": 1e-3,\n}\n");
        assertEquals(f + ": invalid JSON: expected a string key, found '}' at line 3, column 1",
                assertThrows(CliException.class, () -> Json.read(f)).getMessage());
        Files.writeString(f, Json.pretty(sample()) + "\n");
        assertEquals(Json.compact(sample()), Json.compact(Json.read(f)));
        Path missing = dir.resolve("none.json");
        assertEquals("cannot read " + missing + ": no such file or directory",
                assertThrows(CliException.class, () -> Json.read(missing)).getMessage());
    }
}
