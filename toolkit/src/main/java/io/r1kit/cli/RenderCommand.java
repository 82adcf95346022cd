package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.render.Camera;
import io.r1kit.render.Images;
import io.r1kit.render.Overlays;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.view.CandidateViews;
import io.r1kit.view.ViewSelectionConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit render PATH|--room KIND[:SEED] --view N | --camera SPEC --out F.png [--boxes]
 * [--highlight ID] [--size S] [--depth D.png] [--json]}: one software-rendered view of a scene as PNG.
 * With {@code --boxes} or {@code --highlight}, a scan without objects uses its object proposals (ids as in
 * {@code r1kit scene info --propose}), tagged {@code object N}, and the text says so.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one view of a scene to PNG (views numbered as the candidates of `r1kit views`).")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    SceneInput input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Pose pose;

    static final class Pose {
        @Option(names = "--view", paramLabel = "N", description = "candidate view N of view selection (0..23 by default)")
        Integer view;

        @Option(names = "--camera", paramLabel = "SPEC", description = "\"eye=x,y,z;target=x,y,z[;up=x,y,z][;fov=deg]\"")
        String camera;
    }

    @Option(names = "--out", paramLabel = "F.png", required = true, description = "where to write the colour image")
    Path out;

    @Option(names = "--boxes", description = "draw every object's box with its label and a legend")
    boolean boxes;

    @Option(names = "--highlight", paramLabel = "ID", description = "show object ID in colour, dim the rest")
    Integer highlight;

    @Option(names = "--size", paramLabel = "S", defaultValue = "512", description = "image side in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--depth", paramLabel = "D.png", description = "also write the colour-mapped depth (near = bright)")
    Path depth;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (size < 16 || size > 4096) {
            throw new IllegalArgumentException("--size " + size + " must be in 16..4096 pixels");
        }
        Scene loaded = input.scene();
        // Objects matter only for boxes and highlight: only then are proposals found for a scan without objects.
        SceneObjects objects = boxes || highlight != null ? SceneObjects.resolve(loaded) : null;
        Scene scene = objects != null ? objects.scene() : loaded;
        String file = input.name();
        Camera camera;
        try {
            camera = pose.view != null
                    ? CandidateViews.candidate(scene.bounds(), ViewSelectionConfig.defaults(), pose.view, size)
                    : Camera.parse(pose.camera, size, size);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        SceneObject target = null;
        if (highlight != null) {
            target = scene.object(highlight).orElseThrow(() -> new IllegalArgumentException(file + ": no object with id "
                    + highlight + " (the scene has " + (objects.proposed() ? objects.count() + " object proposals; see r1kit scene info --propose)"
                    : objects.count() + " objects; see r1kit scene info)")));
        }
        RenderedView view = PointRenderer.of(scene).render(camera, RenderOptions.defaults());
        BufferedImage image = target != null ? Overlays.highlight(view, target) : view.image();
        if (boxes) {
            image = Overlays.boxesOver(image, view, scene.objects());
        }
        Images.write(image, out);
        if (depth != null) {
            Images.write(view.depthImage(), depth);
        }
        output.print(() -> toText(view, camera) + (objects != null && objects.proposed() ? "\nobjects  " + objects.describe() : ""),
                () -> JsonOutput.pretty(toJson(view, camera, objects)));
        return 0;
    }

    private String toText(RenderedView view, Camera camera) {
        String pose = this.pose.view != null ? "view " + this.pose.view : "camera";
        return String.format(Locale.ROOT, "wrote %s (%dx%d, %s: %s)%nfilled   %.1f%% of pixels, %d objects visible%s",
                out, view.width(), view.height(), pose, camera, 100 * view.filledFraction(), view.visiblePixels().size(),
                depth == null ? "" : "\ndepth    " + depth);
    }

    private JsonObject toJson(RenderedView view, Camera camera, SceneObjects objects) {
        JsonObject o = new JsonObject();
        o.addProperty("out", out.toString());
        o.addProperty("depth", depth == null ? null : depth.toString());
        o.addProperty("width", view.width());
        o.addProperty("height", view.height());
        if (pose.view != null) {
            o.addProperty("view", pose.view);
        }
        o.addProperty("camera", camera.toString());
        o.addProperty("filled_fraction", view.filledFraction());
        JsonObject visible = new JsonObject();
        view.visiblePixels().forEach((id, n) -> visible.addProperty(String.valueOf(id), n));
        o.add("visible_pixels", visible);
        if (objects != null) {
            o.addProperty("objects", objects.count());
            o.addProperty("objects_are_proposals", objects.proposed());
        }
        return o;
    }
}
