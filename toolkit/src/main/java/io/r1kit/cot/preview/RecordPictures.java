package io.r1kit.cot.preview;

import io.r1kit.cot.CotRecord;
import io.r1kit.render.Camera;
import io.r1kit.render.Overlays;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.gen.GeneratedRoom;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture on a {@link RecordCard}: the record's room rendered from the elevated view that shows
 * its target objects best, the targets in colour with their boxes and the rest dimmed
 * ({@link Overlays#highlight(RenderedView, List)}).
 *
 * <pre>{@code
 * GeneratedRoom room = new SceneGenerator().generate(record.sceneId());
 * RecordCard.of(record, RecordPictures.of(room, record));
 * }</pre>
 */
public final class RecordPictures {

    /** Picture width and height in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    /** Candidate cameras: this many azimuths, evenly spaced, all at {@link #ELEVATION}. */
    public static final int AZIMUTHS = 8;
    /** Degrees above the horizontal: high enough to see over the near wall into the room. */
    public static final double ELEVATION = 50;
    /** Vertical field of view, degrees. */
    public static final double FOV = 60;
    /**
     * Camera distance as a share of {@link Camera#fitDistance}: that distance fits the room's bounding
     * sphere, which leaves a flat room small in the frame; from this elevation a nearer camera still
     * sees the whole floor.
     */
    public static final double ZOOM = 0.85;
    /** Width of the small renders that rank the candidates (height in proportion). */
    private static final int PROBE_WIDTH = 160;

    private RecordPictures() {}

    /** The picture of {@code record} in {@code room} (the room the record's scene id names). */
    public static BufferedImage of(GeneratedRoom room, CotRecord record) {
        if (!room.scene().id().equals(record.sceneId())) {
            throw new IllegalArgumentException("the record is about " + record.sceneId() + ", not " + room.scene().id());
        }
        return of(room.scene(), record.targetIds());
    }

    /**
     * The picture of {@code record} in its room, regenerated with the generator config that {@code engineJson}
     * (the {@code engine.json} that {@code cot generate} writes beside its records) recorded.
     *
     * @throws IOException naming the file when it cannot be read or holds no {@code "generator"} object
     */
    public static BufferedImage of(java.nio.file.Path engineJson, CotRecord record) throws java.io.IOException {
        io.r1kit.scene.gen.GeneratorConfig config;
        try {
            com.google.gson.JsonObject engine = com.google.gson.JsonParser.parseString(
                    java.nio.file.Files.readString(engineJson, java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
            if (!engine.has("generator")) {
                throw new IllegalArgumentException("no \"generator\" object");
            }
            config = io.r1kit.scene.gen.GeneratorConfig.fromJson(engine.get("generator").toString());
        } catch (RuntimeException e) {
            throw new java.io.IOException(engineJson.getFileName() + ": " + e.getMessage(), e);
        }
        return of(new io.r1kit.scene.gen.SceneGenerator(config).generate(record.sceneId()), record);
    }

    /** {@code scene} from {@link #view}, the objects {@code targetIds} highlighted (none: the plain render). */
    public static BufferedImage of(Scene scene, List<Integer> targetIds) {
        List<SceneObject> targets = targets(scene, targetIds);
        RenderedView view = view(scene, targetIds);
        return targets.isEmpty() ? view.image() : Overlays.highlight(view, targets);
    }

    /**
     * The view the picture is drawn on: of {@link #AZIMUTHS} cameras fitted to the scene at
     * {@link #ELEVATION}, the one where the targets cover the most pixels (the first on ties, so
     * azimuth 0 for a record without targets).
     */
    public static RenderedView view(Scene scene, List<Integer> targetIds) {
        List<SceneObject> targets = targets(scene, targetIds);
        PointRenderer renderer = PointRenderer.of(scene);
        int probeHeight = PROBE_WIDTH * HEIGHT / WIDTH;
        double distance = ZOOM * Camera.fitDistance(scene.bounds(), FOV, WIDTH, HEIGHT);
        Camera best = null;
        int bestPixels = -1;
        for (int i = 0; i < AZIMUTHS; i++) {
            Camera c = Camera.orbit(scene.bounds(), 360.0 * i / AZIMUTHS, ELEVATION, distance, FOV, PROBE_WIDTH, probeHeight);
            int pixels = 0;
            if (!targets.isEmpty()) {
                RenderedView probe = renderer.render(c, RenderOptions.defaults());
                for (SceneObject o : targets) {
                    pixels += probe.visiblePixels(o.id());
                }
            }
            if (pixels > bestPixels) {
                best = c;
                bestPixels = pixels;
            }
        }
        return renderer.render(best.withSize(WIDTH, HEIGHT), RenderOptions.defaults());
    }

    private static List<SceneObject> targets(Scene scene, List<Integer> ids) {
        List<SceneObject> out = new ArrayList<>();
        for (int id : ids) {
            out.add(scene.object(id).orElseThrow(() -> new IllegalArgumentException(
                    scene.id() + ": no object " + id + " (the record's target ids do not match this scene)")));
        }
        return out;
    }
}
