package io.r1kit.scene.scannet;

import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.npy.NpyArray;
import io.r1kit.scene.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A float64 that is finite yet overflows float32 (1e300) is refused naming the file, in boxes and in points. */
class ScanNetFloat64Test {

    private final ScanNetNpyLoader loader = new ScanNetNpyLoader();

    @TempDir
    Path dir;

    @Test
    void aHugeBoxValueIsRefusedWithTheFile() throws Exception {
        NpyWriter.write(dir.resolve("s_vert.npy"), NpyArray.ofFloats(ScanNetNpyLoaderTest.POINTS, 6, 6));
        NpyWriter.write(dir.resolve("s_bbox.npy"), NpyArray.ofDoubles(new double[] {0, 0, 1e300, 1, 1, 1, 3}, 1, 7));
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> loader.load(dir.resolve("s")));
        assertEquals("s_bbox.npy: row 0, column 2 is 1.0E300, beyond the float32 range (+-3.4e38)", e.getMessage());
        assertEquals(dir.resolve("s_bbox.npy"), e.file());
    }

    @Test
    void aHugePointValueIsRefusedWithTheFile() throws Exception {
        double[] points = new double[36];
        points[13] = -1e300;
        NpyWriter.write(dir.resolve("p_vert.npy"), NpyArray.ofDoubles(points, 6, 6));
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> loader.load(dir.resolve("p")));
        assertEquals("p_vert.npy: row 2, column 1 is -1.0E300, beyond the float32 range (+-3.4e38)", e.getMessage());
    }

    @Test
    void theLargestFloat32StillLoads() throws Exception {
        double[] points = new double[36];
        points[0] = Float.MAX_VALUE;
        NpyWriter.write(dir.resolve("m_vert.npy"), NpyArray.ofDoubles(points, 6, 6));
        assertEquals(Float.MAX_VALUE, loader.load(dir.resolve("m")).points().x(0));
    }
}
