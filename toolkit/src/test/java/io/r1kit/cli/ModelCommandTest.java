package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCommandTest {

    private final Path dir = fixture();

    private static Path fixture() {
        try {
            return Path.of(ModelCommandTest.class.getResource("/io/r1kit/model/lm/tiny-qwen2/config.json").toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void infoReadsHeadersOnly() {
        MainTest.Result r = run("model", "info", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("tiny-qwen2  (qwen2)\nlayers       2  (hidden 64, MLP 128)\n"), r.out());
        assertTrue(r.out().contains("attention    4 heads, 2 key/value heads, head size 16, rope theta 10000.0"), r.out());
        // 2 x 256 x 64 (embedding, head) + 64 (norm) + 2 layers x 37,120
        assertTrue(r.out().contains("parameters   107,072\n"), r.out());
        assertTrue(r.out().contains("dtype        stored F32, computed in float32"), r.out());
        JsonObject o = JsonParser.parseString(run("model", "info", dir.toString(), "--json").out()).getAsJsonObject();
        assertEquals(107_072, o.get("parameters").getAsLong());
        assertEquals(2, o.get("kv_heads").getAsInt());
        assertEquals("cpu()", o.get("device").getAsString());
    }

    @Test
    void logitsMatchTheReference() throws Exception {
        JsonObject fixture = JsonParser.parseString(Files.readString(dir.resolve("fixture.json"))).getAsJsonObject();
        JsonArray rows = fixture.getAsJsonArray("logits");
        JsonArray expected = rows.get(rows.size() - 1).getAsJsonArray();
        MainTest.Result r = run("model", "logits", dir.toString(), "--tokens", "5,17,42,99,3,250,7,64", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonArray logits = o.getAsJsonArray("logits");
        assertEquals(256, logits.size());
        for (int i = 0; i < 256; i++) {
            assertEquals(expected.get(i).getAsFloat(), logits.get(i).getAsFloat(), 1e-4f, "logit " + i);
        }
        int greedy = fixture.getAsJsonArray("greedy").get(0).getAsInt();
        assertEquals(greedy, o.getAsJsonArray("top").get(0).getAsInt());
        MainTest.Result text = run("model", "logits", dir.toString(), "--tokens", "5,17,42,99,3,250,7,64");
        assertTrue(text.out().startsWith("last position of 8 tokens, 256 logits; top 10:\n" + String.format("  %8d  ", greedy)),
                text.out());
    }

    @Test
    void badInputIsOneLine(@TempDir Path empty) {
        MainTest.Result r = run("model", "logits", dir.toString(), "--tokens", "1,300");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: tiny-qwen2: token 300 is outside the vocabulary 0..255\n", r.err());
        r = run("model", "info", empty.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: config.json: not found (a checkpoint directory needs config.json)\n", r.err());
    }

    @Test
    void dtypeIsChosenAndReported() throws Exception {
        JsonObject info = JsonParser.parseString(run("model", "info", dir.toString(), "--json").out()).getAsJsonObject();
        assertEquals("float32", info.get("compute_dtype").getAsString()); // auto on the CPU
        MainTest.Result text = run("model", "info", dir.toString(), "--dtype", "float16");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("dtype        stored F32, computed in float16\n"), text.out());

        JsonObject fixture = JsonParser.parseString(Files.readString(dir.resolve("fixture.json"))).getAsJsonObject();
        JsonArray rows = fixture.getAsJsonArray("logits");
        JsonArray expected = rows.get(rows.size() - 1).getAsJsonArray();
        MainTest.Result r = run("model", "logits", dir.toString(), "--tokens", "5,17,42,99,3,250,7,64",
                "--dtype", "float16", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("float16", o.get("compute_dtype").getAsString());
        JsonArray logits = o.getAsJsonArray("logits");
        for (int i = 0; i < 256; i++) {
            // float16's tolerance, justified in Qwen2HalfPrecisionTest
            assertEquals(expected.get(i).getAsFloat(), logits.get(i).getAsFloat(), 0.03f, "logit " + i);
        }
        assertEquals(fixture.getAsJsonArray("greedy").get(0).getAsInt(), o.getAsJsonArray("top").get(0).getAsInt());
    }

    @Test
    void benchTimesEachDtype() {
        String[] args = {"model", "bench", dir.toString(), "--dtype", "float32,float16", "--prompt", "4",
                "--new-tokens", "4", "--repeats", "1"};
        MainTest.Result text = run(args);
        assertEquals(0, text.code(), text.err());
        String[] lines = text.out().split("\n");
        assertEquals("greedy decoding on cpu() (prompt 4, 4 new tokens, best of 1 runs):", lines[0]);
        assertTrue(lines[1].matches("  float32 +[0-9.]+ tokens/s"), lines[1]);
        assertTrue(lines[2].matches("  float16 +[0-9.]+ tokens/s"), lines[2]);
        String[] json = java.util.Arrays.copyOf(args, args.length + 1);
        json[args.length] = "--json";
        JsonArray runs = JsonParser.parseString(run(json).out()).getAsJsonObject().getAsJsonArray("runs");
        assertEquals(2, runs.size());
        assertEquals("float16", runs.get(1).getAsJsonObject().get("dtype").getAsString());
        assertTrue(runs.get(1).getAsJsonObject().get("tokens_per_second").getAsDouble() > 0);
    }

    @Test
    void unrunnableOrUnknownDtypeIsOneLine() {
        String bf16 = "r1kit: bfloat16 cannot run on cpu(): DJL 0.36's PyTorch bridge has no bfloat16 element type"
                + " (making one aborts the JVM); use float16 or float32\n";
        MainTest.Result r = run("model", "logits", dir.toString(), "--tokens", "1,2", "--dtype", "bfloat16");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(bf16, r.err());
        r = run("model", "bench", dir.toString(), "--dtype", "float32,bfloat16", "--new-tokens", "1");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(bf16, r.err());
        assertEquals("", r.out()); // refused before float32 was timed
        r = run("model", "info", dir.toString(), "--dtype", "double");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: unknown compute dtype 'double': use one of float32, float16, bfloat16, auto\n", r.err());
    }
}
