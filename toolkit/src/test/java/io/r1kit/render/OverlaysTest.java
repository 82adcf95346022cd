package io.r1kit.render;

import io.r1kit.scene.Box3;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverlaysTest {

    /** Camera 5 m in front of the origin, 90 degree fov, 400x400: fy = 200, centre (200, 200). */
    private static Camera front400() {
        return Camera.lookAt(new double[] {0, -5, 0}, new double[] {0, 0, 0}, Camera.Z_UP, 90, 400, 400);
    }

    private static RenderedView empty(Camera c) {
        // One point far behind the camera: nothing is drawn, the image stays background white.
        return PointRendererTest.points(new float[][] {{0, -50, 0, 0}}, new int[] {1})
                .render(c, RenderOptions.defaults());
    }

    private static boolean reddish(int rgb) {
        return (rgb >> 16 & 0xFF) > 180 && (rgb >> 8 & 0xFF) < 140 && (rgb & 0xFF) < 160;
    }

    @Test
    void boxCornersProjectWhereExpected() {
        // Box [-1, 1] x [-1, 1] x [-1, 1]: its front face (y = -1, depth 4) spans u, v = 200 -+ 200 * 1/4,
        // i.e. corners (150, 150) .. (250, 250); the back face (depth 6) spans 200 -+ 33.3.
        Box3 box = new Box3(0, 0, 0, 2, 2, 2);
        Camera c = front400();
        Camera.Projection p = c.project(box.minX(), box.minY(), box.maxZ());
        assertEquals(150, p.u(), 1e-9);
        assertEquals(150, p.v(), 1e-9);
        BufferedImage img = Overlays.boxes(empty(c), List.of(new SceneObject(1, "cube", -1, box, new int[0])));
        int hits = 0;
        for (int[] corner : new int[][] {{150, 150}, {250, 150}, {150, 250}, {250, 250}, {167, 167}, {233, 233}}) {
            boolean near = false;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    near |= reddish(img.getRGB(corner[0] + dx, corner[1] + dy));
                }
            }
            hits += near ? 1 : 0;
        }
        assertEquals(6, hits, "every projected corner is on a drawn edge");
        // Inside the front face, off every edge, nothing is drawn; the box colour is the palette's first.
        assertEquals(0xFFFFFF, img.getRGB(200, 230) & 0xFFFFFF);
        assertEquals(Map.of("cube", 0xE6194B), Palette.forLabels(List.of("cube")));
    }

    @Test
    void edgesBehindTheCameraAreClippedNotMirrored() {
        double[] in = {2, 1, 5};
        double[] out = {-2, -1, -5};
        assertArrayEquals(new double[] {0.2, 0.1, 0.5}, BoxWireframe.clip(in, out, 0.5), 1e-12);
        BufferedImage img = empty(front400()).image();
        var g = img.createGraphics();
        Box3 behind = new Box3(0, -10, 0, 1, 1, 1);
        assertNull(BoxWireframe.draw(g, front400(), behind, java.awt.Color.RED, 1, 0.05));
        // A box around the eye: only its parts in front are drawn, toward the image border.
        Box3 around = new Box3(0, -5, 0, 4, 4, 4);
        double[] top = BoxWireframe.draw(g, front400(), around, java.awt.Color.RED, 1, 0.05);
        assertTrue(top != null && top[1] < 0, "edges leave the image upward: " + java.util.Arrays.toString(top));
        g.dispose();
        assertEquals(0xFFFFFF, img.getRGB(200, 200) & 0xFFFFFF, "no mirrored edge crosses the centre");
    }

    @Test
    void highlightKeepsTheObjectAndDimsTheRest() {
        RenderedView v = PointRendererTest.points(new float[][] {{-1, 0, 0, 0x204080}, {1, 0, 0, 0x204080}},
                new int[] {1, 2}).render(front400(), RenderOptions.defaults().withShading(false).withRadiusRange(0, 0));
        SceneObject one = new SceneObject(1, "vase", -1, new Box3(-1, 0, 0, 0.2f, 0.2f, 0.2f), new int[0]);
        BufferedImage img = Overlays.highlight(v, one);
        assertEquals(0x204080, img.getRGB(160, 200) & 0xFFFFFF);  // u = 200 - 200/5 = 160
        // 0x20 * 0.25 + 255 * 0.75 = 199.25 -> 199; 0x40 -> 207.25 -> 207; 0x80 -> 223.25 -> 223
        assertEquals(199 << 16 | 207 << 8 | 223, img.getRGB(240, 200) & 0xFFFFFF);
        assertEquals(Overlays.dim(0xFFFFFF), img.getRGB(5, 395) & 0xFFFFFF);
    }

    @Test
    void gridPlacesImagesWithCaptions() {
        BufferedImage a = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        BufferedImage grid = ViewGrid.grid(List.of(a, a, a), List.of("a", "b", "c"), 2);
        assertEquals(2 * 40 + 3 * 4, grid.getWidth());
        assertTrue(grid.getHeight() > 2 * 30 + 3 * 4, "room for two rows of captions");
        assertEquals(0, grid.getRGB(4 + 20, 4 + 15) & 0xFFFFFF, "the first image sits at the first cell");
        assertEquals(3 * 40 + 4 * 4, ViewGrid.strip(List.of(a, a, a), List.of("a", "b", "c")).getWidth());
    }
}
