package io.r1kit.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged safetensors headers and shard indexes end as one line naming the file, never a Java exception. */
class SafetensorsHostileTest {

    @TempDir
    Path dir;

    private static final String A = "\"a\": {\"dtype\": \"F32\", \"shape\": [2, 3], \"data_offsets\": [0, 24]}";

    private String refusal(String header, int dataBytes) throws IOException {
        Path f = dir.resolve("m.safetensors");
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Files.write(f, b.array());
        String m = assertThrows(CheckpointException.class, () -> SafetensorsFile.open(f).close()).getMessage();
        assertTrue(m.startsWith("m.safetensors: ") && !m.contains("\n") && m.length() < 240, m);
        return m;
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() throws IOException {
        String deep = "{" + A + ", \"b\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertEquals("m.safetensors: header: invalid JSON at line 1, column 74: arrays and objects nest more than 3 deep",
                refusal(deep, 24));
    }

    @Test
    void keysOfTheWrongTypeAreNamed() throws IOException {
        assertEquals("m.safetensors: header: __metadata__ is null, expected a JSON object",
                refusal("{\"__metadata__\": null, " + A + "}", 24));
        assertEquals("m.safetensors: header: __metadata__.format is 1, expected a string",
                refusal("{\"__metadata__\": {\"format\": 1}, " + A + "}", 24));
        assertEquals("m.safetensors: header: tensor a: data_offsets[0] is \"x\", expected a whole number from 0 to "
                + Long.MAX_VALUE, refusal("{" + A.replace("[0, 24]", "[\"x\", 24]") + "}", 24));
        assertEquals("m.safetensors: tensor a: shape is 6, expected an array of at most 16 dimensions",
                refusal("{" + A.replace("[2, 3]", "6") + "}", 24));
        assertEquals("m.safetensors: header: tensor a: shape[1] is 3.5, expected a whole number from 0 to "
                + Long.MAX_VALUE, refusal("{" + A.replace("[2, 3]", "[2, 3.5]") + "}", 24));
        assertEquals("m.safetensors: tensor a: data_offsets is an array, expected [begin, end]",
                refusal("{" + A.replace("[0, 24]", "[0, 24, 48]") + "}", 24));
        assertEquals("m.safetensors: header: tensor b is \"x\", expected a JSON object",
                refusal("{" + A + ", \"b\": \"x\"}", 24));
    }

    @Test
    void overlappingTensorsAreRefused() throws IOException {
        String b = "\"b\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [12, 24]}";
        assertEquals("m.safetensors: tensors a [0, 24) and b [12, 24) overlap in the data",
                refusal("{" + A + ", " + b + "}", 24));
    }

    @Test
    void aHeaderThatIsNotUtf8IsRefused() throws IOException {
        Path f = dir.resolve("m.safetensors");
        byte[] json = ("{" + A + "}").getBytes(StandardCharsets.UTF_8);
        json[3] = (byte) 0xC3;
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 24).order(ByteOrder.LITTLE_ENDIAN);
        Files.write(f, b.putLong(json.length).put(json).array());
        assertEquals("m.safetensors: header: not UTF-8 text (byte 3 is not part of a UTF-8 character)",
                assertThrows(CheckpointException.class, () -> SafetensorsFile.open(f)).getMessage());
    }

    @Test
    void aTensorOverTwoGigabytesIsRefusedWithTheFile() throws IOException {
        long bytes = 600_000_000L * 4;
        String header = "{\"big\": {\"dtype\": \"F32\", \"shape\": [600000000], \"data_offsets\": [0, " + bytes + "]}}";
        Path f = dir.resolve("big.safetensors");
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            raf.write(json);
            raf.setLength(8 + json.length + bytes); // sparse: nothing is written
        }
        try (SafetensorsFile sf = SafetensorsFile.open(f)) {
            assertEquals("big.safetensors: tensor big [600000000] is 2400000000 bytes; r1kit reads tensors of at most"
                    + " 2 GiB (2,147,483,647 bytes)", assertThrows(CheckpointException.class, () -> sf.floats("big")).getMessage());
        }
    }

    @Test
    void shardsOutsideTheCheckpointFolderAreRefused() throws IOException {
        Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
        SafetensorsWriter.write(dir.resolve("outside.safetensors"), Map.of("a",
                new FloatTensor(new long[] {1}, new float[] {1})), Dtype.F32, Map.of());
        for (String shard : new String[] {"../outside.safetensors", dir.resolve("outside.safetensors").toString(),
                "sub/../../outside.safetensors", ".."}) {
            Files.writeString(ckpt.resolve("model.safetensors.index.json"),
                    "{\"weight_map\": {\"a\": \"" + shard + "\"}}");
            String m = assertThrows(CheckpointException.class, () -> TensorStore.open(ckpt)).getMessage();
            assertEquals("model.safetensors.index.json: shard \"" + shard + "\" is not a file name inside the checkpoint"
                    + " folder", m);
        }
        Files.writeString(ckpt.resolve("model.safetensors.index.json"), "{\"weight_map\": {\"a\": 7}}");
        String m = assertThrows(CheckpointException.class, () -> TensorStore.open(ckpt)).getMessage();
        assertEquals("model.safetensors.index.json: is not a safetensors index: weight_map.a is 7, expected a string", m);
        assertFalse(m.contains("Exception"), m);
    }
}
