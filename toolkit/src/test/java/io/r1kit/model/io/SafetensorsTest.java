package io.r1kit.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsTest {

    @TempDir
    Path dir;

    private static final FloatTensor A = new FloatTensor(new long[] {2, 3}, new float[] {1, -2, 0.5f, 3.25f, -0f, 1024});
    private static final FloatTensor B = new FloatTensor(new long[] {3}, new float[] {0.1f, 1f / 3, -7});

    @Test
    void float32RoundTripsExactly() throws IOException {
        Path f = dir.resolve("m.safetensors");
        SafetensorsWriter.write(f, Map.of("a", A, "b", B), Dtype.F32, Map.of("format", "pt"));
        try (SafetensorsFile sf = SafetensorsFile.open(f)) {
            assertEquals(List.of("a", "b"), List.copyOf(sf.tensors().keySet()));
            assertEquals(Map.of("format", "pt"), sf.metadata());
            assertArrayEquals(A.data(), sf.floats("a"));
            assertArrayEquals(B.data(), sf.floats("b"));
            assertArrayEquals(new long[] {2, 3}, sf.info("a").orElseThrow().shape());
        }
        // 8 bytes length + header padded to 8 + 9 floats
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        assertEquals(8 + headerLength + 9 * 4, Files.size(f));
    }

    @Test
    void halfPrecisionRoundsToNearest() throws IOException {
        Path f16 = dir.resolve("h.safetensors");
        Path bf16 = dir.resolve("b.safetensors");
        SafetensorsWriter.write(f16, Map.of("b", B), Dtype.F16, Map.of());
        SafetensorsWriter.write(bf16, Map.of("b", B), Dtype.BF16, Map.of());
        try (SafetensorsFile h = SafetensorsFile.open(f16); SafetensorsFile b = SafetensorsFile.open(bf16)) {
            assertEquals(Dtype.F16, h.info("b").orElseThrow().dtype());
            // float16 of 0.1 is 0x2e66 = 0.0999755859375; of 1/3 is 0x3555 = 0.333251953125
            assertArrayEquals(new float[] {0.0999755859375f, 0.333251953125f, -7}, h.floats("b"));
            // bfloat16 keeps 8 mantissa bits: 0.1 -> 0.10009765625, 1/3 -> 0.333984375
            assertArrayEquals(new float[] {0.10009765625f, 0.333984375f, -7}, b.floats("b"));
        }
    }

    @Test
    void halfFloatBitPatterns() {
        assertEquals((short) 0x3c00, HalfFloats.floatToF16(1f));
        assertEquals((short) 0x7bff, HalfFloats.floatToF16(65504f));
        assertEquals((short) 0x7c00, HalfFloats.floatToF16(1e6f));
        assertEquals((short) 0x0001, HalfFloats.floatToF16(0x1p-24f)); // smallest subnormal
        assertEquals((short) 0xc000, HalfFloats.floatToF16(-2f));
        assertEquals(0x1p-24f, HalfFloats.f16ToFloat((short) 0x0001));
        assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1f));
        // 1 + 2^-8 lies halfway between bf16 1.0 and 1.0078125: ties to even keeps 1.0
        assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1f + 0x1p-8f));
        assertEquals(-2.5f, HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(-2.5f)));
    }

    @Test
    void integerTensorsReadAsLongs() throws IOException {
        Path f = dir.resolve("ids.safetensors");
        String header = "{\"ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"n\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[16,20]}}";
        ByteBuffer data = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-3).putInt(42);
        writeRaw(f, header, data.array());
        try (SafetensorsFile sf = SafetensorsFile.open(f)) {
            assertArrayEquals(new long[] {7, -3}, sf.longs("ids"));
            assertArrayEquals(new long[] {42}, sf.longs("n"));
            CheckpointException e = assertThrows(CheckpointException.class, () -> sf.floats("ids"));
            assertEquals("ids.safetensors: tensor ids is I64, not a float type", e.getMessage());
        }
    }

    @Test
    void unknownDtypeNamesTensorAndType() throws IOException {
        Path f = dir.resolve("u.safetensors");
        writeRaw(f, "{\"x\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsFile.open(f));
        assertEquals("u.safetensors: tensor x: unknown dtype F8_E4M3 (r1kit reads F32, F16, BF16, I64, I32)",
                e.getMessage());
    }

    @Test
    void truncatedFilesAreReported() throws IOException {
        Path f = dir.resolve("t.safetensors");
        SafetensorsWriter.write(f, Map.of("a", A), Dtype.F32, Map.of());
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 4));
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsFile.open(f));
        assertEquals("t.safetensors: truncated: tensor a ends at byte 24 of the data, which has 20", e.getMessage());
        Files.write(f, Arrays.copyOf(bytes, 20));
        e = assertThrows(CheckpointException.class, () -> SafetensorsFile.open(f));
        assertTrue(e.getMessage().startsWith("t.safetensors: truncated: header needs "), e.getMessage());
    }

    @Test
    void storeChecksShapesAndNames() throws IOException {
        SafetensorsWriter.writeCheckpoint(dir, Map.of("a", A), Dtype.F32, Long.MAX_VALUE);
        try (TensorStore store = TensorStore.open(dir)) {
            assertEquals(A, store.read("a", 2, 3));
            CheckpointException e = assertThrows(CheckpointException.class, () -> store.read("a", 3, 2));
            assertEquals("model.safetensors: tensor a: shape [2, 3], expected [3, 2]", e.getMessage());
            e = assertThrows(CheckpointException.class, () -> store.read("lm_head.weight", 3));
            assertEquals("model.safetensors: missing tensor lm_head.weight", e.getMessage());
        }
    }

    @Test
    void storeRefusesNonFiniteWeightsNamingTheTensor() throws IOException {
        float[] data = {1, Float.NaN, 3, Float.POSITIVE_INFINITY, 5, Float.NaN};
        SafetensorsWriter.writeCheckpoint(dir, Map.of("w", new FloatTensor(new long[] {2, 3}, data)), Dtype.F32,
                Long.MAX_VALUE);
        try (TensorStore store = TensorStore.open(dir)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> store.read("w", 2, 3));
            assertEquals("model.safetensors: tensor w holds 3 non-finite values (NaN or infinity; the first at index "
                    + "1): the file is damaged or the training that wrote it diverged", e.getMessage());
        }
    }

    @Test
    void shardedCheckpointRoundTrips() throws IOException {
        // 24 + 12 bytes with a 30-byte limit: two shards
        List<Path> files = SafetensorsWriter.writeCheckpoint(dir, Map.of("a", A, "b", B), Dtype.F32, 30);
        assertEquals(List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                "model.safetensors.index.json"), files.stream().map(p -> p.getFileName().toString()).toList());
        try (TensorStore store = TensorStore.open(dir)) {
            assertEquals(List.of("a", "b"), List.copyOf(store.names()));
            assertEquals(B, store.read("b", 3));
            assertEquals(A, store.read("a", 2, 3));
        }
        Files.delete(dir.resolve("model-00002-of-00002.safetensors"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorStore.open(dir));
        assertEquals("model.safetensors.index.json: shard model-00002-of-00002.safetensors (of b) is missing",
                e.getMessage());
    }

    @Test
    void emptyDirectoryIsReported() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorStore.open(dir));
        assertEquals(dir.getFileName() + ": no model.safetensors or model.safetensors.index.json in this directory",
                e.getMessage());
    }

    private static void writeRaw(Path f, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        Files.write(f, b.array());
    }
}
