package org.cvxnn.cli;

import java.io.IOException;
import java.io.Serial;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A mistake in what the user gave us (arguments, input files) or a file we could not read or write.
 * {@link Main} prints the message as {@code cvxnn: <message>} and exits with status 2, so the
 * message must say on its own what is wrong and where (file, line, column, option).
 */
public final class CliException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code "<action> <file>: <reason>"}, e.g. {@code "cannot read data.csv: no such file or directory"}. */
    public static CliException io(String action, Path file, IOException cause) {
        return io(action, file.toString(), cause);
    }

    /** {@code "<action> <source>: <reason>"} for a named source that is not a file (e.g. a resource). */
    public static CliException io(String action, String source, IOException cause) {
        return new CliException(action + " " + source + ": " + reason(cause), cause);
    }

    /** An I/O failure in words, prefixed by the file it concerns when the exception names one. */
    public static String describe(IOException e) {
        return e instanceof FileSystemException fs && fs.getFile() != null
                ? fs.getFile() + ": " + reason(e)
                : reason(e);
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "permission denied";
            case FileAlreadyExistsException _ -> "file already exists";
            case NotDirectoryException _ -> "not a directory";
            case CharacterCodingException _ -> "not valid UTF-8 text";
            case FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
