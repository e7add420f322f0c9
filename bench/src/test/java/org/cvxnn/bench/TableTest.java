package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    private static Table sample() {
        Table t = new Table(List.of("n", "status", "seconds"));
        t.add(Map.of("n", 500, "status", "SOLVED", "seconds", 1.25));
        Map<String, Object> r = new HashMap<>();
        r.put("n", 1000);
        r.put("status", "odd, \"quoted\"\nvalue");
        r.put("seconds", Double.NaN);
        t.add(r);
        t.add(Map.of("n", 2));
        return t;
    }

    @Test
    void csvQuotesSpecialCellsAndLeavesMissingOnesEmpty() {
        assertEquals("n,status,seconds\n500,SOLVED,1.25\n1000,\"odd, \"\"quoted\"\"\nvalue\",\n2,,\n", sample().toCsv());
    }

    @Test
    void jsonIsParsableAndKeepsTypes() {
        List<Object> rows = Json.array(Json.parse(sample().toJson()));
        assertEquals(3, rows.size());
        Map<String, Object> first = Json.object(rows.get(0)), second = Json.object(rows.get(1));
        assertEquals(500.0, first.get("n"));
        assertEquals("SOLVED", first.get("status"));
        assertEquals(1.25, first.get("seconds"));
        assertEquals("odd, \"quoted\"\nvalue", second.get("status"));
        assertEquals(null, second.get("seconds"));
        assertEquals(List.of("n", "status", "seconds"), List.copyOf(first.keySet()));
        assertEquals(List.of(), Json.array(Json.parse(new Table(List.of("a")).toJson())));
    }

    @Test
    void writePicksTheFormatFromTheExtensionAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Table t = sample();
        t.write(dir.resolve("runs.csv"));
        t.write(dir.resolve("runs.JSON"));
        assertEquals(t.toCsv(), Files.readString(dir.resolve("runs.csv")));
        assertEquals(t.toJson(), Files.readString(dir.resolve("runs.JSON")));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void rejectsUnknownAndDuplicateColumns() {
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("a", "a")));
        Table t = new Table(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> t.add(Map.of("b", 1)));
    }
}
