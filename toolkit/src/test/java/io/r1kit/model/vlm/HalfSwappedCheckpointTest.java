package io.r1kit.model.vlm;

import ai.djl.Device;
import io.r1kit.AtomicFolder;
import io.r1kit.model.lm.Lora;
import io.r1kit.model.lm.LoraConfig;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A checkpoint folder in each state {@link AtomicFolder#replace} can leave when the process dies, staged by hand:
 * every loader finds the previous checkpoint or the new one whole, without being told to recover first.
 */
class HalfSwappedCheckpointTest {

    private static final WordVocabulary VOCABULARY = WordVocabulary.build(List.of("the red chair by the table"),
            VocabularyConfig.defaults());

    @TempDir
    Path tmp;

    private Path previous;
    private Path next;
    private Path ckpt;

    @BeforeEach
    void twoCheckpointsOfOneRun() throws Exception {
        previous = save(tmp.resolve("previous"), 1);
        next = save(tmp.resolve("next"), 2);
        ckpt = tmp.resolve("run").resolve("ckpt");
        Files.createDirectories(ckpt.getParent());
    }

    private static Path save(Path dir, long seed) throws Exception {
        VlmConfig c = VlmFixtures.micro(seed).toBuilder().vocabSize(VOCABULARY.size())
                .gridTokenOffset(WordVocabulary.GRID_FIRST).build();
        AtomicFolder.replace(dir, d -> {
            try (Vlm3d model = Vlm3d.initialize(c, Device.cpu())) {
                VlmCheckpoint.save(model, d);
            }
            VOCABULARY.save(d);
            VlmCheckpoint.bindTokenizer(d);
        });
        return dir;
    }

    /** Every parameter's values, in order. */
    private static List<float[]> weights(Path dir) throws Exception {
        try (Vlm3d model = VlmCheckpoint.load(dir, Device.cpu())) {
            List<float[]> all = new ArrayList<>();
            model.parameters().values().forEach(p -> all.add(p.toFloatArray()));
            return all;
        }
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual, String state) {
        assertEquals(expected.size(), actual.size(), state);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0f, state + ": parameter " + i);
        }
    }

    private List<String> siblings() throws Exception {
        return names(ckpt.getParent());
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Killed while the new content was being written: the folder is the previous one, a partial sibling beside. */
    private void stageKilledWhileWriting() throws Exception {
        AtomicFolder.copyTree(previous, ckpt);
        Path writing = ckpt.resolveSibling(".ckpt.writing-11");
        AtomicFolder.copyTree(next, writing);
        byte[] weights = Files.readAllBytes(writing.resolve("model.safetensors"));
        Files.write(writing.resolve("model.safetensors"), Arrays.copyOf(weights, weights.length / 2));
        Files.delete(writing.resolve(TextTokenizer.FILE));
    }

    /** Killed between the two renames: no folder, the previous one aside, the whole new one not yet moved in. */
    private void stageKilledBetweenRenames() throws Exception {
        AtomicFolder.copyTree(previous, ckpt.resolveSibling(".ckpt.old-22"));
        AtomicFolder.copyTree(next, ckpt.resolveSibling(".ckpt.writing-21"));
    }

    /** Killed while deleting the previous folder: the new one in place, the previous one half deleted aside. */
    private void stageKilledWhileRemovingTheOld() throws Exception {
        AtomicFolder.copyTree(next, ckpt);
        Path old = ckpt.resolveSibling(".ckpt.old-33");
        AtomicFolder.copyTree(previous, old);
        Files.delete(old.resolve("model.safetensors"));
        Files.delete(old.resolve("config.json"));
    }

    @Test
    void eachStateAKillLeavesLoadsThePreviousOrTheNewCheckpointWhole() throws Exception {
        List<float[]> before = weights(previous);
        List<float[]> after = weights(next);
        assertNotEquals(Arrays.toString(before.get(0)), Arrays.toString(after.get(0)), "two different checkpoints");

        stageKilledWhileWriting();
        assertSameWeights(before, weights(ckpt), "killed while writing");
        AtomicFolder.replace(ckpt, d -> AtomicFolder.copyTree(next, d));     // the next save clears the partial write
        assertEquals(List.of("ckpt"), siblings());
        AtomicFolder.deleteTree(ckpt);

        stageKilledBetweenRenames();
        assertSameWeights(before, weights(ckpt), "killed between the renames");
        assertEquals(List.of(".ckpt.writing-21", "ckpt"), siblings(), "put back, nothing deleted by the reader");
        AtomicFolder.replace(ckpt, d -> AtomicFolder.copyTree(next, d));
        assertEquals(List.of("ckpt"), siblings());
        assertSameWeights(after, weights(ckpt), "saved again");
        AtomicFolder.deleteTree(ckpt);

        stageKilledWhileRemovingTheOld();
        assertSameWeights(after, weights(ckpt), "killed while removing the previous folder");
        AtomicFolder.replace(ckpt, d -> AtomicFolder.copyTree(previous, d));
        assertEquals(List.of("ckpt"), siblings());
        assertSameWeights(before, weights(ckpt), "saved again");
    }

    @Test
    void everyLoaderOfACheckpointFolderPutsBackOneCutBetweenItsRenames() throws Exception {
        stageKilledBetweenRenames();
        try (TextTokenizer t = TextTokenizer.load(ckpt)) {
            assertEquals(1, t.encode("chair").length);
        }
        assertEquals(Files.readString(previous.resolve(TextTokenizer.FILE)), Files.readString(ckpt.resolve(TextTokenizer.FILE)));

        AtomicFolder.deleteTree(ckpt);
        stageKilledBetweenRenames();
        try (Qwen2Model decoder = Qwen2Checkpoint.load(ckpt, Device.cpu())) {
            assertEquals(VOCABULARY.size(), decoder.config().vocabSize());
        }
        assertEquals(List.of(".ckpt.writing-21", "ckpt"), siblings());

        AtomicFolder.deleteTree(ckpt);
        stageKilledBetweenRenames();
        assertEquals(ckpt, NanoModel.resolve(ckpt.toString()));
        assertEquals(List.of(".ckpt.writing-21", "ckpt"), siblings());

        Path adapter = tmp.resolve("adapters").resolve("lora");
        LoraConfig config = new LoraConfig(2, 4, 0, Set.of("q_proj"), 1);
        try (Vlm3d model = VlmCheckpoint.load(previous, Device.cpu())) {
            try (Lora lora = Lora.attach(model.decoder(), config)) {
                lora.save(adapter.resolveSibling("saved"));
            }
            AtomicFolder.copyTree(adapter.resolveSibling("saved"), adapter.resolveSibling(".lora.old-5"));
            try (Lora loaded = Lora.load(model.decoder(), adapter)) {
                assertEquals(config, loaded.config());
            }
        }
        assertEquals(List.of("lora", "saved"), names(adapter.getParent()));
    }
}
