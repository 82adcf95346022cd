package io.r1kit.cli;

import io.r1kit.train.sft.SftConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainSftCommandTest {

    @Test
    void printsTheDefaultRecipe() {
        MainTest.Result r = run("train", "sft", "--print-default-config");
        assertEquals(0, r.code(), r.err());
        assertEquals(SftConfig.defaults(), SftConfig.fromJson(r.out()));
    }

    @Test
    void theCommittedNanoRecipeIsValid() throws Exception {
        SftConfig nano = SftConfig.read(Path.of("../environment/nano-sft.json"));
        assertEquals(256, nano.hiddenSize());
        assertEquals(7, nano.tasks().size());
    }

    @Test
    void aBadRecipeIsOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("r.json");
        Files.writeString(f, "{\"steps\": 0}");
        MainTest.Result r = run("train", "sft", "--config", f.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.code());
        assertEquals("r1kit: " + f + ": steps must be at least 1, got 0 (the number of optimiser updates)", r.err().strip());
    }
}
