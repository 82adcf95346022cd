package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRewardCommandTest {

    @Test
    void timesTheSemanticRewardAndWritesEachTextsEmbedding(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("e.jsonl");
        MainTest.Result r = run("bench", "reward", "--rooms", "1", "--embeddings", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        List<String> lines = Files.readAllLines(out);
        assertEquals(o.get("texts").getAsInt(), lines.size());
        assertTrue(lines.size() > 20, "texts " + lines.size());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(384, first.getAsJsonArray("embedding").size());
        assertTrue(o.get("per_output_ms").getAsDouble() > o.get("per_cached_output_ms").getAsDouble(), o.toString());
    }

    @Test
    void refusesNoRooms() {
        MainTest.Result r = run("bench", "reward", "--rooms", "0");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: --rooms 0 must be at least 1\n", r.err());
    }
}
