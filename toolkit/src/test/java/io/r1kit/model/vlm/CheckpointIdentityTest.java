package io.r1kit.model.vlm;

import ai.djl.Device;
import com.google.gson.JsonParser;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.TokenizerFile;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint is one unit: vlm.json names the vocabulary it was saved with, and load refuses another. */
class CheckpointIdentityTest {

    @TempDir
    Path dir;

    private static WordVocabulary vocabulary(String words) {
        return WordVocabulary.build(List.of(words), VocabularyConfig.defaults());
    }

    private static Path save(Path dir, WordVocabulary v) throws Exception {
        VlmConfig c = VlmFixtures.micro(1).toBuilder().vocabSize(v.size()).gridTokenOffset(WordVocabulary.GRID_FIRST).build();
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu())) {
            VlmCheckpoint.save(model, dir);
        }
        v.save(dir);
        VlmCheckpoint.bindTokenizer(dir);
        return dir;
    }

    @Test
    void aTokenizerFromAnotherRunIsRefused() throws Exception {
        Path a = save(dir.resolve("a"), vocabulary("the chair is red"));
        VlmCheckpoint.load(a, Device.cpu()).close();
        String recorded = JsonParser.parseString(Files.readString(a.resolve(VlmConfig.FILE))).getAsJsonObject()
                .get(VlmCheckpoint.VOCABULARY_KEY).getAsString();
        assertEquals(TokenizerFile.read(a.resolve(TextTokenizer.FILE)).vocabularySha256(), recorded);

        vocabulary("the table is blue").save(a);            // same size, other words: another run's tokenizer
        CheckpointException e = assertThrows(CheckpointException.class, () -> VlmCheckpoint.load(a, Device.cpu()));
        assertTrue(e.getMessage().matches("tokenizer\\.json: its vocabulary \\(sha256 [0-9a-f]{12}\\.\\.\\.\\) is not the one"
                + " vlm\\.json was saved with \\([0-9a-f]{12}\\.\\.\\.\\): the model and the tokenizer come from different runs"),
                e.getMessage());
    }

    @Test
    void aCheckpointWithoutTheKeyStillLoadsButNotWithALargerVocabulary() throws Exception {
        Path old = save(dir.resolve("old"), vocabulary("the chair"));
        VlmConfig.read(old).write(old.resolve(VlmConfig.FILE));   // as written before the key existed
        VlmCheckpoint.load(old, Device.cpu()).close();
        vocabulary("the chair is red and the table is blue").save(old);
        CheckpointException e = assertThrows(CheckpointException.class, () -> VlmCheckpoint.load(old, Device.cpu()));
        assertTrue(e.getMessage().startsWith("tokenizer.json: has id 278, beyond the model's vocab_size 274"),
                e.getMessage());
    }

    @Test
    void theShippedModelCarriesItsVocabularyAndLoads() throws Exception {
        if (!NanoModel.present("sft")) {
            return; // a build without the shipped model
        }
        Path sft = NanoModel.named("sft").orElseThrow();
        assertTrue(Files.readString(sft.resolve(VlmConfig.FILE)).contains("\"" + VlmCheckpoint.VOCABULARY_KEY + "\""));
        VlmCheckpoint.load(sft, Device.cpu()).close();
    }
}
