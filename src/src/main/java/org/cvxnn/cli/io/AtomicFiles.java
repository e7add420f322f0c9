package org.cvxnn.cli.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files completely or not at all: the content goes to a temporary file in the
 * target's directory, which is flushed to disk and then renamed over the target. A failure at any
 * point leaves the target as it was and removes the temporary file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Produces the content of a file; may throw, in which case nothing is written. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code content} as UTF-8 to {@code target}, replacing it if it exists. */
    public static void write(Path target, String content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Writes what {@code content} produces, as UTF-8, to {@code target}, replacing it if it exists. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // A random name rather than Files.createTempFile, whose owner-only permissions would carry over to the target.
        String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + suffix + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
