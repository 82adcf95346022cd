package io.r1kit.scene.npy;

import io.r1kit.SharedData;
import io.r1kit.scene.SceneFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.scene.npy.NpyBytes.dict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyReaderTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    @Test
    void readsTheRealScanNetFiles() throws Exception {
        NpyArray vert = NpyReader.read(SharedData.path("scannet/scene0000_02_vert.npy"));
        assertEquals(NpyDtype.FLOAT32, vert.dtype());
        assertArrayEquals(new int[] {50_000, 6}, vert.shape());
        assertFalse(vert.isFortranOrder());
        float[] v = vert.toFloatArray();
        // First row as printed by numpy: [-3.3927393, 1.2270247, 2.5039315, 130., 118., 95.]
        assertArrayEquals(new float[] {-3.3927393f, 1.2270247f, 2.5039315f, 130f, 118f, 95f}, java.util.Arrays.copyOf(v, 6));

        NpyArray bbox = NpyReader.read(SharedData.path("scannet/scene0000_02_bbox.npy"));
        assertEquals(NpyDtype.FLOAT64, bbox.dtype());
        assertEquals(28, bbox.rows());
        assertEquals(7, bbox.cols());
        assertEquals(2.563316822052002, bbox.getDouble(0));
        assertEquals(3.0, bbox.getDouble(6));

        NpyArray ins = NpyReader.read(SharedData.path("scannet/scene0000_02_ins_label.npy"));
        assertEquals(NpyDtype.UINT32, ins.dtype());
        assertEquals(1000, ins.rows());
        assertEquals(1, ins.cols());
    }

    @Test
    void bigEndianIntegersAndFloats() throws Exception {
        NpyArray i2 = NpyReader.read(NpyBytes.write(dir.resolve("a.npy"), 1, dict(">i2", false, "(3,)"),
                NpyBytes.ints(BE, 2, -2, 7, 300)));
        assertArrayEquals(new int[] {-2, 7, 300}, i2.toIntArray());
        NpyArray u2 = NpyReader.read(NpyBytes.write(dir.resolve("b.npy"), 1, dict(">u2", false, "(2,)"),
                NpyBytes.ints(BE, 2, 65535, 1)));
        assertArrayEquals(new long[] {65535, 1}, u2.toLongArray());
        NpyArray f8 = NpyReader.read(NpyBytes.write(dir.resolve("c.npy"), 1, dict(">f8", false, "(2,)"),
                NpyBytes.doubles(BE, 0.1, -1e300)));
        assertArrayEquals(new double[] {0.1, -1e300}, f8.toDoubleArray());
        NpyArray u8 = NpyReader.read(NpyBytes.write(dir.resolve("d.npy"), 1, dict("<u8", false, "(1,)"),
                NpyBytes.ints(LE, 8, -1L)));
        assertEquals(18446744073709551615.0, u8.toDoubleArray()[0]);
        ArithmeticException e = assertThrows(ArithmeticException.class, u8::toLongArray);
        assertEquals("element 0 = 18446744073709551615 does not fit a long", e.getMessage());
    }

    @Test
    void fortranOrderIsHiddenByTheAccessors() throws Exception {
        // 2 x 3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column.
        NpyArray a = NpyReader.read(NpyBytes.write(dir.resolve("f.npy"), 1, dict("<i4", true, "(2, 3)"),
                NpyBytes.ints(LE, 4, 1, 4, 2, 5, 3, 6)));
        assertTrue(a.isFortranOrder());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, a.toIntArray());
        // 2 x 2 x 2 with element (i, j, k) = 100i + 10j + k, column-major: i varies fastest.
        NpyArray b = NpyReader.read(NpyBytes.write(dir.resolve("g.npy"), 1, dict(">f4", true, "(2, 2, 2)"),
                NpyBytes.floats(BE, 0, 100, 10, 110, 1, 101, 11, 111)));
        assertArrayEquals(new float[] {0, 1, 10, 11, 100, 101, 110, 111}, b.toFloatArray());
        assertEquals("index (1, 0, 1)", b.position(5));
    }

    @Test
    void versionsTwoAndThree() throws Exception {
        NpyArray v2 = NpyReader.read(NpyBytes.write(dir.resolve("v2.npy"), 2, dict("<f4", false, "(2,)"),
                NpyBytes.floats(LE, 1.5f, -2.5f)));
        assertArrayEquals(new float[] {1.5f, -2.5f}, v2.toFloatArray());
        // Version 3.0 headers are UTF-8; python writes extra spacing freely.
        NpyArray v3 = NpyReader.read(NpyBytes.write(dir.resolve("v3.npy"), 3,
                "{\"descr\":\"<i8\",\"shape\":(2L,),\"fortran_order\":False}   ", NpyBytes.ints(LE, 8, 5, -9)));
        assertArrayEquals(new long[] {5, -9}, v3.toLongArray());
    }

    @Test
    void scalarsHalfFloatsBooleansAndNativeOrder() throws Exception {
        NpyArray scalar = NpyReader.read(NpyBytes.write(dir.resolve("s.npy"), 1, dict("<f8", false, "()"),
                NpyBytes.doubles(LE, 42.25)));
        assertEquals(0, scalar.ndim());
        assertEquals(1, scalar.size());
        assertEquals(42.25, scalar.toDoubleArray()[0]);
        assertThrows(IllegalStateException.class, scalar::rows);

        // 0x3C00 = 1, 0xC000 = -2, 0x7C00 = +inf, 0x0001 = 2^-24 (smallest subnormal), 0x3555 = 0.333251953125
        NpyArray half = NpyReader.read(NpyBytes.write(dir.resolve("h.npy"), 1, dict(">f2", false, "(5,)"),
                NpyBytes.ints(BE, 2, 0x3C00, 0xC000, 0x7C00, 0x0001, 0x3555)));
        assertArrayEquals(new float[] {1f, -2f, Float.POSITIVE_INFINITY, 0x1p-24f, 0.333251953125f}, half.toFloatArray());
        assertEquals(2, half.firstNonFinite());

        NpyArray bool = NpyReader.read(NpyBytes.write(dir.resolve("b.npy"), 1, dict("|b1", false, "(3,)"),
                new byte[] {1, 0, 1}));
        assertArrayEquals(new int[] {1, 0, 1}, bool.toIntArray());

        NpyArray i1 = NpyReader.read(NpyBytes.write(dir.resolve("i1.npy"), 1, dict("|i1", false, "(2,)"),
                new byte[] {-128, 127}));
        assertArrayEquals(new int[] {-128, 127}, i1.toIntArray());

        NpyArray nat = NpyReader.read(NpyBytes.write(dir.resolve("n.npy"), 1, dict("=u4", false, "(1,)"),
                NpyBytes.ints(ByteOrder.nativeOrder(), 4, 4_000_000_000L)));
        assertArrayEquals(new long[] {4_000_000_000L}, nat.toLongArray());
        ArithmeticException e = assertThrows(ArithmeticException.class, nat::toIntArray);
        assertEquals("element 0 = 4000000000 does not fit an int", e.getMessage());
    }

    @Test
    void floatsConvertToIntegersOnlyWhenWhole() throws Exception {
        NpyArray a = NpyArray.ofDoubles(new double[] {3, -7, 2.5, 1e12}, 2, 2);
        assertArrayEquals(new long[] {3, -7}, NpyArray.ofDoubles(new double[] {3, -7}).toLongArray());
        ArithmeticException e = assertThrows(ArithmeticException.class, a::toIntArray);
        assertEquals("row 1, column 0 = 2.5 is not a whole number", e.getMessage());
        ArithmeticException big = assertThrows(ArithmeticException.class,
                NpyArray.ofDoubles(new double[] {1e12})::toIntArray);
        assertEquals("element 0 = 1.0E12 does not fit an int", big.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        Path f = Files.write(dir.resolve("empty.npy"), new byte[0]);
        assertProblem("empty.npy: file is empty (expected a NumPy .npy array)", f);
    }

    @Test
    void badMagic() throws Exception {
        Path f = Files.writeString(dir.resolve("text.npy"), "x,y,z\n1,2,3\n");
        assertProblem("text.npy: not a NumPy .npy file (it does not start with \\x93NUMPY)", f);
    }

    @Test
    void unsupportedVersion() throws Exception {
        Path f = NpyBytes.write(dir.resolve("v4.npy"), 4, dict("<f4", false, "(1,)"), NpyBytes.floats(LE, 1));
        assertProblem("v4.npy: unsupported .npy format version 4.0 (1.0, 2.0 and 3.0 are read)", f);
    }

    @Test
    void malformedHeaders() throws Exception {
        assertProblem("h1.npy: malformed header (expected ':' at character 9): {'descr' '<f4'}",
                NpyBytes.write(dir.resolve("h1.npy"), 1, "{'descr' '<f4'}", new byte[0]));
        assertProblem("h2.npy: header must hold exactly the keys descr, fortran_order and shape: {'descr': '<f4', 'shape': (1,)}",
                NpyBytes.write(dir.resolve("h2.npy"), 1, "{'descr': '<f4', 'shape': (1,)}", new byte[4]));
        assertProblem("h3.npy: malformed header (a shape entry is not a non-negative integer at character 51): "
                        + "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }",
                NpyBytes.write(dir.resolve("h3.npy"), 1, dict("<f4", false, "(-1,)"), new byte[4]));
    }

    @Test
    void unsupportedDtypes() throws Exception {
        String supported = " (numeric dtypes b1, i1, u1, i2, u2, i4, u4, i8, u8, f2, f4, f8 are supported)";
        assertProblem("u.npy: unsupported dtype '<U10'" + supported,
                NpyBytes.write(dir.resolve("u.npy"), 1, dict("<U10", false, "(1,)"), new byte[40]));
        assertProblem("o.npy: unsupported dtype '|O'" + supported,
                NpyBytes.write(dir.resolve("o.npy"), 1, dict("|O", false, "(1,)"), new byte[8]));
        assertProblem("c.npy: unsupported dtype '<c16'" + supported,
                NpyBytes.write(dir.resolve("c.npy"), 1, dict("<c16", false, "(1,)"), new byte[16]));
        assertProblem("st.npy: unsupported dtype: structured arrays (descr is a list of fields)",
                NpyBytes.write(dir.resolve("st.npy"), 1,
                        "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]));
    }

    @Test
    void dataShorterOrLongerThanTheShape() throws Exception {
        assertProblem("t.npy: data is truncated: shape (100, 6) of <f4 needs 2,400 bytes, found 2,396",
                NpyBytes.write(dir.resolve("t.npy"), 1, dict("<f4", false, "(100, 6)"), new byte[2396]));
        assertProblem("x.npy: 3 bytes after the data: shape (2,) of <i4 needs 8 bytes, found 11",
                NpyBytes.write(dir.resolve("x.npy"), 1, dict("<i4", false, "(2,)"), new byte[11]));
        Path header = Files.write(dir.resolve("hdr.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0, '{'});
        assertProblem("hdr.npy: header of 100 bytes runs past the end of the file (11 bytes)", header);
    }

    @Test
    void readFiniteNamesTheFirstBadValue() throws Exception {
        Path f = NpyBytes.write(dir.resolve("nan.npy"), 1, dict("<f4", false, "(2, 3)"),
                NpyBytes.floats(LE, 1, 2, 3, 4, 5, Float.NaN));
        assertEquals(6, NpyReader.read(f).size());
        assertEquals("nan.npy: row 1, column 2 is NaN (finite values expected)",
                assertThrows(SceneFormatException.class, () -> NpyReader.readFinite(f)).getMessage());
    }

    private static void assertProblem(String message, Path file) {
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> NpyReader.read(file));
        assertEquals(message, e.getMessage());
        assertEquals(file, e.file());
    }
}
