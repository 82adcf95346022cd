package io.r1kit.scene.ply;

import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneLoader;
import io.r1kit.scene.SceneSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Loads a {@code .ply} file as a {@link Scene} of format {@code "ply"}: the points (see
 * {@link PlyReader}), no objects or labels, id = file name without extension. Reader notes become
 * the scene source's notes.
 *
 * <pre>{@code
 * Scene s = new PlyLoader().load(Path.of("room.ply"));                          // vertices
 * Scene m = new PlyLoader(PlyOptions.sampleSurface(50_000, 1)).load(Path.of("chair.ply")); // mesh samples
 * }</pre>
 */
public final class PlyLoader implements SceneLoader {

    private final PlyOptions options;

    /** A loader that takes the vertices as points. */
    public PlyLoader() {
        this(PlyOptions.VERTICES);
    }

    public PlyLoader(PlyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return "ply";
    }

    /** Any regular file whose name ends in {@code .ply}, in any case. */
    @Override
    public boolean accepts(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ply")
                && !Files.isDirectory(path);
    }

    @Override
    public Scene load(Path path) throws IOException {
        PlyData data = PlyReader.read(path, options);
        String name = path.getFileName().toString();
        String id = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
        return Scene.builder(id)
                .points(data.points())
                .source(new SceneSource(path, format(), data.notes()))
                .build();
    }
}
