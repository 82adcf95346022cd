package io.r1kit.scene;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a scene came from: the file or folder it was read from (or {@code null} for generated
 * scenes), the format name, and notes a loader wants the user to see, such as label files that
 * were present but unusable.
 *
 * @param path   file or folder read, {@code null} when generated
 * @param format short format name, e.g. {@code "ply"}, {@code "scannet-npy"}, {@code "generated"}
 * @param notes  human-readable remarks, never {@code null}
 */
public record SceneSource(Path path, String format, List<String> notes) {

    public SceneSource {
        Objects.requireNonNull(format, "format");
        notes = List.copyOf(notes);
    }

    public SceneSource(Path path, String format) {
        this(path, format, List.of());
    }

    /** The same source with one more note. */
    public SceneSource withNote(String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new SceneSource(path, format, all);
    }
}
