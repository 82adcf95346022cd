package io.r1kit.render;

import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Objects;

/**
 * A software point renderer: perspective projection through a {@link Camera}, a z-buffer, square
 * or disc splats whose pixel radius shrinks with depth, optional Lambert shading by normals.
 *
 * <p>Built once per scene (it copies the points into flat arrays and assigns each point its object,
 * see {@link PointInstances}); then {@link #render} is cheap and thread-safe. The per-point loop
 * allocates nothing: it writes straight into the colour image's pixel array, a float depth buffer
 * and an int instance buffer.
 *
 * <pre>{@code
 * PointRenderer r = PointRenderer.of(scene);
 * RenderedView v = r.render(Camera.fit(scene.bounds(), 30, 45, 60, 512, 512), RenderOptions.defaults());
 * v.image();          // BufferedImage, shows in a notebook
 * v.depthImage();     // colour-mapped depth, near = bright
 * }</pre>
 */
public final class PointRenderer {

    /** Projections this far outside the image (pixels) are skipped before converting to int. */
    private static final int FAR_OFF = 1 << 16;
    /**
     * Disc splats as row spans: {@code DISC[r][dy + r]} is the half width of the disc of radius r at
     * row offset dy, using {@code dx^2 + dy^2 <= r^2 + r} (radius r + 1/2, so small discs look round).
     */
    private static final int[][] DISC = new int[65][];

    static {
        for (int r = 0; r < DISC.length; r++) {
            DISC[r] = new int[2 * r + 1];
            for (int dy = -r; dy <= r; dy++) {
                DISC[r][dy + r] = (int) Math.floor(Math.sqrt(r * r + r - dy * dy));
            }
        }
    }

    private final float[] xyz;      // 3N positions
    private final int[] rgb;        // N packed 0xRRGGBB
    private final float[] normals;  // 3N unit normals, or null
    private final int[] instance;   // N object ids or PointInstances.NONE
    private final int n;

    private PointRenderer(float[] xyz, int[] rgb, float[] normals, int[] instance) {
        this.xyz = xyz;
        this.rgb = rgb;
        this.normals = normals;
        this.instance = instance;
        this.n = rgb.length;
    }

    /** A renderer for all points of {@code scene}. */
    public static PointRenderer of(Scene scene) {
        return of(scene.points(), PointInstances.of(scene));
    }

    /** A renderer for the points of {@code scene} at {@code indices} (keeping their objects). */
    public static PointRenderer of(Scene scene, int[] indices) {
        int[] all = PointInstances.of(scene);
        int[] ids = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            ids[k] = all[indices[k]];
        }
        return of(scene.points().select(indices), ids);
    }

    /** A renderer for a bare cloud whose point {@code i} shows object {@code instance[i]}. */
    public static PointRenderer of(PointCloud cloud, int[] instance) {
        Objects.requireNonNull(cloud, "cloud");
        if (instance.length != cloud.size()) {
            throw new IllegalArgumentException(instance.length + " instance ids for " + cloud.size() + " points");
        }
        float[] c = cloud.rgbArray();
        int[] packed = new int[cloud.size()];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = Math.round(c[3 * i] * 255) << 16 | Math.round(c[3 * i + 1] * 255) << 8 | Math.round(c[3 * i + 2] * 255);
        }
        return new PointRenderer(cloud.xyzArray(), packed, cloud.normalsArray(), instance.clone());
    }

    public int size() { return n; }

    /** The object id point {@code i} shows, or {@link PointInstances#NONE}. */
    public int instanceOf(int i) { return instance[i]; }

    /** Renders all points seen by {@code camera}. */
    public RenderedView render(Camera camera, RenderOptions options) {
        int w = camera.width();
        int h = camera.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] colour = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();  // [h*w], row-major
        float[] depth = new float[w * h];                                              // [h*w], +inf = empty
        int[] ids = new int[w * h];                                                    // [h*w], object id
        Arrays.fill(colour, options.background());
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
        Arrays.fill(ids, PointInstances.NONE);
        splatAll(camera, options, colour, depth, ids);
        return new RenderedView(camera, options, image, depth, ids);
    }

    private void splatAll(Camera camera, RenderOptions o, int[] colour, float[] depth, int[] ids) {
        final int w = camera.width();
        final int h = camera.height();
        final double[] e = camera.eye();
        final double[] r = camera.right();
        final double[] d = camera.down();
        final double[] f = camera.forward();
        final double fx = camera.fx();
        final double fy = camera.fy();
        final double cx = camera.cx();
        final double cy = camera.cy();
        final double near = o.near();
        final double splat = o.pointRadius() * fy;
        final int minR = o.minRadius();
        final int maxR = o.maxRadius();
        final boolean disc = o.shape() == RenderOptions.SplatShape.DISC;
        final boolean shade = o.shading() && normals != null;
        final double ambient = o.ambient();
        for (int i = 0; i < n; i++) {
            double px = xyz[3 * i] - e[0];
            double py = xyz[3 * i + 1] - e[1];
            double pz = xyz[3 * i + 2] - e[2];
            double z = px * f[0] + py * f[1] + pz * f[2];
            if (z < near) {
                continue;
            }
            double uu = fx * (px * r[0] + py * r[1] + pz * r[2]) / z + cx;
            double vv = fy * (px * d[0] + py * d[1] + pz * d[2]) / z + cy;
            if (uu < -FAR_OFF || vv < -FAR_OFF || uu > w + FAR_OFF || vv > h + FAR_OFF) {
                continue;  // far outside: also keeps the int conversion below exact
            }
            // floor without Math.floor: shift to positive, truncate, shift back.
            int u = (int) (uu + FAR_OFF) - FAR_OFF;
            int v = (int) (vv + FAR_OFF) - FAR_OFF;
            int rad = (int) (splat / z + 0.5);
            rad = rad < minR ? minR : Math.min(rad, maxR);
            if (u + rad < 0 || v + rad < 0 || u - rad >= w || v - rad >= h) {
                continue;
            }
            int c = rgb[i];
            if (shade) {
                // Lambert with a head light along the view direction: |n·f| so both faces of an
                // unoriented scan normal light up (paper-independent display choice).
                double lambert = Math.abs(normals[3 * i] * f[0] + normals[3 * i + 1] * f[1] + normals[3 * i + 2] * f[2]);
                double k = ambient + (1 - ambient) * lambert;
                c = (int) ((c >> 16 & 0xFF) * k) << 16 | (int) ((c >> 8 & 0xFF) * k) << 8 | (int) ((c & 0xFF) * k);
            }
            float zf = (float) z;
            int id = instance[i];
            int y0 = Math.max(0, v - rad);
            int y1 = Math.min(h - 1, v + rad);
            int x0 = Math.max(0, u - rad);
            int x1 = Math.min(w - 1, u + rad);
            int[] halfWidth = disc ? DISC[rad] : null;
            for (int y = y0; y <= y1; y++) {
                int row = y * w;
                int xa = x0;
                int xb = x1;
                if (disc) {
                    int hw = halfWidth[y - v + rad];
                    xa = Math.max(x0, u - hw);
                    xb = Math.min(x1, u + hw);
                }
                for (int x = xa; x <= xb; x++) {
                    int p = row + x;
                    if (zf < depth[p]) {
                        depth[p] = zf;
                        colour[p] = c;
                        ids[p] = id;
                    }
                }
            }
        }
    }
}
