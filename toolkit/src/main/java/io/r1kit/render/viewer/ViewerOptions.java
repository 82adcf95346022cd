package io.r1kit.render.viewer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of {@link Viewer3D}; immutable, checked on construction. Start from {@link #defaults()}
 * and change a field with a {@code withX} method.
 *
 * <pre>{@code
 * ViewerOptions opts = ViewerOptions.defaults().withMaxPoints(50_000).withPointSize(3);
 * }</pre>
 *
 * @param maxPoints  most points put in the page; larger clouds are subsampled uniformly without
 *                   replacement, seeded (see {@link io.r1kit.scene.Sampling#indices}), so the page stays responsive
 * @param seed       seed of that subsampling: the same seed keeps the same points
 * @param pointSize  initial point size in screen pixels (the page has a slider from 0.5 to 10)
 * @param showBoxes  whether object boxes are drawn at first (the page has a check box)
 * @param showLabels whether box labels are shown at first (the page has a check box)
 * @param height     height of the view in CSS pixels (its width follows the page or the notebook cell)
 * @param background background colour, {@code #rrggbb}
 */
public record ViewerOptions(int maxPoints, long seed, double pointSize, boolean showBoxes, boolean showLabels,
                            int height, String background) {

    /** Most points a page may carry: 2 million points are 30 MB of base64 and strain a browser tab. */
    public static final int POINT_LIMIT = 2_000_000;
    /** Range of {@link #pointSize()}, the same as the page's slider. */
    public static final double MIN_POINT_SIZE = 0.5, MAX_POINT_SIZE = 10;

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> FIELDS = Set.of("maxPoints", "seed", "pointSize", "showBoxes", "showLabels",
            "height", "background");

    public ViewerOptions {
        if (maxPoints < 1 || maxPoints > POINT_LIMIT) {
            throw new IllegalArgumentException("maxPoints " + maxPoints + " is outside 1.." + POINT_LIMIT
                    + "; larger pages load slowly, and the viewer subsamples bigger clouds anyway");
        }
        if (!(pointSize >= MIN_POINT_SIZE && pointSize <= MAX_POINT_SIZE)) {
            throw new IllegalArgumentException("pointSize " + pointSize + " px is outside [" + MIN_POINT_SIZE + ", "
                    + MAX_POINT_SIZE + "], the range of the page's slider");
        }
        if (height < 120 || height > 4000) {
            throw new IllegalArgumentException("height " + height + " px is outside 120..4000");
        }
        if (background == null || !HEX_COLOUR.matcher(background).matches()) {
            throw new IllegalArgumentException("background " + (background == null ? "null" : "\"" + background + "\"")
                    + " is not a colour of the form #rrggbb, e.g. #1f2329");
        }
    }

    /** 200,000 points at most (seed 0), 2 px points, boxes and labels shown, 480 px high, background #1f2329. */
    public static ViewerOptions defaults() {
        return new ViewerOptions(200_000, 0, 2, true, true, 480, "#1f2329");
    }

    public ViewerOptions withMaxPoints(int n) {
        return new ViewerOptions(n, seed, pointSize, showBoxes, showLabels, height, background);
    }

    public ViewerOptions withSeed(long s) {
        return new ViewerOptions(maxPoints, s, pointSize, showBoxes, showLabels, height, background);
    }

    public ViewerOptions withPointSize(double px) {
        return new ViewerOptions(maxPoints, seed, px, showBoxes, showLabels, height, background);
    }

    public ViewerOptions withBoxes(boolean show) {
        return new ViewerOptions(maxPoints, seed, pointSize, show, showLabels, height, background);
    }

    public ViewerOptions withLabels(boolean show) {
        return new ViewerOptions(maxPoints, seed, pointSize, showBoxes, show, height, background);
    }

    public ViewerOptions withHeight(int px) {
        return new ViewerOptions(maxPoints, seed, pointSize, showBoxes, showLabels, px, background);
    }

    public ViewerOptions withBackground(String hex) {
        return new ViewerOptions(maxPoints, seed, pointSize, showBoxes, showLabels, height, hex);
    }

    /** These options as one JSON object, every field present. */
    public String toJson() {
        return new Gson().toJson(this);
    }

    /**
     * Options from a JSON object; fields left out keep their {@link #defaults()}.
     *
     * @throws IllegalArgumentException on an unknown field or an invalid value
     */
    public static ViewerOptions fromJson(String json) {
        JsonElement parsed = JsonParser.parseString(json);
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("viewer options must be a JSON object, got " + parsed);
        }
        JsonObject o = parsed.getAsJsonObject();
        for (String key : o.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown viewer option \"" + key + "\" (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        }
        ViewerOptions d = defaults();
        return new ViewerOptions(
                o.has("maxPoints") ? o.get("maxPoints").getAsInt() : d.maxPoints,
                o.has("seed") ? o.get("seed").getAsLong() : d.seed,
                o.has("pointSize") ? o.get("pointSize").getAsDouble() : d.pointSize,
                o.has("showBoxes") ? o.get("showBoxes").getAsBoolean() : d.showBoxes,
                o.has("showLabels") ? o.get("showLabels").getAsBoolean() : d.showLabels,
                o.has("height") ? o.get("height").getAsInt() : d.height,
                o.has("background") ? o.get("background").getAsString() : d.background);
    }
}
