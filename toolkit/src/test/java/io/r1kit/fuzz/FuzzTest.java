package io.r1kit.fuzz;

import io.r1kit.ForkedJvm;
import io.r1kit.SharedData;
import io.r1kit.data.AnnotationSummary;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.lm.Qwen2Config;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.npy.NpyArray;
import io.r1kit.scene.npy.NpyReader;
import io.r1kit.scene.npy.NpyWriter;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.sft.SftConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of every reader of the toolkit: each format's valid files are damaged {@link #CASES} times
 * ({@link Mutator}) and read; each case must end in a loaded result or the toolkit's own one-line refusal
 * ({@link Outcome}). tokenizer.json goes to the native tokenizers library, so its cases run in a child JVM where
 * an abort fails the test rather than the test run. A finding prints its format, seed and what happened;
 * {@code -Dr1kit.fuzz.cases=N} changes the count.
 */
class FuzzTest {

    /** Cases per format. */
    static final int CASES = Integer.getInteger("r1kit.fuzz.cases", 3000);
    private static final long SEED = 16;

    @TempDir
    Path dir;

    /** Reads a damaged file; may return anything or throw. */
    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    /**
     * Damages each of {@code seeds} (written into a folder as {@code name}) {@link #CASES} times in turn and reads
     * the folder or file with {@code reader}.
     */
    private void fuzz(String format, Map<String, byte[]> files, Reader reader, boolean folder, boolean illegalArgument)
            throws Exception {
        Path work = Files.createDirectories(dir.resolve(format));
        List<String> names = new ArrayList<>(files.keySet());
        List<String> findings = new ArrayList<>();
        int loaded = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            long seed = SEED * 1_000_003L + format.hashCode() * 31L + i;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(work.resolve(f.getKey()), f.getValue());
            }
            String target = names.get(i % names.size());
            Files.write(work.resolve(target), Mutator.mutate(files.get(target), seed));
            try {
                reader.read(folder ? work : work.resolve(target));
                loaded++;
            } catch (Throwable t) {
                String f = Outcome.finding(t, illegalArgument);
                if (f != null && findings.size() < 10) {
                    findings.add(format + " case " + i + " (seed " + seed + ", " + target + "): " + f);
                }
            }
        }
        System.out.printf("fuzz %s: %d cases, %d loaded, %d refused, %d findings, %.1f s%n", format, CASES, loaded,
                CASES - loaded - findings.size(), findings.size(), (System.nanoTime() - t0) / 1e9);
        assertTrue(findings.isEmpty(), String.join("\n", findings));
    }

    private static byte[] bytes(String sharedPath) throws Exception {
        return Files.readAllBytes(SharedData.path(sharedPath));
    }

    private byte[] npy(NpyArray a) throws Exception {
        Path f = dir.resolve("seed.npy");
        NpyWriter.write(f, a);
        return Files.readAllBytes(f);
    }

    private static final float[] POINTS = {9, 9, 9, 0, 0, 0, 0, 0, 0, 255, 0, 0, 1, 1, 1, 255, 0, 0,
        4, 4, 0, 0, 255, 0, 6, 6, 2, 0, 255, 0, 5, 5, 1, 0, 0, 255};

    @Test
    void ply() throws Exception {
        for (String f : List.of("cube.ply", "cube_binary.ply", "float-color.ply", "points.ply")) {
            fuzz("ply-" + f, Map.of("s.ply", bytes("ply/" + f)), Scenes::load, false, false);
        }
    }

    @Test
    void npy() throws Exception {
        fuzz("npy", Map.of("b.npy", bytes("scannet/scene0000_02_bbox.npy")), f -> NpyReader.readFinite(f).toFloatArray(),
                false, false);
    }

    @Test
    void bin() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(POINTS.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : POINTS) {
            b.putFloat(v);
        }
        fuzz("bin", Map.of("s.bin", b.array(), "s_bbox.npy", npy(NpyArray.ofDoubles(new double[] {
            0.5, 0.5, 0.5, 1, 1, 1, 5, 1, 5, 5, 1, 2, 2, 2, 7, 2}, 2, 8))), f -> Scenes.load(f.resolve("s.bin")), true, false);
    }

    @Test
    void scanNetFolder() throws Exception {
        fuzz("scannet", Map.of("s_vert.npy", npy(NpyArray.ofFloats(POINTS, 6, 6)),
                "s_bbox.npy", npy(NpyArray.ofDoubles(new double[] {0.5, 0.5, 0.5, 1, 1, 1, 5, 1, 5, 5, 1, 2, 2, 2, 7, 2}, 2, 8)),
                "s_ins_label.npy", npy(NpyArray.ofLongs(new long[] {0, 1, 1, 2, 2, 2})),
                "s_sem_label.npy", npy(NpyArray.ofLongs(new long[] {0, 5, 5, 7, 7, 7}))), Scenes::load, true, false);
    }

    @Test
    void annotations() throws Exception {
        for (String f : List.of("3d_llm_question_answer_val.sample.json", "sqa3d_annotations_test.sample.json")) {
            fuzz("annotations-" + f.substring(0, 8), Map.of(f, bytes("annotations/" + f)), AnnotationSummary::read,
                    false, false);
        }
    }

    @Test
    void safetensors() throws Exception {
        Path seed = Files.createDirectories(dir.resolve("st-seed"));
        SafetensorsWriter.writeCheckpoint(seed, Map.of("a", new FloatTensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
                "b", new FloatTensor(new long[] {3}, new float[] {7, 8, 9})), Dtype.F16, 16);
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var s = Files.list(seed)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        assertEquals(3, files.size(), "two shards and an index");
        fuzz("safetensors", files, d -> {
            try (TensorStore store = TensorStore.open(d)) {
                for (String name : store.names()) {
                    store.read(name, store.info(name).shape());
                }
            }
        }, true, false);
    }

    @Test
    void checkpointConfigs() throws Exception {
        VlmConfig c = VlmConfig.builder().vocabSize(272).hiddenSize(64).intermediateSize(128).layers(2).heads(4, 2)
                .maxPositions(512).pointsPerObject(4).maxObjects(8).gridTokenOffset(16).build();
        c.write(dir.resolve("vlm.json"));
        c.decoder().write(dir.resolve("config.json"));
        fuzz("config.json-vlm.json", Map.of("vlm.json", Files.readAllBytes(dir.resolve("vlm.json")),
                "config.json", Files.readAllBytes(dir.resolve("config.json"))), d -> {
                    VlmConfig.read(d);
                    Qwen2Config.read(d);
                }, true, false);
    }

    @Test
    void recipes() throws Exception {
        fuzz("recipe-sft", Map.of("sft.json", SftConfig.defaults().toJson().getBytes()), SftConfig::read, false, true);
        fuzz("recipe-grpo", Map.of("grpo.json", GrpoConfig.defaults().toJson().getBytes()), GrpoConfig::read, false, true);
    }

    @Test
    void tokenizerJsonInAChildJvm() throws Exception {
        Path seed = Files.createDirectories(dir.resolve("tok-seed"));
        WordVocabulary.build(List.of("the chair is near the red table"), VocabularyConfig.defaults()).save(seed);
        byte[] good = Files.readAllBytes(seed.resolve("tokenizer.json"));
        Path cases = Files.createDirectories(dir.resolve("tok"));
        for (int i = 0; i < CASES; i++) {
            Files.write(cases.resolve(String.format("%05d.json", i)), Mutator.mutate(good, SEED * 7919L + i));
        }
        long t0 = System.nanoTime();
        ForkedJvm.Result r = ForkedJvm.run(Duration.ofSeconds(300), TokenizerCases.class, cases.toString());
        List<String> lines = r.output().lines().filter(l -> l.matches("(loaded|refused|finding) .*")).toList();
        long findings = lines.stream().filter(l -> l.startsWith("finding")).count();
        System.out.printf("fuzz tokenizer.json: %d cases, %d loaded, %d refused, %d findings, %.1f s (child JVM)%n",
                CASES, lines.stream().filter(l -> l.startsWith("loaded")).count(),
                lines.stream().filter(l -> l.startsWith("refused")).count(), findings, (System.nanoTime() - t0) / 1e9);
        assertEquals(0, r.exit(), "the child JVM ended with " + r.exit() + " (134: the native library aborted) after "
                + lines.size() + " cases:\n" + io.r1kit.Excerpt.of(r.output().substring(Math.max(0, r.output().length() - 2000)), 2000));
        assertEquals(CASES, lines.size(), r.output());
        assertEquals(0, findings, String.join("\n", lines.stream().filter(l -> l.startsWith("finding")).limit(10).toList()));
    }
}
