package io.r1kit.model.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one {@code .safetensors} file: an 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}} plus optional {@code __metadata__}), then the
 * raw little-endian data. Each tensor is memory-mapped on demand, so files larger than the heap
 * (or than 2 GiB) read fine; half-precision values are widened to float32 here.
 *
 * <pre>{@code
 * try (SafetensorsFile f = SafetensorsFile.open(Path.of("model.safetensors"))) {
 *     float[] w = f.floats("lm_head.weight");
 * }
 * }</pre>
 */
public final class SafetensorsFile implements Closeable {

    /** Headers larger than this are damage, not a model (the format's own reference limit). */
    static final long MAX_HEADER = 100L * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart,
                            Map<String, TensorInfo> tensors, Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Opens {@code path} and checks its header against the file size. */
    public static SafetensorsFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw new CheckpointException(path, "truncated: " + size + " bytes, not even a header length");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, len, 0);
            long headerLength = len.getLong(0);
            if (headerLength < 2 || headerLength > MAX_HEADER) {
                throw new CheckpointException(path, "header length " + headerLength
                        + " is not plausible: not a safetensors file");
            }
            if (8 + headerLength > size) {
                throw new CheckpointException(path, "truncated: header needs " + headerLength
                        + " bytes, file has " + (size - 8));
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8);
            String json = new String(header.array(), StandardCharsets.UTF_8);
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, TensorInfo> tensors = parseHeader(path, json, size - dataStart, metadata);
            return new SafetensorsFile(path, channel, dataStart, tensors, metadata);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Map<String, TensorInfo> parseHeader(Path path, String json, long dataLength,
                                                      Map<String, String> metadata) throws CheckpointException {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new CheckpointException(path, "header is not a JSON object: " + e.getMessage());
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet()) {
                    metadata.put(m.getKey(), m.getValue().getAsString());
                }
                continue;
            }
            tensors.put(name, parseEntry(path, name, e.getValue(), dataLength));
        }
        return Collections.unmodifiableMap(tensors);
    }

    private static TensorInfo parseEntry(Path path, String name, JsonElement value, long dataLength)
            throws CheckpointException {
        try {
            JsonObject o = value.getAsJsonObject();
            String dtypeName = o.get("dtype").getAsString();
            Dtype dtype = Dtype.fromHeader(dtypeName).orElseThrow(() -> new CheckpointException(path,
                    "tensor " + name + ": unknown dtype " + dtypeName + " (r1kit reads F32, F16, BF16, I64, I32)"));
            JsonArray shapeJson = o.getAsJsonArray("shape");
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeJson.get(i).getAsLong();
                if (shape[i] < 0) {
                    throw new CheckpointException(path, "tensor " + name + ": negative dimension " + shape[i]);
                }
            }
            JsonArray offsets = o.getAsJsonArray("data_offsets");
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
            long expected = Math.multiplyExact(info.elementCount(), dtype.bytes());
            if (begin < 0 || end < begin || end - begin != expected) {
                throw new CheckpointException(path, "tensor " + name + ": data_offsets [" + begin + ", " + end
                        + "] hold " + (end - begin) + " bytes, " + dtype + " " + info.shapeText() + " needs " + expected);
            }
            if (end > dataLength) {
                throw new CheckpointException(path, "truncated: tensor " + name + " ends at byte " + end
                        + " of the data, which has " + dataLength);
            }
            return info;
        } catch (NullPointerException | IllegalStateException | UnsupportedOperationException
                 | IndexOutOfBoundsException | ArithmeticException e) {
            throw new CheckpointException(path, "tensor " + name + ": header entry " + value
                    + " is not {dtype, shape, data_offsets}");
        }
    }

    /** The file this reads. */
    public Path path() {
        return path;
    }

    /** Every tensor of the header, in header order. */
    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} strings of the header (empty when there are none). */
    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** The header entry of {@code name}, if the file has it. */
    public Optional<TensorInfo> info(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    /** The values of a floating-point tensor, widened to float32, row-major. */
    public float[] floats(String name) throws IOException {
        TensorInfo info = require(name);
        if (!info.dtype().isFloat()) {
            throw new CheckpointException(path, "tensor " + name + " is " + info.dtype() + ", not a float type");
        }
        int n = Math.toIntExact(info.elementCount());
        ByteBuffer b = map(info);
        float[] out = new float[n];
        switch (info.dtype()) {
            case F32 -> b.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.f16ToFloat(b.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.bf16ToFloat(b.getShort(2 * i));
                }
            }
            default -> throw new AssertionError(info.dtype());
        }
        return out;
    }

    /** The values of an integer tensor (I64 or I32), as longs. */
    public long[] longs(String name) throws IOException {
        TensorInfo info = require(name);
        int n = Math.toIntExact(info.elementCount());
        ByteBuffer b = map(info);
        long[] out = new long[n];
        switch (info.dtype()) {
            case I64 -> b.asLongBuffer().get(out);
            case I32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(4 * i);
                }
            }
            default -> throw new CheckpointException(path, "tensor " + name + " is " + info.dtype()
                    + ", not an integer type");
        }
        return out;
    }

    private TensorInfo require(String name) throws CheckpointException {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new CheckpointException(path, "no tensor named " + name);
        }
        return info;
    }

    private ByteBuffer map(TensorInfo info) throws IOException {
        long length = info.end() - info.begin();
        if (length == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + info.begin(), length);
        return mapped.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                break;
            }
            p += n;
        }
        buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
