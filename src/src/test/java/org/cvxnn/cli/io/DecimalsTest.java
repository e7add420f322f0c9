package org.cvxnn.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecimalsTest {
    @Test
    void plainDecimals() {
        assertEquals(3, Decimals.parse("3"));
        assertEquals(-0.5, Decimals.parse("-0.5"));
        assertEquals(0.5, Decimals.parse(".5"));
        assertEquals(5, Decimals.parse("5."));
        assertEquals(25000, Decimals.parse("+2.5E+4"));
        assertEquals(1e-3, Decimals.parse("1e-3"));
        assertEquals(Double.POSITIVE_INFINITY, Decimals.parse("1e400"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "NaN", "Infinity", "-inf", "0x1p3", "1d", "1f", "1e", "e5", ".", "-", "1.2.3", "1_000", "--1"})
    void refusesEverythingElse(String s) {
        assertThrows(NumberFormatException.class, () -> Decimals.parse(s));
    }
}
