package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.train.TinyCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSftBatchesCommandTest {

    @Test
    void timesTheThreeOrdersAndSplitOrGroupedBatchesPadLess(@TempDir Path dir) throws Exception {
        Path recipe = Files.writeString(dir.resolve("tiny.json"), TinyCheckpoint.RECIPE);
        MainTest.Result r = run("bench", "sft-batches", "--config", recipe.toString(), "--steps", "6", "--chunk", "3",
                "--warmup", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(6, o.get("steps").getAsInt());
        double random = o.getAsJsonObject("random").get("padded_over_own").getAsDouble();
        double grouped = o.getAsJsonObject("grouped").get("padded_over_own").getAsDouble();
        double split = o.getAsJsonObject("split").get("padded_over_own").getAsDouble();
        assertTrue(grouped >= 1 && grouped < random, "padding: grouped " + grouped + ", random " + random);
        assertTrue(split >= 1 && split < random, "padding: split " + split + ", random " + random);
        assertEquals(1.0, o.getAsJsonObject("random").get("speed_up").getAsDouble(), 1e-12);
        assertTrue(o.getAsJsonObject("split").get("speed_up").getAsDouble() > 0, o.toString());
    }

    @Test
    void refusesNoSteps() {
        MainTest.Result r = run("bench", "sft-batches", "--steps", "0");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("r1kit: --steps 0, --chunk 15, --warmup 5: steps and chunk must be at least 1"),
                r.err());
    }
}
