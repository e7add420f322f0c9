package org.cvxnn.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenBlasTest {

    @Test
    void reportsLibraryConfigAndThreads() {
        BlasLibrary.Loaded lib = OpenBlas.library();
        assertTrue(lib.path().contains("libopenblas"), lib.path());
        assertTrue(OpenBlas.config().contains("OpenBLAS"), OpenBlas.config());
        assertFalse(OpenBlas.coreName().isEmpty());
        int before = OpenBlas.threads();
        OpenBlas.setThreads(1);
        assertEquals(1, OpenBlas.threads());
        OpenBlas.setThreads(before);
        assertThrows(IllegalArgumentException.class, () -> OpenBlas.setThreads(0));
    }

    @Test
    void masksStoreBitsAndRejectStrayBits() {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MaskBits m = MaskBits.allocate(arena, 70, 3);
            assertEquals(2, m.wordsPerMask());
            m.set(2, 69, true);
            m.set(2, 3, true);
            m.set(2, 3, false);
            assertTrue(m.get(2, 69));
            assertFalse(m.get(1, 69));
            assertEquals(1, m.cardinality(2));
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(3, 0));
            assertThrows(IllegalArgumentException.class, () -> MaskBits.of(arena, 70, new long[]{0, 1L << 6}));
        }
    }
}
