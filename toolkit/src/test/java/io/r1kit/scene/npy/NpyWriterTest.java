package io.r1kit.scene.npy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.scene.npy.NpyBytes.dict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NpyWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheHeaderNumpyWrites() throws Exception {
        Path f = dir.resolve("a.npy");
        NpyWriter.write(f, NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        byte[] bytes = Files.readAllBytes(f);
        // Byte for byte what numpy.save writes for this array: data at offset 128, then 6 float32.
        assertEquals(128 + 24, bytes.length);
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        assertEquals(118, bytes[8]); // header length, little endian
        assertEquals(0, bytes[9]);
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n", header);
    }

    @Test
    void roundTripsEveryDtype() throws Exception {
        roundTrip(NpyArray.ofFloats(new float[] {-1.5f, 0f, 3.25e-8f, Float.MAX_VALUE}, 2, 2));
        roundTrip(NpyArray.ofDoubles(new double[] {Math.PI, -0.0, 1e-300}, 3));
        roundTrip(NpyArray.ofInts(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3, 1));
        roundTrip(NpyArray.ofLongs(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.UINT8, new long[] {0, 128, 255}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.UINT32, new long[] {0, 4_294_967_295L}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.parse("<i2"), new long[] {-32768, 32767}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.parse(">u2"), new long[] {65535, 1}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.parse("|i1"), new long[] {-128, 127}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.parse(">u8"), new long[] {1L << 62}));
        roundTrip(NpyArray.ofIntegers(NpyDtype.parse("|b1"), new long[] {1, 0}));
        roundTrip(NpyArray.ofFloats(new float[0], 0, 7));
    }

    @Test
    void rewritesFortranBigEndianFilesInCOrderLittleEndian() throws Exception {
        Path f = NpyBytes.write(dir.resolve("f.npy"), 1, dict(">f8", true, "(2, 3)"),
                NpyBytes.doubles(ByteOrder.BIG_ENDIAN, 1, 4, 2, 5, 3, 6));
        Path g = dir.resolve("g.npy");
        NpyWriter.write(g, NpyReader.read(f));
        NpyArray back = NpyReader.read(g);
        assertFalse(back.isFortranOrder());
        assertEquals(NpyDtype.FLOAT64, back.dtype());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, back.toDoubleArray());
    }

    @Test
    void factoriesCheckRangesAndShapes() {
        assertEquals("value 256 at 1 does not fit |u1", assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofIntegers(NpyDtype.UINT8, new long[] {0, 256})).getMessage());
        assertEquals("value -1 at 0 does not fit <u4", assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofIntegers(NpyDtype.UINT32, new long[] {-1})).getMessage());
        assertEquals("5 values do not fill shape (2, 3)", assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofFloats(new float[5], 2, 3)).getMessage());
    }

    private void roundTrip(NpyArray a) throws Exception {
        Path f = dir.resolve("rt.npy");
        NpyWriter.write(f, a);
        NpyArray b = NpyReader.read(f);
        assertEquals(a.dtype().withOrder(ByteOrder.LITTLE_ENDIAN), b.dtype());
        assertArrayEquals(a.shape(), b.shape());
        assertArrayEquals(a.toDoubleArray(), b.toDoubleArray());
        if (a.dtype().kind() != NpyDtype.Kind.FLOAT) {
            assertArrayEquals(a.toLongArray(), b.toLongArray());
        }
        assertEquals(0, (Files.size(f) - a.size() * a.dtype().size()) % 64, "data starts at a multiple of 64");
    }
}
