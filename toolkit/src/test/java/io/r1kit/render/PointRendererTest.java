package io.r1kit.render;

import io.r1kit.SharedData;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.load.Scenes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointRendererTest {

    private static final RenderOptions ONE_PIXEL = RenderOptions.defaults().withRadiusRange(0, 0).withShading(false);

    /** A renderer for points {x, y, z, packed rgb} with instance ids. */
    static PointRenderer points(float[][] pts, int[] ids) {
        float[] xyz = new float[pts.length * 3];
        float[] rgb = new float[pts.length * 3];
        for (int i = 0; i < pts.length; i++) {
            System.arraycopy(pts[i], 0, xyz, 3 * i, 3);
            int c = (int) pts[i][3];
            rgb[3 * i] = (c >> 16 & 0xFF) / 255f;
            rgb[3 * i + 1] = (c >> 8 & 0xFF) / 255f;
            rgb[3 * i + 2] = (c & 0xFF) / 255f;
        }
        return PointRenderer.of(new PointCloud(xyz, rgb, null), ids);
    }

    @Test
    void knownPointFillsTheHandComputedPixel() {
        // See CameraTest: (1.02, 0, 0.52) lands at u 60.2, v 44.8, depth 5 -> pixel (60, 44).
        RenderedView v = points(new float[][] {{1.02f, 0, 0.52f, 0xFF0000}}, new int[] {7}).render(CameraTest.front(), ONE_PIXEL);
        assertEquals(1, v.filledPixels());
        assertEquals(0xFF0000, v.rgb(60, 44));
        assertEquals(5f, v.depth(60, 44), 1e-6f);
        assertEquals(7, v.instanceAt(60, 44));
        assertEquals(Map.of(7, 1), v.visiblePixels());
        assertEquals(Float.POSITIVE_INFINITY, v.depth(0, 0));
        assertEquals(PointInstances.NONE, v.instanceAt(0, 0));
        assertEquals(0xFFFFFF, v.rgb(0, 0));
        assertTrue(v.toHtml().startsWith("<figure style=\"margin:0\"><img src=\"data:image/png;base64,iVBOR"), v.toHtml());
        assertTrue(v.toHtml().endsWith("100x100, 0.0% of pixels filled, 1 objects visible; camera "
                + "eye=0.000,-5.000,0.000;target=0.000,0.000,0.000;fov=90.0 (100x100)</figcaption></figure>"), v.toHtml());
    }

    @Test
    void zBufferKeepsTheNearerPointInEitherOrder() {
        float[] near = {0, 0, 0, 0xFF0000};
        float[] far = {0, 2, 0, 0x0000FF};
        for (float[][] order : new float[][][] {{near, far}, {far, near}}) {
            int[] ids = order[0] == near ? new int[] {1, 2} : new int[] {2, 1};
            RenderedView v = points(order, ids).render(CameraTest.front(), RenderOptions.defaults().withShading(false));
            assertEquals(0xFF0000, v.rgb(50, 50));
            assertEquals(5f, v.depth(50, 50), 1e-6f);
            assertEquals(1, v.instanceAt(50, 50));
        }
    }

    @Test
    void depthGrowsWithDistance() {
        float previous = 0;
        for (float y = -4; y <= 20; y += 3) {
            RenderedView v = points(new float[][] {{0.01f, y, 0.01f, 0x808080}}, new int[] {1}).render(CameraTest.front(), ONE_PIXEL);
            float d = v.depth(50, 49);
            assertEquals(y + 5, d, 1e-5f);
            assertTrue(d > previous, "depth " + d + " after " + previous);
            previous = d;
        }
    }

    @Test
    void splatRadiusShrinksWithDepth() {
        // pointRadius 0.1 m, fy 50: radius round(5 / depth) px -> 5 px at depth 1, 1 px at depth 5.
        RenderOptions o = RenderOptions.defaults().withPointRadius(0.1).withRadiusRange(0, 10).withShading(false);
        assertEquals(5, o.radiusAt(1, 50));
        assertEquals(1, o.radiusAt(5, 50));
        PointRenderer r = points(new float[][] {{0, 0, 0, 0}}, new int[] {1});
        Camera near = Camera.lookAt(new double[] {0, -1, 0}, new double[] {0, 0, 0}, Camera.Z_UP, 90, 100, 100);
        RenderedView atOne = r.render(near, o.withShape(RenderOptions.SplatShape.SQUARE));
        RenderedView atFive = r.render(CameraTest.front(), o.withShape(RenderOptions.SplatShape.SQUARE));
        assertEquals(11 * 11, atOne.filledPixels());
        assertEquals(3 * 3, atFive.filledPixels());
        // A disc of radius 5 keeps the pixels with dx^2 + dy^2 <= 5^2 + 5.
        int disc = 0;
        for (int dy = -5; dy <= 5; dy++) {
            for (int dx = -5; dx <= 5; dx++) {
                disc += dx * dx + dy * dy <= 30 ? 1 : 0;
            }
        }
        assertEquals(disc, r.render(near, o).filledPixels());
        assertEquals(0, r.render(near, o.withRadiusRange(0, 0).withPointRadius(0)).filledPixels() - 1);
    }

    @Test
    void shadingDimsSurfacesSeenEdgeOn() {
        float[] xyz = {0, 0, 0, 0.32f, 0, 0};
        float[] rgb = {1, 1, 1, 1, 1, 1};
        float[] normals = {0, 1, 0, 1, 0, 0};  // facing the camera, and edge-on
        PointRenderer r = PointRenderer.of(new PointCloud(xyz, rgb, normals), new int[] {1, 2});
        RenderedView v = r.render(CameraTest.front(), ONE_PIXEL.withShading(true).withBackground(0));
        assertEquals(0xFFFFFF, v.rgb(50, 50));
        int edgeOn = (int) (255 * RenderOptions.defaults().ambient());
        assertEquals(edgeOn << 16 | edgeOn << 8 | edgeOn, v.rgb(53, 50));
    }

    @Test
    void withoutLabelsAPointTakesTheSmallestBoxAroundIt() {
        float[] xyz = {0.1f, 0.1f, 0.1f, 1.5f, 1.5f, 1.5f, 5, 5, 5};
        Scene s = Scene.builder("nested").points(new PointCloud(xyz, new float[9], null))
                .addObject(new SceneObject(1, "table", -1, new Box3(1, 1, 1, 4, 4, 4), new int[0]))
                .addObject(new SceneObject(2, "cup", -1, new Box3(0, 0, 0, 0.5f, 0.5f, 0.5f), new int[0]))
                .build();
        assertArrayEquals(new int[] {2, 1, PointInstances.NONE}, PointInstances.of(s));
        Scene labelled = s.toBuilder().instanceLabels(new int[] {1, 0, 9}).build();
        assertArrayEquals(new int[] {1, PointInstances.NONE, PointInstances.NONE}, PointInstances.of(labelled));
    }

    @Test
    void aPointSubsetKeepsItsObjects() {
        float[] xyz = {0.1f, 0.1f, 0.1f, 1.5f, 1.5f, 1.5f, 5, 5, 5};
        Scene s = Scene.builder("three").points(new PointCloud(xyz, new float[9], null))
                .addObject(new SceneObject(4, "table", -1, new Box3(1, 1, 1, 4, 4, 4), new int[0]))
                .build();
        PointRenderer r = PointRenderer.of(s, new int[] {2, 1});
        assertEquals(2, r.size());
        assertEquals(PointInstances.NONE, r.instanceOf(0));
        assertEquals(4, r.instanceOf(1));
    }

    @Test
    void realScanFillsASensibleShareOfTheImage() throws Exception {
        Scene scan = Scenes.load(SharedData.path("scannet/scene0000_02_vert.npy"));
        RenderedView v = PointRenderer.of(scan).render(Camera.fit(scan.bounds(), 30, 45, 60, 256, 256), RenderOptions.defaults());
        assertTrue(v.filledFraction() > 0.15 && v.filledFraction() < 0.6, "filled " + v.filledFraction());
        // The scan has boxes but no usable point labels: pixels get objects from the boxes.
        assertTrue(v.visiblePixels().size() > 20, "objects seen: " + v.visiblePixels());
        // Near = bright: the colour-mapped depth of the nearest filled pixel is viridis' bright end.
        float min = Float.POSITIVE_INFINITY;
        int at = -1;
        float[] d = v.depthArray();
        for (int i = 0; i < d.length; i++) {
            if (d[i] < min) {
                min = d[i];
                at = i;
            }
        }
        assertEquals(0xFDE725, v.depthImage().getRGB(at % 256, at / 256) & 0xFFFFFF);
        assertEquals(0, v.depthImage().getRGB(0, 0) & 0xFFFFFF);
    }
}
