package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.data.Scene30k;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CotCommandTest {

    @Test
    void generateFilterPreview(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("set");
        MainTest.Result r = run("cot", "generate", "--scenes", "3", "--seed", "5", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("] 3/3 "), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(3, o.get("scenes").getAsInt());
        Path train = out.resolve("scene30k_train.jsonl");
        int all = Scene30k.read(train).size();

        r = run("cot", "filter", train.toString(), dir.resolve("kept.jsonl").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject f = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(all, f.get("in").getAsInt());
        assertEquals(f.get("kept").getAsInt(), Scene30k.read(dir.resolve("kept.jsonl")).size());
        assertEquals(all, f.getAsJsonObject("passing").get("format").getAsInt());

        r = run("cot", "preview", train.toString(), "--index", "1", "--out", dir.resolve("card.html").toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("card.html"));
        assertTrue(html.contains("<ol><li>") && html.contains("consistency"), html);
        assertTrue(html.contains("<img alt=\"scene\""), "no picture although engine.json is beside the file");
        assertTrue(r.out().startsWith("wrote " + dir.resolve("card.html") + " with "), r.out());

        // Without engine.json beside it, the card has no picture and the output line says why.
        Path alone = Files.createDirectory(dir.resolve("alone")).resolve("train.jsonl");
        Files.copy(train, alone);
        r = run("cot", "preview", alone.toString(), "--index", "1", "--out", dir.resolve("bare.html").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!Files.readString(dir.resolve("bare.html")).contains("<img"));
        assertEquals("wrote " + dir.resolve("bare.html") + " without a picture (no engine.json beside train.jsonl to "
                + "regenerate the room)\n", r.out());
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"scene_id\": \"a\", \"question\": \"q\"}\n");
        MainTest.Result r = run("cot", "filter", bad.toString(), dir.resolve("o.jsonl").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: bad.jsonl: line 1: no string field \"cot\"\n", r.err());
        r = run("cot", "preview", bad.toString().replace("bad", "none"), "--out", dir.resolve("x.html").toString());
        assertEquals("r1kit: none.jsonl: no such file\n", r.err());
    }
}
