package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dependency-free JSON for our report and model files.
 *
 * <p>Writing accepts {@code null}, {@link Boolean}, {@link String}, {@link Integer}, {@link Long},
 * {@link Double}, {@code Map<String, ?>} (written in its iteration order), {@link java.util.List}
 * and {@code double[]}, {@code int[]}, {@code long[]}. NaN and infinities are refused with an
 * {@link IllegalArgumentException} naming where they sit ({@code $.loss}); map them to
 * {@code null} first if a report needs them.
 *
 * <p>Parsing is strict RFC 8259 and yields objects as {@code LinkedHashMap<String, Object>} (key
 * order kept), arrays as {@code ArrayList<Object>}, numbers as {@link Long} when written without
 * fraction or exponent and within the long range, else {@link Double}, and strings, booleans and
 * {@code null}. Doubles written by {@link #compact} or {@link #pretty} read back bit for bit.
 */
public final class Json {
    private Json() {}

    /** {@code value} on one line, without spaces. */
    public static String compact(Object value) {
        return JsonWriter.write(value, false);
    }

    /**
     * {@code value} with two-space indents, one object member per line; arrays of scalars stay
     * on one line. No trailing newline.
     */
    public static String pretty(Object value) {
        return JsonWriter.write(value, true);
    }

    /**
     * Parses one JSON value.
     *
     * @throws JsonException when {@code text} is not valid JSON; the message gives line and column
     */
    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    /** Reads and parses a JSON file; every problem is a {@link CliException} naming the file. */
    public static Object read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw CliException.io("cannot read", file, e);
        }
        try {
            return parse(text);
        } catch (JsonException e) {
            throw new CliException(file + ": invalid JSON: " + e.getMessage(), e);
        }
    }
}
