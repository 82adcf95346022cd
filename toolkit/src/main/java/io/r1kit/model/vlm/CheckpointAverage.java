package io.r1kit.model.vlm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.AtomicFolder;
import io.r1kit.BadFileException;
import io.r1kit.Provenance;
import io.r1kit.StrictJson;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorInfo;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.lm.Qwen2Checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The uniform average of several nano checkpoints' weights, written as one checkpoint (a "model soup"):
 * every tensor is the mean of the members' tensors of that name, element by element. Averaging makes sense
 * for models fine-tuned from one start (runs of one recipe with different seeds, for instance), whose weights
 * lie close together; the random part of each run's change then cancels and the part they share stays.
 *
 * <pre>{@code
 * CheckpointAverage.write(List.of(Path.of("exp/grpo-1"), Path.of("exp/grpo-2")), Path.of("soup"), null);
 * }</pre>
 *
 * Weighted, it is an affine combination {@code Σ wᵢ·θᵢ} with weights summing to 1, negative ones allowed: with the
 * start {@code s} of two fine-tunes {@code a} and {@code b}, the weights {@code 1, 1, -1} over {@code a, b, s} give
 * {@code s + (a - s) + (b - s)}, both changes added to the start ("task arithmetic"), and {@code 2, -1} over
 * {@code a, s} give {@code s + 2(a - s)}, one change taken twice.
 *
 * <p>The members must be one architecture with one vocabulary: their {@code config.json}, {@value VlmConfig#FILE},
 * {@code tokenizer.json} and {@code tokenizer_config.json} equal as JSON, and the same tensors of the same shapes;
 * anything else is refused with one line naming the file. The output is written whole or not at all
 * ({@link AtomicFolder}); its {@value Provenance#FILE} lists each member with its weights' SHA-256 and its own
 * provenance.
 */
public final class CheckpointAverage {

    /** The files copied from the first member, which every member must hold alike (when the first has them). */
    static final List<String> SHARED = List.of("config.json", VlmConfig.FILE, "tokenizer.json", "tokenizer_config.json");

    private CheckpointAverage() {}

    /**
     * Averages {@code members} into {@code out} (replaced whole when it exists); returns {@code out}.
     *
     * @param dtype the stored weights' type, {@code F32} or {@code F16}; null for F16 when every member is
     *              stored as F16, else F32
     * @throws IllegalArgumentException for fewer than two members, a member named twice, {@code out} among the
     *                                  members, or a dtype other than F32 and F16
     * @throws CheckpointException      naming the file where the members differ in architecture, vocabulary,
     *                                  tensors or shapes, or where a tensor is not finite
     */
    public static Path write(List<Path> members, Path out, Dtype dtype) throws IOException {
        return write(members, null, out, dtype);
    }

    /**
     * As {@link #write(List, Path, Dtype)}, each member weighted: {@code weights[i]} multiplies {@code members[i]};
     * null weighs them alike.
     *
     * @throws IllegalArgumentException as there, and for weights that are not one per member, not finite, or
     *                                  do not sum to 1
     */
    public static Path write(List<Path> members, double[] weights, Path out, Dtype dtype) throws IOException {
        if (members.size() < 2) {
            throw new IllegalArgumentException("averaging needs two models or more, got " + members.size());
        }
        List<Path> real = new ArrayList<>();
        for (Path m : members) {
            AtomicFolder.restore(m);   // a save killed between its renames leaves the previous folder aside
            if (!Files.isDirectory(m)) {
                throw new BadFileException(m, "not found (a checkpoint folder to average)");
            }
            Path r = m.toRealPath();
            if (real.contains(r)) {
                throw new IllegalArgumentException(m + " is named twice; each model counts once in the average");
            }
            real.add(r);
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && real.contains(target.toRealPath())) {
            throw new IllegalArgumentException(out + " is one of the models averaged; write the average elsewhere");
        }
        if (dtype != null && dtype != Dtype.F32 && dtype != Dtype.F16) {
            throw new IllegalArgumentException("the average is stored as F32 or F16, not " + dtype);
        }
        double[] w = checkWeights(weights, members.size());
        Path first = members.get(0);
        List<String> shared = SHARED.stream().filter(f -> Files.isRegularFile(first.resolve(f))).toList();
        for (Path m : members.subList(1, members.size())) {
            for (String f : shared) {
                sameJson(first.resolve(f), m.resolve(f));
            }
        }
        Averaged averaged = average(members, w);
        Dtype stored = dtype != null ? dtype : averaged.allHalf() ? Dtype.F16 : Dtype.F32;
        JsonArray listed = new JsonArray();
        for (int i = 0; i < members.size(); i++) {
            Path m = members.get(i);
            JsonObject o = new JsonObject();
            o.addProperty("path", m.toString());
            if (weights != null) {
                o.addProperty("weight", weights[i]);
            }
            o.addProperty("weights_sha256", weightsSha256(m));
            o.add("provenance", Provenance.exists(m) ? Provenance.read(m).toJson() : new JsonObject());
            listed.add(o);
        }
        Provenance provenance = Provenance.of("architecture", VlmCheckpoint.ARCHITECTURE).with("decoder", "qwen2")
                .with("dtype", stored.name()).with("parameters", averaged.parameters()).with("training", "average")
                .with("members", listed);
        AtomicFolder.replace(out, dir -> {
            for (String f : shared) {
                Files.copy(first.resolve(f), dir.resolve(f));
            }
            SafetensorsWriter.writeCheckpoint(dir, averaged.tensors(), stored, Qwen2Checkpoint.MAX_SHARD_BYTES);
            provenance.write(dir);
        });
        return out;
    }

    /** The averaged tensors, their element count, and whether every member stored every tensor as F16. */
    private record Averaged(Map<String, FloatTensor> tensors, long parameters, boolean allHalf) {}

    /** The weights checked, or null (uniform) for null. */
    static double[] checkWeights(double[] weights, int members) {
        if (weights == null) {
            return null;
        }
        if (weights.length != members) {
            throw new IllegalArgumentException("one weight per model: " + weights.length + " weights for " + members
                    + " models");
        }
        double sum = 0;
        for (double x : weights) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("a weight is " + x + "; weights are finite numbers");
            }
            sum += x;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            String total = new java.math.BigDecimal(sum).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString();
            throw new IllegalArgumentException("the weights sum to " + total + ", not 1: a combination of one start's"
                    + " fine-tunes keeps the sum 1 (the start takes 1 minus the others)");
        }
        return weights.clone();
    }

    /** Averages the members' tensors, weighted by {@code w} (uniform where null). */
    private static Averaged average(List<Path> members, double[] w) throws IOException {
        List<TensorStore> stores = new ArrayList<>();
        try {
            for (Path m : members) {
                stores.add(TensorStore.open(m));
            }
            Set<String> names = stores.get(0).names();
            for (TensorStore s : stores.subList(1, stores.size())) {
                if (!s.names().equals(names)) {
                    List<String> extra = s.names().stream().filter(n -> !names.contains(n)).toList();
                    List<String> missing = names.stream().filter(n -> !s.names().contains(n)).toList();
                    throw new CheckpointException(s.dir(), "its tensors differ from " + stores.get(0).dir() + "'s ("
                            + (missing.isEmpty() ? "" : "missing " + missing.get(0) + (extra.isEmpty() ? "" : ", "))
                            + (extra.isEmpty() ? "" : "extra " + extra.get(0)) + "): only one architecture averages");
                }
            }
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            long parameters = 0;
            boolean allHalf = true;
            for (String name : names) {
                long[] shape = stores.get(0).info(name).shape();
                double[] sum = null;
                for (int k = 0; k < stores.size(); k++) {
                    TensorStore s = stores.get(k);
                    TensorInfo info = s.info(name);
                    allHalf &= info.dtype() == Dtype.F16;
                    float[] x = s.read(name, shape).data();   // refuses another shape and non-finite values
                    if (sum == null) {
                        sum = new double[x.length];
                    }
                    for (int i = 0; i < x.length; i++) {
                        sum[i] += w == null ? x[i] : w[k] * x[i];
                    }
                }
                float[] mean = new float[sum.length];
                for (int i = 0; i < mean.length; i++) {
                    mean[i] = (float) (w == null ? sum[i] / stores.size() : sum[i]);
                    if (!Float.isFinite(mean[i])) {
                        throw new CheckpointException(stores.get(0).dir(), "the weighted sum of " + name
                                + " overflows a float; use smaller weights");
                    }
                }
                tensors.put(name, new FloatTensor(shape, mean));
                parameters += mean.length;
            }
            return new Averaged(tensors, parameters, allHalf);
        } finally {
            for (TensorStore s : stores) {
                s.close();
            }
        }
    }

    private static void sameJson(Path expected, Path actual) throws IOException {
        String why = "; only checkpoints of one architecture and vocabulary average";
        if (!Files.isRegularFile(actual)) {
            throw new CheckpointException(actual, "missing from " + actual.getParent() + ", but "
                    + expected.getParent() + " has one" + why);
        }
        JsonElement a = StrictJson.read(expected, StrictJson.MAX_FILE);
        JsonElement b = StrictJson.read(actual, StrictJson.MAX_FILE);
        if (!a.equals(b)) {
            throw new CheckpointException(actual, "differs between " + expected.getParent() + " and "
                    + actual.getParent() + why);
        }
    }

    /** SHA-256 over the folder's safetensors files, in name order. */
    static String weightsSha256(Path dir) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
        }
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
