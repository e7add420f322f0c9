package org.cvxnn.cli.io;

/**
 * Parses plain decimal numbers as users write them in CSV cells and option values:
 * {@code 3}, {@code -0.5}, {@code .5}, {@code 1e-3}, {@code +2.5E+4}. Unlike
 * {@link Double#parseDouble} it refuses {@code NaN}, {@code Infinity}, hexadecimal and the
 * {@code d}/{@code f} suffixes, and surrounding white space.
 */
public final class Decimals {
    private Decimals() {}

    /**
     * The value of {@code s}; infinite when the magnitude overflows a double.
     *
     * @throws NumberFormatException when {@code s} is not a plain decimal number
     */
    public static double parse(String s) {
        if (!isPlainDecimal(s)) throw new NumberFormatException("not a decimal number: '" + s + "'");
        return Double.parseDouble(s);
    }

    private static boolean isPlainDecimal(String s) {
        int i = 0, n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int intDigits = 0, fracDigits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; intDigits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; fracDigits++; }
        }
        if (intDigits + fracDigits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
