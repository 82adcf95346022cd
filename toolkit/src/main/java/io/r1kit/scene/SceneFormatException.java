package io.r1kit.scene;

import io.r1kit.BadFileException;

import java.nio.file.Path;

/**
 * A file that cannot be read as a scene or data set. The message always names the file and the
 * problem in one line, e.g. {@code "room.ply: vertex 12 has a NaN coordinate"}, so that a CLI can
 * print it as it is.
 */
public class SceneFormatException extends BadFileException {

    private static final long serialVersionUID = 1L;

    public SceneFormatException(Path file, String problem) {
        super(file, problem);
    }

    public SceneFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
