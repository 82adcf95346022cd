package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.render.viewer.Viewer3D;
import io.r1kit.render.viewer.ViewerOptions;
import io.r1kit.scene.Scene;
import io.r1kit.scene.proposal.SceneObjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit view PATH|--room KIND[:SEED] --out F.html}: writes the interactive viewer as a standalone
 * page. A scan without objects shows its object proposals as boxes ({@code object N}), and the text says so.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Write a scene's interactive 3D viewer (points, boxes, labels) as one HTML file that works offline.")
final class ViewCommand implements Callable<Integer> {

    @Mixin
    SceneInput input;

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
        SceneObjects objects = SceneObjects.resolve(input.scene());
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
}
