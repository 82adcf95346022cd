package io.r1kit.render.viewer;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Sampling;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;

import java.awt.Color;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;

/**
 * What a viewer page shows of a scene, as the JSON object its script reads: the subsampled points
 * in compact form and the object boxes.
 *
 * <pre>
 * id, totalPoints, shownPoints, seed
 * positions  base64 of shownPoints x 3 float32, little-endian (x, y, z in scene units)
 * colours    base64 of shownPoints x 3 uint8 (r, g, b, 0..255)
 * bounds     [minX, minY, minZ, maxX, maxY, maxZ] of all the scene's points
 * boxes      [{id, label, colour "#rrggbb", min [x, y, z], max [x, y, z]}]
 * options    {pointSize, showBoxes, showLabels, background}
 * </pre>
 *
 * Base64 of raw arrays costs 16 bytes of page per point, a third of what JSON numbers would, and the
 * browser turns it into typed arrays for WebGL without parsing numbers.
 */
final class ViewerData {

    private final JsonObject json;
    private final int shown;

    private ViewerData(JsonObject json, int shown) {
        this.json = json;
        this.shown = shown;
    }

    /** The data of {@code scene}, subsampled to {@code options.maxPoints()} with {@code options.seed()}. */
    static ViewerData of(Scene scene, ViewerOptions options) {
        PointCloud pc = scene.points();
        int n = pc.size();
        if (n == 0) {
            throw new IllegalArgumentException("scene " + scene.id() + " has no points to show");
        }
        // Uniform without replacement, kept in file order; all points when the cloud is small enough.
        int[] kept = Sampling.indices(n, options.maxPoints(), options.seed(), Sampling.Fill.KEEP_ALL);
        ByteBuffer xyz = ByteBuffer.allocate(kept.length * 12).order(ByteOrder.LITTLE_ENDIAN);
        byte[] rgb = new byte[kept.length * 3];
        for (int k = 0; k < kept.length; k++) {
            int i = kept[k];
            xyz.putFloat(pc.x(i)).putFloat(pc.y(i)).putFloat(pc.z(i));
            rgb[3 * k] = (byte) Math.round(pc.r(i) * 255);
            rgb[3 * k + 1] = (byte) Math.round(pc.g(i) * 255);
            rgb[3 * k + 2] = (byte) Math.round(pc.b(i) * 255);
        }
        JsonObject o = new JsonObject();
        o.addProperty("id", scene.id());
        o.addProperty("totalPoints", n);
        o.addProperty("shownPoints", kept.length);
        o.addProperty("seed", options.seed());
        o.addProperty("positions", Base64.getEncoder().encodeToString(xyz.array()));
        o.addProperty("colours", Base64.getEncoder().encodeToString(rgb));
        Box3 b = scene.bounds();
        o.add("bounds", floats(b.minX(), b.minY(), b.minZ(), b.maxX(), b.maxY(), b.maxZ()));
        JsonArray boxes = new JsonArray();
        for (SceneObject so : scene.objects()) {
            Box3 box = so.box();
            JsonObject j = new JsonObject();
            j.addProperty("id", so.id());
            j.addProperty("label", SceneObjects.tag(so)); // proposals as "object 3": they differ only by id
            j.addProperty("colour", labelColour(so.label()));
            j.add("min", floats(box.minX(), box.minY(), box.minZ()));
            j.add("max", floats(box.maxX(), box.maxY(), box.maxZ()));
            boxes.add(j);
        }
        o.add("boxes", boxes);
        JsonObject opts = new JsonObject();
        opts.addProperty("pointSize", options.pointSize());
        opts.addProperty("showBoxes", options.showBoxes());
        opts.addProperty("showLabels", options.showLabels());
        opts.addProperty("background", options.background());
        o.add("options", opts);
        return new ViewerData(o, kept.length);
    }

    /** Points in the page. */
    int shownPoints() {
        return shown;
    }

    /**
     * The JSON text, safe inside a {@code <script>} element: Gson's default HTML escaping writes
     * {@code <}, {@code >}, {@code &}, {@code =} and {@code '} as {@code \u003c} and so on, so no label can
     * close the element or inject markup.
     */
    String toJson() {
        return new Gson().toJson(json);
    }

    /**
     * A colour per label, the same for every box of that label in every scene: hues spread by the
     * golden ratio over the label's hash, bright enough to read on the dark default background.
     */
    static String labelColour(String label) {
        double hue = (label.hashCode() & 0x7fffffff) * 0.6180339887498949 % 1.0;
        int rgb = Color.HSBtoRGB((float) hue, 0.65f, 0.95f) & 0xffffff;
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static JsonArray floats(float... values) {
        JsonArray a = new JsonArray();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }
}
