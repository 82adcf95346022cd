package io.r1kit.scene;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read as a scene or data set. The message always names the file and the
 * problem in one line, e.g. {@code "room.ply: vertex 12 has a NaN coordinate"}, so that a CLI can
 * print it as it is.
 */
public class SceneFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SceneFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public SceneFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
