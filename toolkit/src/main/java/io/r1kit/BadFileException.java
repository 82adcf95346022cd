package io.r1kit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file r1kit cannot use. The message is always one line, {@code "<file name>: <problem>"}, so a
 * CLI or a notebook can show it as it is. Each reader has its own subclass (scenes, annotation sets,
 * checkpoints) so callers can tell them apart.
 */
public class BadFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public BadFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public BadFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
