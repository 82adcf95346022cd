package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.render.viewer.Viewer3D;
import io.r1kit.render.viewer.ViewerOptions;
import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.proposal.SceneObjects;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit view PATH|--room KIND[:SEED] --out F.html}: writes the interactive viewer as a standalone
 * page. A scan without objects shows its object proposals as boxes ({@code object N}), and the text says so.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Write a scene's interactive 3D viewer (points, boxes, labels) as one HTML file that works offline.")
final class ViewCommand implements Callable<Integer> {

    static final class Input {
        @Parameters(paramLabel = "PATH", description = "a .ply, .bin, ScanNet *_vert.npy / scan folder")
        Path path;

        @Option(names = "--room", paramLabel = "KIND[:SEED]",
                description = "a generated room instead of a file: bedroom, living-room, kitchen or office, seed 7 unless given")
        String room;
    }

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--out", required = true, paramLabel = "F.html", description = "the page to write")
    Path out;

    @Option(names = "--max-points", paramLabel = "N", description = "subsample clouds larger than this (default: ${DEFAULT-VALUE})")
    int maxPoints = ViewerOptions.defaults().maxPoints();

    @Option(names = "--seed", paramLabel = "S", description = "seed of the subsampling (default: ${DEFAULT-VALUE})")
    long seed = ViewerOptions.defaults().seed();

    @Option(names = "--point-size", paramLabel = "PX", description = "initial point size in pixels (default: ${DEFAULT-VALUE})")
    double pointSize = ViewerOptions.defaults().pointSize();

    @Option(names = "--no-boxes", description = "hide object boxes at first")
    boolean noBoxes;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        // Options first: a bad value is reported before a large scan is read.
        ViewerOptions options = ViewerOptions.defaults().withMaxPoints(maxPoints).withSeed(seed)
                .withPointSize(pointSize).withBoxes(!noBoxes);
        SceneObjects objects = SceneObjects.resolve(input.room != null ? room(input.room) : Scenes.load(input.path));
        Scene scene = objects.scene();
        Viewer3D viewer = Viewer3D.of(scene, options);
        viewer.write(out);
        long bytes = Files.size(out);
        output.print(() -> String.format(Locale.ROOT, "wrote %s: %s, %,d of %,d points, %d boxes, %.1f MB", out, scene.id(),
                viewer.shownPoints(), viewer.totalPoints(), scene.objects().size(), bytes / 1e6)
                + (objects.proposed() ? "\nobjects  " + objects.describe() : ""), () -> {
            JsonObject o = new JsonObject();
            o.addProperty("scene", scene.id());
            o.addProperty("out", out.toString());
            o.addProperty("points", viewer.totalPoints());
            o.addProperty("shown_points", viewer.shownPoints());
            o.addProperty("boxes", scene.objects().size());
            o.addProperty("boxes_are_proposals", objects.proposed());
            o.addProperty("bytes", bytes);
            return JsonOutput.pretty(o);
        });
        return 0;
    }

    /** The generated room named by {@code kind[:seed]}, e.g. {@code living-room:3}. */
    static Scene room(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        long seed = 7;
        if (colon >= 0) {
            try {
                seed = Long.parseLong(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--room " + spec + ": the seed after ':' must be an integer");
            }
        }
        RoomKind k = Arrays.stream(RoomKind.values()).filter(r -> r.slug().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--room " + spec + ": unknown room kind (known: "
                        + String.join(", ", Arrays.stream(RoomKind.values()).map(RoomKind::slug).toList()) + ")"));
        return new SceneGenerator().generate(k, seed).scene();
    }
}
