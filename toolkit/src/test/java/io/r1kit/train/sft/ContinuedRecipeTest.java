package io.r1kit.train.sft;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Provenance;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recipe that continues a checkpoint's supervised training: its rate, its rooms and its refusals. */
class ContinuedRecipeTest {

    private static Path checkpoint(Path dir, double rate, Double fraction) throws Exception {
        JsonObject recipe = JsonParser.parseString(SftConfig.defaults().toJson()).getAsJsonObject();
        recipe.addProperty("learning_rate", rate);
        if (fraction == null) {
            recipe.remove("final_learning_rate");
        } else {
            recipe.addProperty("final_learning_rate", fraction);
        }
        Provenance.of("architecture", "qwen2").with("recipe", recipe).write(dir);
        return dir;
    }

    private static SftConfig continued(Path base) throws Exception {
        return ContinuedRecipe.of(base, 7, 100, 2, 9_000, List.of(Task.QA), 50, 4);
    }

    @Test
    void continuesAtTheFinalRateOrThePeakOfARecipeCooledToZero(@TempDir Path tmp) throws Exception {
        SftConfig decayed = continued(checkpoint(tmp.resolve("decayed"), 2e-4, 0.25));
        assertEquals(5e-5, decayed.learningRate(), 1e-12);
        assertEquals(1.0, decayed.finalLearningRate());
        assertEquals(10, decayed.warmupSteps());
        assertEquals(2e-4, continued(checkpoint(tmp.resolve("constant"), 2e-4, null)).learningRate(), 1e-12);
        // cooled to 0: continuing at 0 would train nothing, so it goes on at the rate it trained at
        SftConfig cooled = continued(checkpoint(tmp.resolve("cooled"), 1e-4, 0.0));
        assertEquals(1e-4, cooled.learningRate(), 1e-12);
        assertEquals(List.of(Task.QA), cooled.tasks());
        assertEquals(7, cooled.trainRooms());
        assertEquals(100, cooled.trainSeed());
        assertEquals(50, cooled.steps());
        assertEquals(4, cooled.seed());
    }

    @Test
    void refusesACheckpointWithoutAnSftRecipe(@TempDir Path tmp) throws Exception {
        Provenance.of("architecture", "qwen2").write(tmp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> continued(tmp));
        assertTrue(e.getMessage().contains("r1kit.json holds no SFT recipe"), e.getMessage());
    }
}
