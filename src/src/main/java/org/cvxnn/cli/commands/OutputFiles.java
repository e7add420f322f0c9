package org.cvxnn.cli.commands;

import org.cvxnn.cli.CliException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks on output paths made before any work, so a long solve does not end in "cannot write". */
final class OutputFiles {
    private OutputFiles() {}

    /** {@code name} as a path whose directory exists and which is not itself a directory. */
    static Path checkWritable(String name) {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw new CliException("invalid output path '" + name + "': " + e.getReason());
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new CliException("cannot write " + file + ": directory " + dir + " does not exist");
        if (Files.isDirectory(file)) throw new CliException("cannot write " + file + ": it is a directory");
        return file;
    }
}
