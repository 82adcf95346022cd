package io.r1kit.model.vlm;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.AtomicFolder;
import io.r1kit.Provenance;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weight averaging: the mean element by element, loadable, with its members in the provenance; refusals. */
class CheckpointAverageTest {

    private static final WordVocabulary VOCABULARY = WordVocabulary.build(List.of("the red chair by the table"),
            VocabularyConfig.defaults());

    @TempDir
    Path tmp;

    /** A micro checkpoint of {@code seed} with its tokenizer, stored as {@code dtype}. */
    private static Path save(Path dir, long seed, Dtype dtype) throws Exception {
        VlmConfig c = VlmFixtures.micro(seed).toBuilder().vocabSize(VOCABULARY.size())
                .gridTokenOffset(WordVocabulary.GRID_FIRST).build();
        AtomicFolder.replace(dir, d -> {
            try (Vlm3d model = Vlm3d.initialize(c, Device.cpu())) {
                VlmCheckpoint.save(model, d, dtype);
            }
            VOCABULARY.save(d);
            VlmCheckpoint.bindTokenizer(d);
        });
        return dir;
    }

    /** A copy of {@code from} whose every weight is {@code f} of the original, as one fine-tune of it would be. */
    private static Path changed(Path from, Path to, UnaryOperator<Float> f, Dtype dtype) throws Exception {
        AtomicFolder.copyTree(from, to);
        Map<String, FloatTensor> tensors = read(from);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        tensors.forEach((n, t) -> {
            float[] x = t.data().clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = f.apply(x[i]);
            }
            out.put(n, new FloatTensor(t.shape(), x));
        });
        Files.delete(to.resolve(SafetensorsWriter.SINGLE_FILE));
        SafetensorsWriter.writeCheckpoint(to, out, dtype, Qwen2Checkpoint.MAX_SHARD_BYTES);
        return to;
    }

    private static Map<String, FloatTensor> read(Path dir) throws Exception {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (TensorStore s = TensorStore.open(dir)) {
            for (String n : s.names()) {
                out.put(n, s.read(n, s.info(n).shape()));
            }
        }
        return out;
    }

    @Test
    void averagesElementByElementAndLoads() throws Exception {
        Path a = save(tmp.resolve("a"), 1, Dtype.F32);
        Path b = changed(a, tmp.resolve("b"), x -> 3 * x + 1, Dtype.F32);
        Path c = changed(a, tmp.resolve("c"), x -> -x, Dtype.F32);
        Path out = CheckpointAverage.write(List.of(a, b, c), tmp.resolve("soup"), null);

        Map<String, FloatTensor> original = read(a);
        Map<String, FloatTensor> mean = read(out);
        assertEquals(original.keySet(), mean.keySet());
        for (String n : original.keySet()) {
            float[] x = original.get(n).data();
            float[] m = mean.get(n).data();
            for (int i = 0; i < x.length; i++) {
                double expected = ((double) x[i] + (3 * x[i] + 1) + (-x[i])) / 3;
                assertEquals(expected, m[i], 1e-6, n + "[" + i + "]");
            }
        }
        try (Vlm3d loaded = VlmCheckpoint.load(out, Device.cpu())) {
            assertEquals(read(a).values().stream().mapToLong(t -> t.data().length).sum(), loaded.parameterCount());
        }
        for (String f : List.of("config.json", VlmConfig.FILE, "tokenizer.json")) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        Provenance p = Provenance.read(out);
        assertEquals("average", p.get("training").getAsString());
        assertEquals("F32", p.get("dtype").getAsString());
        JsonArray members = p.get("members").getAsJsonArray();
        assertEquals(3, members.size());
        JsonObject second = members.get(1).getAsJsonObject();
        assertEquals(b.toString(), second.get("path").getAsString());
        assertEquals(CheckpointAverage.weightsSha256(b), second.get("weights_sha256").getAsString());
        assertEquals(Provenance.read(b).toJson(), second.getAsJsonObject("provenance"));
        assertFalse(CheckpointAverage.weightsSha256(a).equals(CheckpointAverage.weightsSha256(b)));
    }

    @Test
    void weightsGiveTheAffineCombination() throws Exception {
        Path start = save(tmp.resolve("start"), 1, Dtype.F32);
        Path a = changed(start, tmp.resolve("a"), x -> x + 0.5f, Dtype.F32);
        Path b = changed(start, tmp.resolve("b"), x -> 2 * x, Dtype.F32);
        Path out = CheckpointAverage.write(List.of(a, b, start), new double[] {1, 1, -1}, tmp.resolve("sum"), null);
        Map<String, FloatTensor> s = read(start);
        Map<String, FloatTensor> sum = read(out);
        for (String n : s.keySet()) {
            float[] x = s.get(n).data();
            float[] m = sum.get(n).data();
            for (int i = 0; i < x.length; i++) {
                double expected = x[i] + ((double) x[i] + 0.5f - x[i]) + ((double) 2 * x[i] - x[i]);
                assertEquals(expected, m[i], 1e-6, n + "[" + i + "]");
            }
        }
        JsonArray members = Provenance.read(out).get("members").getAsJsonArray();
        assertEquals(-1.0, members.get(2).getAsJsonObject().get("weight").getAsDouble());
        assertEquals(1.0, members.get(0).getAsJsonObject().get("weight").getAsDouble());
        try (Vlm3d loaded = VlmCheckpoint.load(out, Device.cpu())) {
            assertTrue(loaded.parameterCount() > 0);
        }

        Path twice = CheckpointAverage.write(List.of(a, start), new double[] {2, -1}, tmp.resolve("twice"), null);
        float first = read(twice).values().iterator().next().data()[0];
        float x0 = s.values().iterator().next().data()[0];
        assertEquals(x0 + 2 * 0.5, first, 1e-6, "start + 2 (a - start)");

        Path no = tmp.resolve("no");
        assertEquals("one weight per model: 3 weights for 2 models", assertThrows(IllegalArgumentException.class,
                () -> CheckpointAverage.write(List.of(a, b), new double[] {1, 1, -1}, no, null)).getMessage());
        assertEquals("the weights sum to 1.5, not 1: a combination of one start's fine-tunes keeps the sum 1 (the"
                + " start takes 1 minus the others)", assertThrows(IllegalArgumentException.class,
                () -> CheckpointAverage.write(List.of(a, b), new double[] {1, 0.5}, no, null)).getMessage());
        assertEquals("a weight is NaN; weights are finite numbers", assertThrows(IllegalArgumentException.class,
                () -> CheckpointAverage.write(List.of(a, b), new double[] {Double.NaN, 1}, no, null)).getMessage());
        assertFalse(Files.exists(no));
    }

    @Test
    void halfMembersGiveAHalfAverageUnlessAskedOtherwise() throws Exception {
        Path a = save(tmp.resolve("a"), 1, Dtype.F16);
        Path b = changed(a, tmp.resolve("b"), x -> x / 2, Dtype.F16);
        CheckpointAverage.write(List.of(a, b), tmp.resolve("half"), null);
        assertEquals("F16", Provenance.read(tmp.resolve("half")).get("dtype").getAsString());
        try (TensorStore s = TensorStore.open(tmp.resolve("half"))) {
            assertTrue(s.names().stream().allMatch(n -> {
                try {
                    return s.info(n).dtype() == Dtype.F16;
                } catch (CheckpointException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CheckpointAverage.write(List.of(a, b), tmp.resolve("wide"), Dtype.F32);
        assertEquals("F32", Provenance.read(tmp.resolve("wide")).get("dtype").getAsString());
        Path c = changed(a, tmp.resolve("c"), x -> x, Dtype.F32);
        CheckpointAverage.write(List.of(a, c), tmp.resolve("mixed"), null);
        assertEquals("F32", Provenance.read(tmp.resolve("mixed")).get("dtype").getAsString());
    }

    @Test
    void refusesWhatDoesNotAverage() throws Exception {
        Path a = save(tmp.resolve("a"), 1, Dtype.F32);
        Path other = save(tmp.resolve("other"), 2, Dtype.F32);   // another config seed: another vlm.json
        Path out = tmp.resolve("soup");

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointAverage.write(List.of(a, other), out, null));
        assertEquals(VlmConfig.FILE + ": differs between " + a + " and " + other
                + "; only checkpoints of one architecture and vocabulary average", e.getMessage());
        Path bare = changed(a, tmp.resolve("bare"), x -> x, Dtype.F32);
        Files.delete(bare.resolve("tokenizer.json"));
        e = assertThrows(CheckpointException.class, () -> CheckpointAverage.write(List.of(a, bare), out, null));
        assertEquals("tokenizer.json: missing from " + bare + ", but " + a
                + " has one; only checkpoints of one architecture and vocabulary average", e.getMessage());

        Path broken = changed(a, tmp.resolve("broken"), x -> x, Dtype.F32);
        Map<String, FloatTensor> t = read(broken);
        String name = t.keySet().iterator().next();
        t.get(name).data()[3] = Float.NaN;
        Files.delete(broken.resolve(SafetensorsWriter.SINGLE_FILE));
        SafetensorsWriter.writeCheckpoint(broken, t, Dtype.F32, Qwen2Checkpoint.MAX_SHARD_BYTES);
        e = assertThrows(CheckpointException.class, () -> CheckpointAverage.write(List.of(a, broken), out, null));
        assertTrue(e.getMessage().contains("tensor " + name + " holds 1 non-finite value"), e.getMessage());

        assertEquals("averaging needs two models or more, got 1", assertThrows(IllegalArgumentException.class,
                () -> CheckpointAverage.write(List.of(a), out, null)).getMessage());
        assertEquals(a + " is named twice; each model counts once in the average", assertThrows(
                IllegalArgumentException.class, () -> CheckpointAverage.write(List.of(a, a), out, null)).getMessage());
        Path b = changed(a, tmp.resolve("b"), x -> x + 1, Dtype.F32);
        assertEquals(b + " is one of the models averaged; write the average elsewhere", assertThrows(
                IllegalArgumentException.class, () -> CheckpointAverage.write(List.of(a, b), b, null)).getMessage());
        assertFalse(Files.exists(out), "nothing is written when the members do not average");
    }
}
