package io.r1kit.render.viewer;

import io.r1kit.display.HtmlRenderable;
import io.r1kit.render.Camera;
import io.r1kit.render.Overlays;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.SceneViews;
import io.r1kit.scene.Scene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An interactive 3D view of a scene: its coloured points, its object boxes as wireframes with
 * labels, orbit controls (drag to rotate, wheel to zoom, right-drag to pan), a point-size slider and
 * switches for boxes and labels. Clouds larger than {@link ViewerOptions#maxPoints()} are subsampled
 * uniformly with {@link ViewerOptions#seed()}.
 *
 * <p>The page is self-contained: three.js (bundled in the toolkit jar) and the points are inlined,
 * so it works offline. In a notebook the last expression of a cell displays it, as an
 * {@code <iframe srcdoc>} sandboxed to scripts only: several viewers do not share scripts or styles,
 * and the page's scripts run inside the iframe, so the front end need not run scripts of HTML
 * outputs itself. Beside it goes a still image of the scene ({@link #still()}): a front end that drops
 * iframes from outputs it does not trust (JupyterLab opening an executed notebook from elsewhere) still
 * shows the picture. {@link #write(Path)} saves the page as a file.
 *
 * <pre>{@code
 * var room = new SceneGenerator().generate(RoomKind.BEDROOM, 7);
 * Viewer3D.of(room.scene())                                               // shows in the cell
 * Viewer3D.of(scan, ViewerOptions.defaults().withMaxPoints(50_000)).write(Path.of("scan.html"));
 * }</pre>
 */
public final class Viewer3D implements HtmlRenderable {

    /** Width and height of {@link #still()}, pixels. */
    public static final int STILL_WIDTH = 360, STILL_HEIGHT = 270;
    /** Azimuth and elevation of the still's camera, degrees: the corner view the page opens with. */
    static final double STILL_AZIMUTH = 234, STILL_ELEVATION = 35;

    private final Scene scene;
    private final String sceneId;
    private final int totalPoints;
    private final int boxes;
    private final ViewerOptions options;
    private final ViewerData data;
    private volatile String page;

    private Viewer3D(Scene scene, ViewerOptions options) {
        this.scene = scene;
        this.sceneId = scene.id();
        this.totalPoints = scene.points().size();
        this.boxes = scene.objects().size();
        this.options = options;
        this.data = ViewerData.of(scene, options);
    }

    /** A viewer with {@link ViewerOptions#defaults()}. */
    public static Viewer3D of(Scene scene) {
        return of(scene, ViewerOptions.defaults());
    }

    /**
     * A viewer of {@code scene}; the points are subsampled and encoded now.
     *
     * @throws IllegalArgumentException when the scene has no points
     */
    public static Viewer3D of(Scene scene, ViewerOptions options) {
        return new Viewer3D(Objects.requireNonNull(scene, "scene"), Objects.requireNonNull(options, "options"));
    }

    public ViewerOptions options() {
        return options;
    }

    /** Points of the scene. */
    public int totalPoints() {
        return totalPoints;
    }

    /** Points in the page: {@code min(totalPoints(), options().maxPoints())}. */
    public int shownPoints() {
        return data.shownPoints();
    }

    /** The standalone HTML document (about 1 MB of three.js plus 16 bytes per point shown). */
    public String page() {
        String p = page;
        if (p == null) {
            page = p = ViewerPage.page(data, sceneId, options);
        }
        return p;
    }

    /** The scene from one corner, its boxes drawn: what the page shows before it is turned, as an image. */
    public BufferedImage still() {
        Camera c = Camera.fit(scene.bounds(), STILL_AZIMUTH, STILL_ELEVATION, SceneViews.FOV, STILL_WIDTH, STILL_HEIGHT);
        var view = PointRenderer.of(scene).render(c, RenderOptions.defaults());
        return options.showBoxes() ? Overlays.boxes(view, scene.objects()) : view.image();
    }

    /**
     * For notebooks: the {@link #still()} beside the page in an {@code <iframe srcdoc>} of
     * {@link ViewerOptions#height()} pixels.
     */
    @Override
    public String toHtml() {
        return ViewerPage.withStill(still(), ViewerPage.iframe(page(), sceneId, options.height()), sceneId);
    }

    /**
     * Writes the standalone page to {@code file} (UTF-8), creating missing parent folders.
     *
     * @return {@code file}
     */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, page(), StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public String toString() {
        return "Viewer3D[" + sceneId + ", " + shownPoints() + " of " + totalPoints + " points, " + boxes + " boxes]";
    }
}
