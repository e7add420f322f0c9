package org.cvxnn.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("out.json");
        AtomicFiles.write(f, "first, é\n");
        assertEquals("first, é\n", Files.readString(f));
        AtomicFiles.write(f, out -> out.write("second"));
        assertEquals("second", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void relativePathsWork() throws IOException {
        Path f = Path.of("target", "atomic-files-test.txt");
        Files.createDirectories(f.getParent());
        AtomicFiles.write(f, "x");
        assertEquals("x", Files.readString(f));
        Files.delete(f);
    }

    @Test
    void failingWriterLeavesNoFile() throws IOException {
        Path f = dir.resolve("out.csv");
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial content ".repeat(10_000));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(List.of(), files(), "neither the target nor a temporary file may remain");
    }

    @Test
    void failingWriterKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("out.csv");
        AtomicFiles.write(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("new, partial");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void missingDirectory() {
        Path f = dir.resolve("no/such/dir/out.csv");
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(f, "x"));
    }

    @Test
    void targetIsADirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(sub, "x"));
        assertEquals(List.of(sub), files());
    }

    @Test
    void permissionsAreThoseOfAnOrdinaryNewFile() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertTrue(expected.contains(PosixFilePermission.OWNER_READ));
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
    }
}
