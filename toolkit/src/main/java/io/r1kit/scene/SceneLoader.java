package io.r1kit.scene;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one kind of scene file. Implementations say which paths they accept by name alone (no
 * reading), and throw {@link SceneFormatException} naming the file and the problem on bad input.
 */
public interface SceneLoader {

    /** Short format name, as recorded in {@link SceneSource#format()}. */
    String format();

    /** Whether this loader is meant for {@code path}, judged by its name and its siblings. */
    boolean accepts(Path path);

    /** Reads the scene at {@code path}. */
    Scene load(Path path) throws IOException;
}
