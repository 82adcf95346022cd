package io.r1kit.model.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes float tensors as safetensors: one file, or shards plus {@code model.safetensors.index.json}
 * in the Hugging Face layout. Values are narrowed to the chosen dtype (F32, F16 or BF16) with
 * round-to-nearest-even; the header is padded with spaces to a multiple of 8 bytes so that the
 * data is aligned.
 */
public final class SafetensorsWriter {

    /** The single-file name of a Hugging Face checkpoint. */
    public static final String SINGLE_FILE = "model.safetensors";
    /** The index file of a sharded checkpoint. */
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private SafetensorsWriter() {}

    /**
     * Writes {@code tensors} (in name order) to {@code file}.
     *
     * @param metadata strings stored under {@code __metadata__}, e.g. {@code {"format": "pt"}}
     */
    public static void write(Path file, Map<String, FloatTensor> tensors, Dtype dtype,
                             Map<String, String> metadata) throws IOException {
        if (!dtype.isFloat()) {
            throw new IllegalArgumentException("float tensors are written as F32, F16 or BF16, not " + dtype);
        }
        Map<String, FloatTensor> sorted = new TreeMap<>(tensors);
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : sorted.entrySet()) {
            long bytes = (long) e.getValue().data().length * dtype.bytes();
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", dtype.name());
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + bytes);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (FloatTensor t : sorted.values()) {
                out.write(encode(t.data(), dtype));
            }
        }
    }

    /**
     * Writes a checkpoint's tensors into {@code dir}: one {@value #SINGLE_FILE} when they fit in
     * {@code maxShardBytes}, else {@code model-00001-of-0000N.safetensors} shards and {@value #INDEX_FILE}.
     *
     * @return the files written
     */
    public static List<Path> writeCheckpoint(Path dir, Map<String, FloatTensor> tensors, Dtype dtype,
                                             long maxShardBytes) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, FloatTensor>> shards = new ArrayList<>();
        Map<String, FloatTensor> current = new LinkedHashMap<>();
        long currentBytes = 0;
        long total = 0;
        for (Map.Entry<String, FloatTensor> e : new TreeMap<>(tensors).entrySet()) {
            long bytes = (long) e.getValue().data().length * dtype.bytes();
            if (!current.isEmpty() && currentBytes + bytes > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                currentBytes = 0;
            }
            current.put(e.getKey(), e.getValue());
            currentBytes += bytes;
            total += bytes;
        }
        shards.add(current);
        Map<String, String> metadata = Map.of("format", "pt");
        if (shards.size() == 1) {
            Path file = dir.resolve(SINGLE_FILE);
            write(file, shards.get(0), dtype, metadata);
            return List.of(file);
        }
        List<Path> files = new ArrayList<>();
        JsonObject weightMap = new JsonObject();
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            Path file = dir.resolve(name);
            write(file, shards.get(i), dtype, metadata);
            shards.get(i).keySet().forEach(k -> weightMap.addProperty(k, name));
            files.add(file);
        }
        JsonObject index = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("total_size", total);
        index.add("metadata", meta);
        index.add("weight_map", weightMap);
        Path indexFile = dir.resolve(INDEX_FILE);
        Files.writeString(indexFile, GSON.toJson(index));
        files.add(indexFile);
        return files;
    }

    private static byte[] encode(float[] data, Dtype dtype) {
        ByteBuffer b = ByteBuffer.allocate(data.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F32 -> b.asFloatBuffer().put(data);
            case F16 -> {
                for (float f : data) {
                    b.putShort(HalfFloats.floatToF16(f));
                }
            }
            case BF16 -> {
                for (float f : data) {
                    b.putShort(HalfFloats.floatToBf16(f));
                }
            }
            default -> throw new AssertionError(dtype);
        }
        return b.array();
    }
}
