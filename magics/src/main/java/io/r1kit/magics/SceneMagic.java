package io.r1kit.magics;

import io.r1kit.facade.R1Scene;
import io.r1kit.scene.gen.RoomSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %scene load PATH | generate KIND[:SEED]}: makes the scene current for the other magics and shows
 * its summary beside a render from above; {@code %scene} alone shows the current one.
 */
@Command(name = "%scene", description = "Set the current scene: a file (.ply, .bin, ScanNet *_vert.npy or scan folder) or a generated room.")
final class SceneMagic implements Callable<Object> {

    static final String HELP = "load PATH | generate KIND[:SEED]: set the current scene (summary and render)";

    private final MagicState state;

    @Parameters(index = "0", arity = "0..1", paramLabel = "load|generate")
    String verb;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH|KIND[:SEED]")
    String what;

    SceneMagic(MagicState state) {
        this.state = state;
    }

    @Override
    public Object call() {
        if (verb == null) {
            return state.scene();
        }
        if (what == null) {
            throw new MagicError("%scene " + verb + " needs " + (verb.equals("load") ? "a PATH" : "a KIND[:SEED]")
                    + ", e.g. %scene generate bedroom:7");
        }
        return switch (verb) {
            case "load" -> {
                if (!java.nio.file.Files.exists(java.nio.file.Path.of(what))) {
                    throw new MagicError(what + ": no such file or folder");
                }
                yield state.scene(R1Scene.of(what));
            }
            case "generate" -> state.scene(R1Scene.of(RoomSpec.parse(what)));
            default -> throw new MagicError("%scene: unknown verb '" + verb + "' (load PATH or generate KIND[:SEED])");
        };
    }

    static Object run(MagicState state, List<String> args) {
        return MagicRunner.run(new SceneMagic(state), args);
    }
}
