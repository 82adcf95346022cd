package io.r1kit.render;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameraTest {

    /** Eye 5 m in front (-y) of the origin, z up, 90 degree fov, 100x100: fy = 50 / tan(45°) = 50. */
    static Camera front() {
        return Camera.lookAt(new double[] {0, -5, 0}, new double[] {0, 0, 0}, Camera.Z_UP, 90, 100, 100);
    }

    @Test
    void intrinsicsFollowFromFieldOfViewAndSize() {
        Camera c = front();
        assertEquals(50, c.fy(), 1e-9);
        assertEquals(50, c.fx(), 1e-9);
        assertEquals(50, c.cx());
        assertEquals(50, c.cy());
        Camera wide = Camera.lookAt(new double[] {0, -5, 0}, new double[] {0, 0, 0}, Camera.Z_UP, 60, 640, 480);
        assertEquals(240 / Math.tan(Math.toRadians(30)), wide.fy(), 1e-9);
        assertEquals(320, wide.cx());
    }

    @Test
    void knownPointLandsOnHandComputedPixel() {
        // (1.02, 0, 0.52): depth 5, right +x gives 1.02, down -z gives -0.52;
        // u = 50 * 1.02 / 5 + 50 = 60.2, v = 50 * -0.52 / 5 + 50 = 44.8.
        Camera.Projection p = front().project(1.02, 0, 0.52);
        assertEquals(60.2, p.u(), 1e-9);
        assertEquals(44.8, p.v(), 1e-9);
        assertEquals(5, p.depth(), 1e-9);
        assertTrue(p.inImage(100, 100));
        assertTrue(front().project(0, -6, 0).depth() < 0, "a point behind the eye has negative depth");
    }

    @Test
    void orbitAndTopDownLookAtTheBoxCentre() {
        Box3 box = new Box3(1, 2, 1, 4, 2, 2);
        Camera o = Camera.orbit(box, 90, 0, 10, 60, 64, 64);
        assertArrayEquals(new double[] {1, 12, 1}, o.eye(), 1e-9);
        Camera.Projection centre = o.project(1, 2, 1);
        assertEquals(32, centre.u(), 1e-9);
        assertEquals(32, centre.v(), 1e-9);
        Camera top = Camera.topDown(box, 60, 64, 64);
        assertArrayEquals(new double[] {0, 0, -1}, top.forward(), 1e-9);
        // +y is image up, +x image right.
        assertTrue(top.project(1, 2.5, 1).v() < 32);
        assertTrue(top.project(1.5, 2, 1).u() > 32);
        // The footprint fits exactly: points just inside the corners of the box top are in the image.
        for (double x : new double[] {-0.99, 2.99}) {
            for (double y : new double[] {1.01, 2.99}) {
                assertTrue(top.project(x, y, 2).inImage(64, 64), x + "," + y);
            }
        }
    }

    @Test
    void fitKeepsEveryCornerInView() {
        Box3 box = new Box3(0, 0, 1.5f, 7.4f, 7.3f, 3.2f);
        for (int az = 0; az < 360; az += 45) {
            Camera c = Camera.fit(box, az, 40, 60, 200, 100);
            for (int k = 0; k < 8; k++) {
                Camera.Projection p = c.project((k & 1) == 0 ? box.minX() : box.maxX(),
                        (k & 2) == 0 ? box.minY() : box.maxY(), (k & 4) == 0 ? box.minZ() : box.maxZ());
                assertTrue(p.inImage(200, 100), "azimuth " + az + " corner " + k + ": " + p);
            }
        }
    }

    @Test
    void egoLooksAlongItsHeading() {
        Camera e = Camera.ego(1, 1, 1.6, 90, 0, 60, 64, 64);
        assertArrayEquals(new double[] {0, 1, 0}, e.forward(), 1e-9);
        assertEquals(3, e.project(1, 4, 1.6).depth(), 1e-9);
    }

    @Test
    void parseReadsTheCliCameraAndExplainsMistakes() {
        Camera c = Camera.parse("eye=0,-5,0; target=0,0,0; fov=90", 100, 100);
        assertEquals(60.2, c.project(1.02, 0, 0.52).u(), 1e-9);
        assertEquals("camera: needs eye=x,y,z and target=x,y,z, got 'eye=1,2,3'",
                assertThrows(IllegalArgumentException.class, () -> Camera.parse("eye=1,2,3", 10, 10)).getMessage());
        assertEquals("camera: eye needs three numbers x,y,z, got '1,2'",
                assertThrows(IllegalArgumentException.class, () -> Camera.parse("eye=1,2;target=0,0,0", 10, 10)).getMessage());
        assertEquals("camera: unknown key 'zoom' (keys: eye, target, up, fov)",
                assertThrows(IllegalArgumentException.class, () -> Camera.parse("zoom=2", 10, 10)).getMessage());
        assertEquals("camera: the view direction is parallel to up; pick another up vector",
                assertThrows(IllegalArgumentException.class,
                        () -> Camera.parse("eye=0,0,5;target=0,0,0", 10, 10)).getMessage());
    }
}
