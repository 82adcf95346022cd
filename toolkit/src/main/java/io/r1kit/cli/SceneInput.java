package io.r1kit.cli;

import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.RoomSpec;
import io.r1kit.scene.load.Scenes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The scene a verb reads, {@code PATH|--room KIND[:SEED]}: a file or folder {@link Scenes#load} reads,
 * or a generated room ({@link RoomSpec}: its objects are the generator's labelled objects). A picocli
 * mixin, the first positional parameter of the verb:
 *
 * <pre>{@code
 * @Mixin SceneInput input;
 * ...
 * Scene scene = input.scene();
 * }</pre>
 *
 * <p>Neither given is a usage error (exit 2, with the usage); both given, an unknown kind or a seed
 * that is not an integer is one line (exit 1).
 */
final class SceneInput {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "a .ply, .bin, ScanNet *_vert.npy / scan folder (or --room)")
    String path;

    @Option(names = "--room", paramLabel = "KIND[:SEED]",
            description = "a generated room instead of a file: bedroom, living-room, kitchen or office, seed 7 unless given")
    String room;

    /** The command this is mixed into, for its usage on a usage error. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * The scene: the generated room of {@code --room}, else the file at PATH.
     *
     * @throws ParameterException       when neither is given
     * @throws IllegalArgumentException when both are given, or {@code --room} names no room
     * @throws IOException              when PATH cannot be read
     */
    Scene scene() throws IOException {
        if (room == null && path == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required argument (specify one of these): (PATH | --room=KIND[:SEED])");
        }
        if (room != null && path != null) {
            throw bothGiven();
        }
        return room != null ? room().generate().scene() : Scenes.load(Path.of(path));
    }

    /** The room of {@code --room}; the message of a bad one starts with {@code --room}. */
    private RoomSpec room() {
        try {
            return RoomSpec.parse(room);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--room " + e.getMessage(), e);
        }
    }

    /**
     * The positional argument after PATH of a verb that takes one (ask's TEXT), given what the verb's
     * index-1 parameter holds. With {@code --room} there is no PATH, so the first positional is that
     * argument: it is taken from PATH here, unless it names a file or folder that exists (then PATH and
     * {@code --room} were both given). Call before {@link #scene()}.
     */
    String after(String second, String label) {
        if (room == null || path == null) {
            return second;
        }
        if (Scenes.exists(path)) {
            throw bothGiven();
        }
        if (second != null) {
            throw new IllegalArgumentException("with --room there is no PATH, so " + label + " is one argument, got \""
                    + path + "\" and \"" + second + "\" (quote a " + label + " of several words)");
        }
        String first = path;
        path = null;
        return first;
    }

    /** How the scene was named, for messages: PATH's file name, or {@code --room KIND[:SEED]} as given. */
    String name() {
        if (room != null) {
            return "--room " + room;
        }
        Path file = Path.of(path).getFileName();
        return file != null ? file.toString() : path;
    }

    /** The scene as it was typed, to repeat in an example command: PATH, or {@code --room KIND[:SEED]}. */
    String typed() {
        return room != null ? "--room " + room : path;
    }

    private IllegalArgumentException bothGiven() {
        return new IllegalArgumentException("give PATH or --room KIND[:SEED], not both (got " + path + " and --room "
                + room + ")");
    }

}
