package io.r1kit.model.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.Excerpt;
import io.r1kit.JsonFields;
import io.r1kit.StrictJson;
import io.r1kit.Utf8;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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
    /** Deepest nesting of a header: the root, a tensor's entry, its shape. */
    private static final int MAX_DEPTH = 3;
    /** Most dimensions of one tensor. */
    private static final int MAX_RANK = 16;

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
            String json;
            try {
                json = Utf8.decode(header.array());
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(path, "header: " + e.getMessage());
            }
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
        try {
            JsonObject root = JsonFields.object(StrictJson.parse(json, MAX_DEPTH), "the header");
            Map<String, TensorInfo> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : root.entrySet()) {
                String name = e.getKey();
                if (name.equals("__metadata__")) {
                    metadata.putAll(JsonFields.strings(JsonFields.object(e.getValue(), "__metadata__"), "__metadata__"));
                    continue;
                }
                tensors.put(name, parseEntry(path, name, e.getValue(), dataLength));
            }
            checkLayout(path, tensors.values());
            return Collections.unmodifiableMap(tensors);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(path, "header: " + e.getMessage());
        }
    }

    private static TensorInfo parseEntry(Path path, String name, JsonElement value, long dataLength)
            throws CheckpointException {
        String tensor = "tensor " + Excerpt.of(name);
        JsonObject o = JsonFields.object(value, tensor);
        String dtypeName = JsonFields.string(o.get("dtype"), tensor + ": dtype");
        Dtype dtype = Dtype.fromHeader(dtypeName).orElseThrow(() -> new CheckpointException(path, tensor
                + ": unknown dtype " + Excerpt.of(dtypeName) + " (r1kit reads F32, F16, BF16, I64, I32)"));
        JsonElement shapeJson = o.get("shape");
        if (shapeJson == null || !shapeJson.isJsonArray() || shapeJson.getAsJsonArray().size() > MAX_RANK) {
            throw new CheckpointException(path, tensor + ": shape is " + JsonFields.show(shapeJson)
                    + ", expected an array of at most " + MAX_RANK + " dimensions");
        }
        JsonArray dims = shapeJson.getAsJsonArray();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = JsonFields.wholeNumber(dims.get(i), tensor + ": shape[" + i + "]", 0, Long.MAX_VALUE);
        }
        JsonElement offsetsJson = o.get("data_offsets");
        if (offsetsJson == null || !offsetsJson.isJsonArray() || offsetsJson.getAsJsonArray().size() != 2) {
            throw new CheckpointException(path, tensor + ": data_offsets is " + JsonFields.show(offsetsJson)
                    + ", expected [begin, end]");
        }
        long begin = JsonFields.wholeNumber(offsetsJson.getAsJsonArray().get(0), tensor + ": data_offsets[0]", 0, Long.MAX_VALUE);
        long end = JsonFields.wholeNumber(offsetsJson.getAsJsonArray().get(1), tensor + ": data_offsets[1]", 0, Long.MAX_VALUE);
        TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
        long expected;
        try {
            expected = Math.multiplyExact(info.elementCount(), dtype.bytes());
        } catch (ArithmeticException e) {
            throw new CheckpointException(path, tensor + ": shape " + info.shapeText() + " holds more bytes than a file can");
        }
        if (end < begin || end - begin != expected) {
            throw new CheckpointException(path, tensor + ": data_offsets [" + begin + ", " + end
                    + "] hold " + (end - begin) + " bytes, " + dtype + " " + info.shapeText() + " needs " + expected);
        }
        if (end > dataLength) {
            throw new CheckpointException(path, "truncated: " + tensor + " ends at byte " + end
                    + " of the data, which has " + dataLength);
        }
        return info;
    }

    /** Tensors may not share bytes: each begins at or after the end of the one before it. */
    private static void checkLayout(Path path, Collection<TensorInfo> tensors) throws CheckpointException {
        List<TensorInfo> byBegin = new ArrayList<>(tensors);
        byBegin.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        for (int i = 1; i < byBegin.size(); i++) {
            TensorInfo a = byBegin.get(i - 1);
            TensorInfo b = byBegin.get(i);
            if (b.begin() < a.end()) {
                throw new CheckpointException(path, "tensors " + Excerpt.of(a.name()) + " [" + a.begin() + ", " + a.end()
                        + ") and " + Excerpt.of(b.name()) + " [" + b.begin() + ", " + b.end() + ") overlap in the data");
            }
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
        int n = elements(info);
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
        int n = elements(info);
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

    /** The element count of a tensor that one Java array and one mapped buffer can hold. */
    private int elements(TensorInfo info) throws CheckpointException {
        long bytes = info.end() - info.begin();
        if (bytes > Integer.MAX_VALUE) {
            throw new CheckpointException(path, "tensor " + Excerpt.of(info.name()) + " " + info.shapeText() + " is "
                    + bytes + " bytes; r1kit reads tensors of at most 2 GiB (2,147,483,647 bytes)");
        }
        return (int) info.elementCount();
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
