package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    /** EVENTS counters keep every iteration's value (rawData), not JMH's summed score; other units are skipped. */
    @Test
    void readsPerIterationCountersFromRawData(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.json");
        Files.writeString(f, """
                [{"benchmark": "org.cvxnn.bench.IpmBench.solve", "mode": "ss", "params": {"size": "500x20x200"},
                  "primaryMetric": {"score": 7.5, "scoreError": "NaN", "scoreUnit": "s/op"},
                  "secondaryMetrics": {
                    "iterations": {"score": 62.0, "scoreUnit": "#", "rawData": [[31.0, 30.0], [29.0]]},
                    "gc.alloc.rate": {"score": 12.0, "scoreUnit": "MB/sec", "rawData": [[12.0]]}}}]
                """);
        Report.Row row = Report.read(f, "t").rows().get(0);
        assertArrayEquals(new double[] {31, 30, 29}, row.perIteration().get("iterations"));
        assertFalse(row.perIteration().containsKey("gc.alloc.rate"));
        assertEquals(7.5, row.seconds());
    }
}
