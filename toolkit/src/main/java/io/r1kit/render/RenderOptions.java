package io.r1kit.render;

import com.google.gson.Gson;

/**
 * How points become pixels. Immutable; {@link #defaults()} holds every default, the
 * {@code with...} methods derive changed copies, and the constructor explains what is wrong.
 *
 * @param pointRadius  world radius of a point's splat in metres: a point at depth {@code d} covers a
 *                     splat of pixel radius {@code round(pointRadius * fy / d)}, so splats shrink with
 *                     depth; the default 3.5 cm about closes the gaps of a 50,000-point room scan
 * @param minRadius    smallest splat radius in pixels (0 = a single pixel)
 * @param maxRadius    largest splat radius in pixels, so points right in front of the camera do not
 *                     paint over the whole image
 * @param shape        square or disc splats
 * @param shading      Lambert shading by normals with a head light, when the cloud has normals
 * @param ambient      share of the colour kept on surfaces seen edge-on when shading, in [0, 1]
 * @param background   background colour as {@code 0xRRGGBB}
 * @param near         near plane in metres: points nearer than this (or behind the camera) are skipped
 */
public record RenderOptions(double pointRadius, int minRadius, int maxRadius, SplatShape shape, boolean shading,
                            double ambient, int background, double near) {

    /** Splat footprint. */
    public enum SplatShape { SQUARE, DISC }

    public RenderOptions {
        if (!(pointRadius >= 0) || !Double.isFinite(pointRadius)) {
            throw new IllegalArgumentException("pointRadius " + pointRadius + " must be a finite number of metres >= 0");
        }
        if (minRadius < 0 || maxRadius < minRadius || maxRadius > 64) {
            throw new IllegalArgumentException("splat radius range " + minRadius + ".." + maxRadius
                    + " must satisfy 0 <= minRadius <= maxRadius <= 64 pixels");
        }
        if (shape == null) {
            throw new IllegalArgumentException("shape is required (SQUARE or DISC)");
        }
        if (!(ambient >= 0 && ambient <= 1)) {
            throw new IllegalArgumentException("ambient " + ambient + " must be in [0, 1]");
        }
        if (background < 0 || background > 0xFFFFFF) {
            throw new IllegalArgumentException("background " + background + " must be a colour 0xRRGGBB");
        }
        if (!(near > 0) || !Double.isFinite(near)) {
            throw new IllegalArgumentException("near plane " + near + " must be a finite distance > 0 metres");
        }
    }

    /** Disc splats of 3.5 cm radius, 0..6 pixels, shading on, white background, near plane 5 cm. */
    public static RenderOptions defaults() {
        return new RenderOptions(0.035, 0, 6, SplatShape.DISC, true, 0.35, 0xFFFFFF, 0.05);
    }

    public RenderOptions withPointRadius(double metres) {
        return new RenderOptions(metres, minRadius, maxRadius, shape, shading, ambient, background, near);
    }

    public RenderOptions withRadiusRange(int min, int max) {
        return new RenderOptions(pointRadius, min, max, shape, shading, ambient, background, near);
    }

    public RenderOptions withShape(SplatShape s) {
        return new RenderOptions(pointRadius, minRadius, maxRadius, s, shading, ambient, background, near);
    }

    public RenderOptions withShading(boolean on) {
        return new RenderOptions(pointRadius, minRadius, maxRadius, shape, on, ambient, background, near);
    }

    public RenderOptions withBackground(int rgb) {
        return new RenderOptions(pointRadius, minRadius, maxRadius, shape, shading, ambient, rgb, near);
    }

    /** The splat radius in pixels of a point at {@code depth} seen with focal length {@code fy}. */
    public int radiusAt(double depth, double fy) {
        long r = Math.round(pointRadius * fy / depth);
        return (int) Math.max(minRadius, Math.min(maxRadius, r));
    }

    public String toJson() {
        return new Gson().toJson(this);
    }

    /** Reads options written by {@link #toJson()}, checked like the constructor does. */
    public static RenderOptions fromJson(String json) {
        RenderOptions o;
        try {
            o = new Gson().fromJson(json, RenderOptions.class);
        } catch (RuntimeException e) {
            // Gson wraps what the constructor rejects; report its reason, not the wrapper's.
            Throwable reason = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException) {
                    reason = t;
                }
            }
            throw new IllegalArgumentException("render options JSON is not valid: " + reason.getMessage(), e);
        }
        if (o == null) {
            throw new IllegalArgumentException("render options JSON is empty");
        }
        return o;
    }
}
