package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDataTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private String readError(String content, String target, int minRows) throws IOException {
        Path f = file(content);
        return assertThrows(CliException.class, () -> CsvData.read(f, target, minRows)).getMessage();
    }

    private String readError(String content) throws IOException {
        return readError(content, null, 1);
    }

    @Test
    void lastColumnIsTheDefaultTarget() throws IOException {
        LabelledData l = CsvData.read(file("a,b,y\n1,2,3\n4,5,6\n"), null, 2);
        Dataset d = l.data();
        assertEquals(2, d.n());
        assertEquals(2, d.d());
        assertArrayEquals(new double[] {1, 4, 2, 5}, d.x(), "column-major");
        assertArrayEquals(new double[] {3, 6}, d.y());
        assertEquals(List.of("a", "b"), l.features());
        assertEquals("y", l.target());
    }

    @Test
    void targetByName() throws IOException {
        LabelledData l = CsvData.read(file("a,y,b\n1,2,3\n4,5,6\n"), "y", 1);
        assertArrayEquals(new double[] {1, 4, 3, 6}, l.data().x());
        assertArrayEquals(new double[] {2, 5}, l.data().y());
        assertEquals(List.of("a", "b"), l.features());
    }

    @Test
    void acceptsCrlfSpacesQuotesBomAndBlankLines() throws IOException {
        LabelledData l = CsvData.read(file("\uFEFF \"a\" , \"b, c\",y \r\n 1 ,\t-2.5e1, +.5\r\n\r\n3,4,5\r\n\r\n"), null, 1);
        assertEquals(List.of("a", "b, c"), l.features());
        assertArrayEquals(new double[] {1, 3, -25, 4}, l.data().x());
        assertArrayEquals(new double[] {0.5, 5}, l.data().y());
    }

    @Test
    void noTrailingNewlineNeeded() throws IOException {
        assertArrayEquals(new double[] {2}, CsvData.read(file("a,y\n1,2"), null, 1).data().y());
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals(dir.resolve("data.csv") + ": the file is empty; expected a header row of column names", readError(""));
        assertEquals(dir.resolve("data.csv") + ": the file is empty; expected a header row of column names", readError("\n  \n"));
    }

    @Test
    void headerOnly() throws IOException {
        assertEquals(dir.resolve("data.csv") + ": has a header row but no data rows", readError("a,y\n"));
    }

    @Test
    void raggedRow() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 3: expected 3 values (one per header column), found 2",
                readError("a,b,y\n1,2,3\n4,5\n"));
        assertEquals(dir.resolve("data.csv") + ", line 2: expected 2 values (one per header column), found 3",
                readError("a,y\n1,2,\n"));
    }

    @Test
    void lineNumbersCountBlankLines() throws IOException {
        assertTrue(readError("a,y\n\n1,2\n\nx,3\n").startsWith(dir.resolve("data.csv") + ", line 5, column 1 ('a'): "));
    }

    @Test
    void nonNumericCell() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 3, column 2 ('b'): 'abc' is not a number",
                readError("a,b,y\n1,2,3\n4,abc,6\n"));
        assertEquals(dir.resolve("data.csv") + ", line 2, column 1 ('a'): '0x10' is not a number", readError("a,y\n0x10,1\n"));
        assertEquals(dir.resolve("data.csv") + ", line 2, column 2 ('y'): '1d' is not a number", readError("a,y\n1,1d\n"));
    }

    @Test
    void emptyCell() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 2, column 2 ('b'): empty cell; every cell must hold a number",
                readError("a,b,y\n1,,3\n"));
    }

    @Test
    void nonFiniteCell() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 2, column 1 ('a'): 'NaN' is not finite; every value must be a finite number",
                readError("a,y\nNaN,1\n"));
        assertEquals(dir.resolve("data.csv") + ", line 3, column 2 ('y'): '-Inf' is not finite; every value must be a finite number",
                readError("a,y\n1,2\n3,-Inf\n"));
        assertEquals(dir.resolve("data.csv") + ", line 2, column 2 ('y'): '1e400' is too large for a double (not finite)",
                readError("a,y\n1,1e400\n"));
    }

    @Test
    void missingTargetListsColumns() throws IOException {
        assertEquals(dir.resolve("data.csv") + ": no column named 'price' (did you mean 'prices'?); columns: x1, x2, prices",
                readError("x1,x2,prices\n1,2,3\n", "price", 1));
        assertEquals(dir.resolve("data.csv") + ": no column named 'label'; columns: x1, x2, prices",
                readError("x1,x2,prices\n1,2,3\n", "label", 1));
    }

    @Test
    void longColumnListsAreCut() throws IOException {
        StringBuilder header = new StringBuilder(), row = new StringBuilder();
        for (int j = 0; j < 30; j++) {
            header.append(j > 0 ? "," : "").append("c").append(j);
            row.append(j > 0 ? "," : "").append(j);
        }
        String m = readError(header + "\n" + row + "\n", "zzz", 1);
        assertTrue(m.endsWith("c18, c19, ... (30 in all)"), m);
    }

    @Test
    void duplicateHeader() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 1, column 3: duplicate column name 'a' (also column 1)",
                readError("a,b,a\n1,2,3\n"));
    }

    @Test
    void emptyHeaderName() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 1, column 2: empty column name in the header row", readError("a,,y\n1,2,3\n"));
    }

    @Test
    void numericFirstLineIsNotAHeader() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 1: the first line holds numbers, but it must be a header row of column names",
                readError("1,2\n3,4\n"));
    }

    @Test
    void tooFewRows() throws IOException {
        assertEquals(dir.resolve("data.csv") + ": needs at least 2 data rows, found 1", readError("a,y\n1,2\n", null, 2));
    }

    @Test
    void targetAloneIsNotEnough() throws IOException {
        assertEquals(dir.resolve("data.csv") + ": needs at least one feature column besides the target column 'y'",
                readError("y\n1\n"));
    }

    @Test
    void unterminatedQuote() throws IOException {
        assertEquals(dir.resolve("data.csv") + ", line 1: quoted cell 2 has no closing quote", readError("a,\"b\n1,2\n"));
        assertEquals(dir.resolve("data.csv") + ", line 1: unexpected text after the closing quote of cell 1", readError("\"a\"x,b\n1,2\n"));
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.csv");
        assertEquals("cannot read " + f + ": no such file or directory",
                assertThrows(CliException.class, () -> CsvData.read(f, null, 1)).getMessage());
    }

    @Test
    void notUtf8() throws IOException {
        Path f = dir.resolve("data.csv");
        Files.write(f, new byte[] {'a', ',', 'y', '\n', (byte) 0xff, ',', '1', '\n'});
        assertEquals("cannot read " + f + ": not valid UTF-8 text",
                assertThrows(CliException.class, () -> CsvData.read(f, null, 1)).getMessage());
    }

    @Test
    void headerlessRows() throws IOException {
        Path f = dir.resolve("gates.csv");
        Files.writeString(f, "1,2,3\r\n-4, 5.5 ,6\r\n");
        assertArrayEquals(new double[] {1, 2, 3, -4, 5.5, 6}, CsvData.readRows(f, 3, "gate"));
    }

    @Test
    void headerlessWrongWidth() throws IOException {
        Path f = dir.resolve("gates.csv");
        Files.writeString(f, "1,2,3\n4,5\n");
        assertEquals(f + ", line 2: a gate needs 3 values, found 2",
                assertThrows(CliException.class, () -> CsvData.readRows(f, 3, "gate")).getMessage());
    }

    @Test
    void headerlessErrors() throws IOException {
        Path f = dir.resolve("gates.csv");
        Files.writeString(f, "g1,g2\n1,2\n");
        assertEquals(f + ", line 1: the first line holds no numbers, but this file has no header row: one gate of 2 numbers per line",
                assertThrows(CliException.class, () -> CsvData.readRows(f, 2, "gate")).getMessage());
        Files.writeString(f, "1,2\n3,oops\n");
        assertEquals(f + ", line 2, column 2: 'oops' is not a number",
                assertThrows(CliException.class, () -> CsvData.readRows(f, 2, "gate")).getMessage());
        Files.writeString(f, "\n");
        assertEquals(f + ": the file is empty; expected one gate per line",
                assertThrows(CliException.class, () -> CsvData.readRows(f, 2, "gate")).getMessage());
    }

    @Test
    void writeThenReadBack() throws IOException {
        Path f = dir.resolve("pred.csv");
        double[] y = {1.5, -2, 1e-300}, p = {0.1, 0.2, Math.PI};
        CsvData.write(f, List.of("y", "odd, \"name\""), List.of(y, p));
        assertEquals("y,\"odd, \"\"name\"\"\"\n1.5,0.1\n-2.0,0.2\n1.0E-300,3.141592653589793\n", Files.readString(f));
        LabelledData back = CsvData.read(f, "y", 1);
        assertEquals(List.of("odd, \"name\""), back.features());
        assertArrayEquals(y, back.data().y());
        assertArrayEquals(p, back.data().x());
    }

    @Test
    void writeRefusesBadColumns() {
        Path f = dir.resolve("pred.csv");
        assertThrows(IllegalArgumentException.class, () -> CsvData.write(f, List.of("a"), List.of(new double[] {Double.NaN})));
        assertThrows(IllegalArgumentException.class, () -> CsvData.write(f, List.of("a", "b"), List.of(new double[1], new double[2])));
        assertThrows(IllegalArgumentException.class, () -> CsvData.write(f, List.of("a"), List.of()));
        assertTrue(Files.notExists(f));
    }

    @Test
    void readsFromAReaderNamingItsSource() {
        LabelledData l = CsvData.read(new java.io.StringReader("a,y\n1,2\n3,4\n"), "resource x.csv", null, 2);
        assertArrayEquals(new double[] {2, 4}, l.data().y());
        String m = assertThrows(CliException.class,
                () -> CsvData.read(new java.io.StringReader("a,y\n1,oops\n"), "resource x.csv", null, 1)).getMessage();
        assertEquals("resource x.csv, line 2, column 2 ('y'): 'oops' is not a number", m);
    }

    @Test
    void readsOneTextColumn() {
        assertEquals(List.of("train", "test"),
                CsvData.readColumn(new java.io.StringReader("row,set\n0,train\n1,test\n"), "s.csv", "set"));
        String m = assertThrows(CliException.class,
                () -> CsvData.readColumn(new java.io.StringReader("row,set\n0\n"), "s.csv", "set")).getMessage();
        assertEquals("s.csv, line 2: expected 2 values (one per header column), found 1", m);
        m = assertThrows(CliException.class,
                () -> CsvData.readColumn(new java.io.StringReader("row,sets\n"), "s.csv", "set")).getMessage();
        assertTrue(m.startsWith("s.csv: no column named 'set' (did you mean 'sets'?)"), m);
    }
}
