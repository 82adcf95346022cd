package io.r1kit.model.io;

import com.google.gson.JsonObject;
import io.r1kit.Excerpt;
import io.r1kit.JsonFields;
import io.r1kit.StrictJson;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tensors of a Hugging Face checkpoint directory, whether in one {@code model.safetensors}
 * or in shards listed by {@code model.safetensors.index.json}. Reads check the shape the caller
 * expects, so a checkpoint of another size fails with the tensor's name rather than later, and refuse a
 * tensor holding NaN or infinity, which would otherwise load silently and answer nothing.
 */
public final class TensorStore implements Closeable {

    private final Path dir;
    private final Path source; // the index, or the single file
    private final Map<String, SafetensorsFile> byTensor;
    private final Map<Path, SafetensorsFile> files;

    private TensorStore(Path dir, Path source, Map<String, SafetensorsFile> byTensor,
                        Map<Path, SafetensorsFile> files) {
        this.dir = dir;
        this.source = source;
        this.byTensor = byTensor;
        this.files = files;
    }

    /** Opens the checkpoint in {@code dir} (the index when there is one, else the single file). */
    public static TensorStore open(Path dir) throws IOException {
        return open(dir, SafetensorsWriter.SINGLE_FILE);
    }

    /**
     * Opens {@code dir} whose single file is named {@code singleFile} (e.g. {@code adapter_model.safetensors});
     * an index {@code <singleFile>.index.json} takes precedence when present.
     */
    public static TensorStore open(Path dir, String singleFile) throws IOException {
        Path index = dir.resolve(singleFile + ".index.json");
        Path single = dir.resolve(singleFile);
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        Map<Path, SafetensorsFile> files = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(index)) {
                for (Map.Entry<String, String> e : readWeightMap(index).entrySet()) {
                    Path shard = shardPath(dir, index, e.getValue());
                    if (!files.containsKey(shard)) {
                        if (!Files.isRegularFile(shard)) {
                            throw new CheckpointException(index, "shard " + Excerpt.of(e.getValue()) + " (of "
                                    + Excerpt.of(e.getKey()) + ") is missing");
                        }
                        files.put(shard, SafetensorsFile.open(shard));
                    }
                    SafetensorsFile f = files.get(shard);
                    if (f.info(e.getKey()).isEmpty()) {
                        throw new CheckpointException(shard, "no tensor named " + Excerpt.of(e.getKey())
                                + ", though " + index.getFileName() + " lists it there");
                    }
                    byTensor.put(e.getKey(), f);
                }
            } else if (Files.isRegularFile(single)) {
                SafetensorsFile f = SafetensorsFile.open(single);
                files.put(single, f);
                f.tensors().keySet().forEach(name -> byTensor.put(name, f));
            } else {
                throw new CheckpointException(dir, "no " + singleFile + " or " + index.getFileName()
                        + " in this directory");
            }
        } catch (IOException | RuntimeException e) {
            for (SafetensorsFile f : files.values()) {
                f.close();
            }
            throw e;
        }
        return new TensorStore(dir, Files.isRegularFile(index) ? index : single, byTensor, files);
    }

    private static Map<String, String> readWeightMap(Path index) throws IOException {
        try {
            JsonObject root = JsonFields.object(StrictJson.read(index, StrictJson.MAX_FILE), "the index");
            return JsonFields.strings(JsonFields.object(root.get("weight_map"), "weight_map"), "weight_map");
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(index, "is not a safetensors index: " + e.getMessage());
        }
    }

    /**
     * The shard file {@code name} of {@code index}: a plain file name inside {@code dir}; a path that leads
     * elsewhere (absolute, {@code ..}, a sub-folder) is refused, so an index cannot make the loader read
     * files outside its checkpoint.
     */
    static Path shardPath(Path dir, Path index, String name) throws CheckpointException {
        Path p;
        try {
            p = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            p = null;
        }
        if (p == null || name.isEmpty() || p.isAbsolute() || p.getNameCount() != 1 || name.contains("/")
                || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new CheckpointException(index, "shard \"" + Excerpt.of(name) + "\" is not a file name inside the"
                    + " checkpoint folder");
        }
        return dir.resolve(p);
    }

    /** The checkpoint directory. */
    public Path dir() {
        return dir;
    }

    /** Every tensor name, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byTensor.keySet()));
    }

    /** Whether the checkpoint has a tensor named {@code name}. */
    public boolean contains(String name) {
        return byTensor.containsKey(name);
    }

    /** The header entry of {@code name}. */
    public TensorInfo info(String name) throws CheckpointException {
        return file(name).info(name).orElseThrow();
    }

    /**
     * The float32 values of {@code name}, which must have shape {@code expected}.
     *
     * @throws CheckpointException naming the file and tensor when it is missing or has another shape
     */
    public FloatTensor read(String name, long... expected) throws IOException {
        SafetensorsFile f = file(name);
        TensorInfo info = f.info(name).orElseThrow();
        if (!Arrays.equals(info.shape(), expected)) {
            throw new CheckpointException(f.path(), "tensor " + name + ": shape " + info.shapeText()
                    + ", expected " + Arrays.toString(expected));
        }
        float[] data = f.floats(name);
        int bad = 0;
        int first = -1;
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new CheckpointException(f.path(), "tensor " + name + " holds " + bad + " non-finite value"
                    + (bad == 1 ? "" : "s") + " (NaN or infinity; the first at index " + first
                    + "): the file is damaged or the training that wrote it diverged");
        }
        return new FloatTensor(expected, data);
    }

    private SafetensorsFile file(String name) throws CheckpointException {
        SafetensorsFile f = byTensor.get(name);
        if (f == null) {
            throw new CheckpointException(source, "missing tensor " + name);
        }
        return f;
    }

    @Override
    public void close() throws IOException {
        for (SafetensorsFile f : files.values()) {
            f.close();
        }
    }
}
