package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class MemoryProbeTest {

    /** An excerpt of {@code VM.native_memory summary scale=1} from JDK 25. */
    private static final String SUMMARY = """
            -                     Class (reserved=1073812096, committed=262784)
                                        (classes #1085)
                                        (malloc=3200 tag=Class #12) (peak=3872 #14)
            -                     Other (reserved=34816, committed=34816)
                                        (malloc=34816 tag=Other #2) (peak=100010288 #3)
            """;

    @Test
    void readsTheMallocTotalOfCategoryOther() {
        assertEquals(OptionalLong.of(34816), MemoryProbe.otherMalloc(SUMMARY));
        assertEquals(OptionalLong.empty(), MemoryProbe.otherMalloc("Native memory tracking is not enabled"));
    }

    @Test
    void heapPeakIsReportedAndCoversAnAllocationInsideTheRegion() {
        MemoryProbe probe = MemoryProbe.start();
        long[] big = new long[8 << 20]; // 64 MiB, live until after stop()
        MemoryProbe.Peaks peaks = probe.stop();
        assertTrue(peaks.heapBytes() >= 8L * big.length, "heap peak " + peaks.heapBytes() + " < the 64 MiB array");
    }
}
