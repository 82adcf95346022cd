package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.WordVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelVocabCommandTest {

    @Test
    void buildsReportsAndLoads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nano");
        MainTest.Result r = run("model", "vocab", "--rooms", "2", "--seed", "4", "--held-out", "1", "--out", out.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("] 3/3 "), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        int size = o.get("size").getAsInt();
        assertEquals(272, o.get("fixed").getAsInt());
        JsonObject train = o.getAsJsonObject("coverage").getAsJsonObject("training");
        assertEquals(0, train.get("unknown").getAsLong());
        assertEquals(o.getAsJsonObject("corpus").get("words").getAsLong(), train.get("words").getAsLong());
        JsonObject held = o.getAsJsonObject("coverage").getAsJsonObject("held_out");
        assertEquals(6, held.get("seed").getAsLong());
        long words = held.get("words").getAsLong();
        long unknown = held.get("unknown").getAsLong();
        assertTrue(unknown > 0 && words > unknown, "an unseen room brings words two rooms lack: " + held);
        assertEquals((words - unknown) / (double) words, held.get("share").getAsDouble(), 1e-12);
        JsonArray top = o.getAsJsonArray("frequent");
        assertEquals(20, top.size());
        for (int i = 1; i < top.size(); i++) {
            assertTrue(top.get(i - 1).getAsJsonObject().get("count").getAsLong()
                    >= top.get(i).getAsJsonObject().get("count").getAsLong());
        }
        try (TextTokenizer tok = TextTokenizer.load(out)) {
            String firstWord = top.get(0).getAsJsonObject().get("word").getAsString();
            assertArrayEquals(new int[] {top.get(0).getAsJsonObject().get("id").getAsInt()}, tok.encode(firstWord));
            assertArrayEquals(new int[] {WordVocabulary.gridId(255)}, tok.encode("255"));
        }
        assertTrue(Files.isRegularFile(out.resolve("tokenizer_config.json")));

        // text: the same figures; a smaller cap leaves corpus words out, so training coverage drops
        r = run("model", "vocab", "--rooms", "2", "--seed", "4", "--held-out", "0", "--max-size", "300", "--min-count", "2",
                "--out", dir.resolve("small").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + dir.resolve("small").resolve("tokenizer.json")
                + ": 300 entries (272 fixed + 28 corpus words; "), r.out());
        assertTrue(r.out().contains(" distinct words in the corpus; min count 2, max size 300)\n"
                + "corpus       2 rooms from seed 4: "), r.out());
        assertTrue(r.out().contains("\ncoverage     training "), r.out());
        assertTrue(!r.out().contains("held-out"), r.out());
        assertEquals(21, r.out().substring(r.out().indexOf("most frequent words:")).split("\n").length, r.out());
        assertTrue(size > 300, "the uncapped vocabulary has " + size + " entries");
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        MainTest.Result r = run("model", "vocab", "--rooms", "1", "--out", dir.toString(), "--max-size", "10");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: --max-size 10 is below the 272 fixed tokens (special, markup, roles, grid numbers 0..255); "
                + "use at least 272\n", r.err());
        Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        r = run("model", "vocab", "--rooms", "1", "--out", file.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: taken.txt: is a file; --out needs a folder\n", r.err());
        r = run("model", "vocab", "--rooms", "0", "--out", dir.resolve("v").toString());
        assertEquals("r1kit: --rooms must be at least 1, got 0\n", r.err());
    }
}
