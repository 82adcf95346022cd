package io.r1kit.render;

import io.r1kit.scene.Scene;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ready-made looks at a whole scene: a bird's-eye view and a strip of views around it.
 *
 * <pre>{@code
 * SceneViews.birdsEye(scene, 512);        // from straight above, boxes drawn
 * SceneViews.strip(scene, 4, 256);        // four views 90 degrees apart
 * }</pre>
 */
public final class SceneViews {

    /** Field of view of these presets, degrees. */
    public static final double FOV = 60;
    /** Elevation of the strip's cameras above the horizontal, degrees. */
    public static final double STRIP_ELEVATION = 50;

    private SceneViews() {}

    /** The scene from straight above (a high top-down perspective camera fitted to its footprint), boxes drawn. */
    public static BufferedImage birdsEye(Scene scene, int size) {
        RenderedView v = PointRenderer.of(scene).render(Camera.topDown(scene.bounds(), FOV, size, size),
                RenderOptions.defaults());
        return Overlays.boxes(v, scene.objects());
    }

    /** {@code count} views fitted to the scene, evenly spaced in azimuth, captioned with their azimuth. */
    public static BufferedImage strip(Scene scene, int count, int size) {
        if (count < 1) {
            throw new IllegalArgumentException("a strip needs at least one view, got " + count);
        }
        PointRenderer r = PointRenderer.of(scene);
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double az = 360.0 * i / count;
            images.add(r.render(Camera.fit(scene.bounds(), az, STRIP_ELEVATION, FOV, size, size), RenderOptions.defaults()).image());
            captions.add(String.format(Locale.ROOT, "azimuth %.0f°", az));
        }
        return ViewGrid.strip(images, captions);
    }
}
