package io.r1kit.render;

import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rendered view: the colour image, the depth map ({@code +inf} where no point landed), the
 * per-pixel instance buffer (which object each pixel shows, {@link PointInstances#NONE} for none)
 * and the camera and options that made it. Buffers are row-major, pixel {@code (x, y)} at
 * {@code y * width + x}. In a notebook it shows as its image with a one-line summary.
 */
public final class RenderedView implements HtmlRenderable {

    private final Camera camera;
    private final RenderOptions options;
    private final BufferedImage image;
    private final float[] depth;
    private final int[] instance;

    RenderedView(Camera camera, RenderOptions options, BufferedImage image, float[] depth, int[] instance) {
        this.camera = camera;
        this.options = options;
        this.image = image;
        this.depth = depth;
        this.instance = instance;
    }

    public Camera camera() { return camera; }
    public RenderOptions options() { return options; }
    public int width() { return camera.width(); }
    public int height() { return camera.height(); }

    /** A copy of the colour image (callers may draw on it). */
    public BufferedImage image() {
        return Images.copy(image);
    }

    /** Depth of pixel {@code (x, y)} in metres along the view direction, {@code +inf} when empty. */
    public float depth(int x, int y) { return depth[y * width() + x]; }

    /** The object id pixel {@code (x, y)} shows, or {@link PointInstances#NONE}. */
    public int instanceAt(int x, int y) { return instance[y * width() + x]; }

    /** The packed {@code 0xRRGGBB} colour of pixel {@code (x, y)}. */
    public int rgb(int x, int y) { return image.getRGB(x, y) & 0xFFFFFF; }

    /** A copy of the depth buffer, {@code [height * width]}. */
    public float[] depthArray() { return depth.clone(); }

    /** A copy of the instance buffer, {@code [height * width]}. */
    public int[] instanceArray() { return instance.clone(); }

    /** Number of pixels some point landed on. */
    public int filledPixels() {
        int c = 0;
        for (float d : depth) {
            if (d != Float.POSITIVE_INFINITY) {
                c++;
            }
        }
        return c;
    }

    /** Share of the image some point landed on, in [0, 1]. */
    public double filledFraction() {
        return filledPixels() / (double) depth.length;
    }

    /** Visible pixels per object id (objects with none are absent), ordered by id. */
    public Map<Integer, Integer> visiblePixels() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int id : instance) {
            if (id != PointInstances.NONE) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Visible pixels of one object. */
    public int visiblePixels(int objectId) {
        int c = 0;
        for (int id : instance) {
            if (id == objectId) {
                c++;
            }
        }
        return c;
    }

    /** The depth map through {@link Colormap#depth}: near bright, far dark, empty black. */
    public BufferedImage depthImage() {
        return Colormap.depth(depth, width(), height());
    }

    /** Writes the colour image as PNG. */
    public Path write(Path png) throws IOException {
        return Images.write(image, png);
    }

    /** The colour image (inline PNG) and a summary line. */
    @Override
    public String toHtml() {
        return "<figure style=\"margin:0\"><img src=\"" + Html.pngDataUri(image) + "\"/><figcaption>"
                + String.format(java.util.Locale.ROOT, "%dx%d, %.1f%% of pixels filled, %d objects visible; camera %s",
                        width(), height(), 100 * filledFraction(), visiblePixels().size(), camera)
                + "</figcaption></figure>";
    }

    @Override
    public String toString() {
        return "RenderedView[" + width() + "x" + height() + ", " + filledPixels() + " pixels filled, " + camera + "]";
    }
}
