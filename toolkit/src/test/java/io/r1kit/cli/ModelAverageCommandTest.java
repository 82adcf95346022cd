package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Provenance;
import io.r1kit.model.vlm.NanoModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelAverageCommandTest {

    @Test
    void averagesTheShippedModels(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("soup");
        MainTest.Result r = run("model", "average", "--out", out.toString(), "sft", "r1");
        assertEquals(0, r.code(), r.err());
        long parameters = Provenance.read(NanoModel.resolve("sft")).get("parameters").getAsLong();
        assertEquals(String.format(java.util.Locale.ROOT, "averaged 2 models into %s (%,d parameters, stored as F16)%n",
                out, parameters), r.out());
        assertEquals(2, Provenance.read(out).get("members").getAsJsonArray().size());

        r = run("model", "average", "--out", dir.resolve("wide").toString(), "--dtype", "f32", "--json", "r1", "sft");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("F32", o.get("dtype").getAsString());
        assertEquals(parameters, o.get("parameters").getAsLong());
        assertTrue(Files.size(dir.resolve("wide").resolve("model.safetensors"))
                > 1.9 * Files.size(out.resolve("model.safetensors")), "float32 weights take twice the bytes");

        Path twice = dir.resolve("twice");
        r = run("model", "average", "--out", twice.toString(), "--weights", "2,-1", "r1", "sft");
        assertEquals(0, r.code(), r.err());
        assertEquals(String.format(java.util.Locale.ROOT, "averaged 2 models into %s (weights 2, -1; %,d parameters,"
                + " stored as F16)%n", twice, parameters), r.out());
        assertEquals(-1.0, Provenance.read(twice).get("members").getAsJsonArray().get(1).getAsJsonObject()
                .get("weight").getAsDouble());
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) {
        Path out = dir.resolve("soup");
        MainTest.Result r = run("model", "average", "--out", out.toString(), "--dtype", "bf16", "sft", "r1");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: --dtype is F32 or F16, not 'bf16'\n", r.err());
        r = run("model", "average", "--out", out.toString(), "sft", "sft");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("r1kit: ") && r.err().endsWith(" is named twice; each model counts once in the"
                + " average\n") && r.err().lines().count() == 1, r.err());
        r = run("model", "average", "--out", out.toString(), "sft", dir.resolve("missing").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("missing: not a checkpoint folder"), r.err());
        r = run("model", "average", "--out", out.toString(), "--weights", "1,1", "sft", "r1");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: the weights sum to 2, not 1: a combination of one start's fine-tunes keeps the sum 1"
                + " (the start takes 1 minus the others)\n", r.err());
        r = run("model", "average", "--out", out.toString(), "--weights", "1,x", "sft", "r1");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: --weights takes numbers separated by commas (e.g. 1,1,-1), not '1,x'\n", r.err());
        assertFalse(Files.exists(out));
    }
}
