package io.r1kit.cli;

import io.r1kit.train.grpo.GrpoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainGrpoCommandTest {

    @Test
    void printsTheDefaultRecipe() {
        MainTest.Result r = run("train", "grpo", "--print-default-config");
        assertEquals(0, r.code(), r.err());
        assertEquals(GrpoConfig.defaults(), GrpoConfig.fromJson(r.out()));
    }

    @Test
    void aBadRecipeIsOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("r.json");
        Files.writeString(f, "{\"epsilon\": 1.5}");
        MainTest.Result r = run("train", "grpo", "--config", f.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.code());
        assertEquals("r1kit: " + f + ": epsilon 1.5 is outside (0, 1); 0.2 is usual", r.err().strip());
    }

    @Test
    void aMissingStartingModelIsOneLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("r.json");
        Files.writeString(f, "{\"model\": \"" + tmp.resolve("none") + "\"}");
        MainTest.Result r = run("train", "grpo", "--config", f.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.code());
        assertEquals("r1kit: " + tmp.resolve("none") + ": not a checkpoint folder (no tokenizer.json) and not a shipped "
                + "model name (r1, sft)", r.err().strip());
    }
}
