package io.r1kit.scene.load;

import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneLoader;
import io.r1kit.scene.bin.PointBinLoader;
import io.r1kit.scene.ply.PlyLoader;
import io.r1kit.scene.scannet.ScanNetNpyLoader;
import io.r1kit.scene.scannet.ScanNetRawLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a scene from any supported file or folder, choosing the loader by name.
 *
 * <pre>{@code
 * Scene s = Scenes.load(Path.of("scans/scene0000_02_vert.npy"));
 * }</pre>
 */
public final class Scenes {

    // Raw ScanNet before PLY: its mesh is a .ply, but only with an aggregation file beside it.
    private static final List<SceneLoader> LOADERS = List.of(
            new ScanNetRawLoader(),
            new ScanNetNpyLoader(),
            new PointBinLoader(),
            new PlyLoader());

    private Scenes() {}

    /** The loaders tried, in order. */
    /**
     * Whether {@code text} names a file or folder that exists (false for text that is no valid path): how a
     * scene argument that may also be a generated room's {@code KIND[:SEED]} is told apart.
     */
    public static boolean exists(String text) {
        try {
            return Files.exists(Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    public static List<SceneLoader> loaders() {
        return LOADERS;
    }

    /**
     * Reads the scene at {@code path} with the first loader that accepts it.
     *
     * @throws SceneFormatException when the path is missing, no loader accepts it, or the file is bad
     */
    public static Scene load(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new SceneFormatException(path, "no such file or folder (" + path.toAbsolutePath() + ")");
        }
        for (SceneLoader loader : LOADERS) {
            if (loader.accepts(path)) {
                return loader.load(path);
            }
        }
        throw new SceneFormatException(path, "not a scene format r1kit reads (known: "
                + LOADERS.stream().map(SceneLoader::format).collect(Collectors.joining(", ")) + ")");
    }
}
