package org.cvxnn.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DidYouMeanTest {
    private static final List<String> COMMANDS = List.of("train", "predict", "certify", "compare", "demo", "doctor", "scale");

    @Test
    void suggestsTyposSwapsAndPrefixes() {
        assertEquals(Optional.of("train"), DidYouMean.closest("trian", COMMANDS));
        assertEquals(Optional.of("predict"), DidYouMean.closest("predcit", COMMANDS));
        assertEquals(Optional.of("certify"), DidYouMean.closest("cert", COMMANDS));
        assertEquals(Optional.of("demo"), DidYouMean.closest("deme", COMMANDS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), DidYouMean.closest("fit", COMMANDS));
        assertEquals(Optional.empty(), DidYouMean.closest("q", List.of("xy")));
        assertEquals(Optional.empty(), DidYouMean.closest("abc", List.of()));
    }

    @Test
    void distance() {
        assertEquals(0, DidYouMean.distance("beta", "beta"));
        assertEquals(1, DidYouMean.distance("bta", "beta"));
        assertEquals(1, DidYouMean.distance("tarin", "train"));
        assertEquals(3, DidYouMean.distance("", "abc"));
    }
}
