package io.r1kit.model.text;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.scene.Box3;
import io.r1kit.task.BoxCodec;
import io.r1kit.train.sft.EngineCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordVocabularyTest {

    /** Texts of rooms 0..2, the training corpus. */
    private static List<String> corpus;
    private static WordVocabulary vocab;

    @BeforeAll
    static void buildFromTheEngine() throws Exception {
        corpus = EngineCorpus.texts(3, 0, (done, total, id) -> {});
        vocab = WordVocabulary.build(corpus, VocabularyConfig.defaults());
    }

    @Test
    void fixedIdsComeFirstWhateverTheCorpus() {
        WordVocabulary tiny = WordVocabulary.build(List.of("b a b c a b user 12"), VocabularyConfig.defaults());
        List<String> head = List.of("<|pad|>", "<|unk|>", "<|endoftext|>", "<|im_start|>", "<|im_end|>",
                "<think>", "</think>", "<answer>", "</answer>", "<obj>", "</obj>");
        for (WordVocabulary v : List.of(tiny, vocab)) {
            assertEquals(head, v.tokens().subList(0, 11));
            for (int g = 0; g <= 255; g++) {
                assertEquals(Integer.toString(g), v.token(11 + g));
                assertEquals(11 + g, WordVocabulary.gridId(g));
            }
            assertEquals(List.of(",", "\n", "system", "user", "assistant"), v.tokens().subList(267, 272));
        }
        assertEquals(272, WordVocabulary.FIXED_SIZE);
        // corpus words after the fixed ones: count descending (b 3, a 2), then text; "user" and "12" are not repeated
        assertEquals(List.of("b", "a", "c"), tiny.tokens().subList(272, tiny.size()));
        assertEquals(275, tiny.size());
        assertEquals(List.of(new WordVocabulary.WordCount("b", 3), new WordVocabulary.WordCount("a", 2)), tiny.frequent(2));
        assertThrows(IllegalArgumentException.class, () -> WordVocabulary.gridId(256));
    }

    @Test
    void minCountAndMaxSizeDropWordsToUnk(@TempDir Path dir) throws Exception {
        WordVocabulary v = WordVocabulary.build(List.of("b a b c a b"), VocabularyConfig.defaults().withMinCount(2));
        assertEquals(List.of("b", "a"), v.tokens().subList(272, v.size()));
        assertEquals(1, v.id("c"));
        assertEquals(new WordVocabulary.Coverage(6, 1), v.coverage(List.of("b a b c a b")));
        v.save(dir);
        try (TextTokenizer tok = TextTokenizer.load(dir)) {
            assertArrayEquals(new int[] {272, 273, 1}, tok.encode("B a c"));
            assertEquals("b a <|unk|>", tok.decode(tok.encode("B a c")));
            assertArrayEquals(new int[] {1, 1}, tok.encode("zebra 300"), "unknown words and numbers above 255");
        }
        WordVocabulary one = WordVocabulary.build(List.of("b a b c a b"), VocabularyConfig.defaults().withMaxSize(273));
        assertEquals(List.of("b"), one.tokens().subList(272, one.size()));
    }

    @Test
    void configValidatesAndRoundTrips() {
        VocabularyConfig c = new VocabularyConfig(3, 1000);
        assertEquals(c, VocabularyConfig.fromJson(c.toJson()));
        assertEquals("--min-count must be at least 1 (a word seen once), got 0",
                assertThrows(IllegalArgumentException.class, () -> c.withMinCount(0)).getMessage());
        assertEquals("--max-size 100 is below the 272 fixed tokens (special, markup, roles, grid numbers 0..255); "
                + "use at least 272", assertThrows(IllegalArgumentException.class, () -> c.withMaxSize(100)).getMessage());
        assertEquals("vocabulary config JSON lacks \"maxSize\"",
                assertThrows(IllegalArgumentException.class, () -> VocabularyConfig.fromJson("{\"minCount\": 2}")).getMessage());
    }

    @Test
    void coversItsCorpusAndMostOfUnseenRooms() throws Exception {
        WordVocabulary.Coverage train = vocab.coverage(corpus);
        assertEquals(0, train.unknown());
        assertEquals(1.0, train.share());
        assertEquals(vocab.corpus().words(), train.words());
        WordVocabulary.Coverage held = vocab.coverage(EngineCorpus.texts(5, 1000, (done, total, id) -> {}));
        // measured: 0.9642 (1,568 unknown of 43,826 words); rooms of kinds the 3 training rooms lack bring new names
        assertTrue(held.share() >= 0.96, "held-out coverage " + held.share());
        assertTrue(held.unknown() > 0, "5 unseen rooms bring some words 3 rooms lack");
    }

    @Test
    void sameCorpusSameBytes(@TempDir Path dir) throws Exception {
        // the same texts in another order count the same words: the ids and the file do not move
        List<String> reversed = new java.util.ArrayList<>(corpus);
        java.util.Collections.reverse(reversed);
        vocab.save(dir.resolve("a"));
        WordVocabulary.build(corpus, VocabularyConfig.defaults()).save(dir.resolve("b"));
        WordVocabulary.build(reversed, VocabularyConfig.defaults()).save(dir.resolve("c"));
        byte[] a = Files.readAllBytes(dir.resolve("a/tokenizer.json"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/tokenizer.json")));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("c/tokenizer.json")));
        JsonObject cfg = JsonParser.parseString(Files.readString(dir.resolve("a/tokenizer_config.json"))).getAsJsonObject();
        assertEquals("<|im_end|>", cfg.get("eos_token").getAsString());
        JsonObject prov = cfg.getAsJsonObject("r1kit_vocabulary");
        assertEquals(corpus.size(), prov.getAsJsonObject("corpus").get("texts").getAsLong());
        assertEquals(vocab.corpus().sha256(), prov.getAsJsonObject("corpus").get("sha256").getAsString());
        assertEquals(VocabularyConfig.defaults(), VocabularyConfig.fromJson(prov.get("config").toString()));
    }

    @Test
    void huggingFaceTokenizerAgreesWithTheJavaSide(@TempDir Path dir) throws Exception {
        vocab.save(dir);
        try (TextTokenizer tok = TextTokenizer.load(dir)) {
            for (String text : corpus) {
                int[] ids = tok.encode(text);
                assertArrayEquals(vocab.ids(text), ids, text);
                // the decoder's spacing rules give back every text the engine writes, lower-cased
                assertEquals(text.toLowerCase(Locale.ROOT), tok.decode(ids));
            }
        }
    }

    @Test
    void questionsRepliesAndBoxesRoundTrip(@TempDir Path dir) throws Exception {
        vocab.save(dir);
        try (TextTokenizer tok = TextTokenizer.load(dir)) {
            String box = "<obj>12, 200, 7, 30, 30, 40</obj>";
            int comma = vocab.id(",");
            assertArrayEquals(new int[] {9, 11 + 12, comma, 11 + 200, comma, 11 + 7, comma, 11 + 30, comma, 11 + 30,
                comma, 11 + 40, 10}, tok.encode(box));
            assertEquals(box, tok.decode(tok.encode(box)));
            BoxCodec codec = new BoxCodec(Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f));
            Box3 decoded = codec.decode(tok.decode(tok.encode(box)));
            assertEquals(codec.decode(box), decoded);
            assertArrayEquals(new int[] {12, 200, 7, 30, 30, 40}, codec.quantise(decoded));

            String question = "Where is the Chair next to the desk? Give its box.";
            assertEquals("where is the chair next to the desk? give its box.", tok.decode(tok.encode(question)));
            String reply = "<think>Step 1: The room is 3.8 by 4.5 metres.\nStep 2: Only one object matches \"the desk\": "
                    + "the brown desk.</think><answer>The desk is at " + box + ".</answer>";
            int[] ids = tok.encode(reply);
            assertEquals(5, ids[0]);
            assertEquals(8, ids[ids.length - 1]);
            assertFalse(Arrays.stream(ids).anyMatch(i -> i == 1), "no unknown word in " + reply);
            String back = tok.decode(ids);
            assertEquals(reply.toLowerCase(Locale.ROOT), back);
            assertEquals(List.of(codec.decode(box)), codec.decodeAll(back));

            // special tokens go with decodeWithoutSpecial; the reply markup stays
            String chat = new ChatTemplate(null).render(List.of(ChatMessage.user("Where is the desk?"),
                    ChatMessage.assistant("<answer>Here is the Zebra.</answer>")), false);
            int[] chatIds = tok.encode(chat);
            assertEquals(3, chatIds[0]);
            assertEquals(chat.toLowerCase(Locale.ROOT).replace("zebra", "<|unk|>"), tok.decode(chatIds));
            // <|unk|> is special too, so it goes with them
            assertEquals("user\nwhere is the desk?\nassistant\n<answer>here is the.</answer>\n",
                    tok.decodeWithoutSpecial(chatIds));
        }
    }

    @Test
    void splitterKeepsMarkupWhole() {
        assertEquals(List.of("step", "1", ":", "<obj>", "12", ",", "200", "</obj>", "###", "human", "\n", "free", "-",
                "standing", "<|im_end|>"), WordSplitter.split("Step 1: <obj>12, 200</obj> ### human\nfree-standing<|im_end|>"));
        assertEquals(List.of("<", "think", ">", "3", ".", "8"), WordSplitter.split("<THINK>3.8"), "markup is matched as written");
    }
}
