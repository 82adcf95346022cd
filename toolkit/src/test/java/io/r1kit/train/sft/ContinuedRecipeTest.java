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

    /** The provenance {@code model average} writes: each member's path, weights hash and own provenance. */
    private static Path average(Path dir, JsonObject... members) throws Exception {
        com.google.gson.JsonArray list = new com.google.gson.JsonArray();
        for (JsonObject m : members) {
            JsonObject member = new JsonObject();
            member.addProperty("path", "m" + list.size());
            member.addProperty("weights_sha256", "0".repeat(64));
            member.add("provenance", m);
            list.add(member);
        }
        Provenance.of("architecture", "qwen2").with("training", "average").with("members", list).write(dir);
        return dir;
    }

    private static JsonObject provenance(Path checkpoint) throws Exception {
        return Provenance.read(checkpoint).toJson();
    }

    @Test
    void anAverageContinuesTheRecipeItsMembersShare(@TempDir Path tmp) throws Exception {
        JsonObject a = provenance(checkpoint(tmp.resolve("a"), 1e-4, 0.0));
        JsonObject b = provenance(checkpoint(tmp.resolve("b"), 1e-4, 0.0));
        // seeds and lengths of the members' runs differ, as an experiment's controls do
        b.getAsJsonObject("recipe").addProperty("seed", 11);
        b.getAsJsonObject("recipe").addProperty("steps", 1771);
        SftConfig soup = continued(average(tmp.resolve("soup"), a, b));
        assertEquals(1e-4, soup.learningRate(), 1e-12);
        assertEquals(tmp.resolve("soup").toString(), soup.initModel());
        assertEquals(50, soup.steps());
        // an average of averages goes down to their members
        JsonObject inner = provenance(tmp.resolve("soup"));
        assertEquals(1e-4, continued(average(tmp.resolve("twice"), inner, a)).learningRate(), 1e-12);
    }

    @Test
    void refusesAnAverageOfOtherRecipesOrOfAModelWithoutOne(@TempDir Path tmp) throws Exception {
        JsonObject cooled = provenance(checkpoint(tmp.resolve("cooled"), 1e-4, 0.0));
        JsonObject constant = provenance(checkpoint(tmp.resolve("constant"), 1e-4, 1.0));
        Path mixed = average(tmp.resolve("mixed"), cooled, constant);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> continued(mixed));
        assertTrue(e.getMessage().startsWith(mixed + "/r1kit.json averages models whose SFT recipes differ in"
                + " final_learning_rate (0.0 and 1.0)"), e.getMessage());
        JsonObject grpo = new JsonObject();
        grpo.add("recipe", JsonParser.parseString("{\"num_generations\": 8}"));
        Path withGrpo = average(tmp.resolve("with-grpo"), cooled, grpo);
        e = assertThrows(IllegalArgumentException.class, () -> continued(withGrpo));
        assertTrue(e.getMessage().contains("r1kit.json holds no SFT recipe"), e.getMessage());
    }

    @Test
    void refusesACheckpointWithoutAnSftRecipe(@TempDir Path tmp) throws Exception {
        Provenance.of("architecture", "qwen2").write(tmp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> continued(tmp));
        assertTrue(e.getMessage().contains("r1kit.json holds no SFT recipe"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ContinuedRecipe.onOwnRooms(tmp, 2, 9_000, List.of(Task.QA), 50, 4));
        assertTrue(e.getMessage().contains("r1kit.json holds no SFT recipe"), e.getMessage());
    }

    @Test
    void onItsOwnRoomsContinuesOnTheRoomsItsRecipeOrItsFirstMemberTrainedOn(@TempDir Path tmp) throws Exception {
        Path base = checkpoint(tmp.resolve("cold"), 1e-4, 0.0);
        JsonObject p = provenance(base);
        p.getAsJsonObject("recipe").addProperty("train_rooms", 60);
        p.getAsJsonObject("recipe").addProperty("train_seed", 1_000);
        Provenance.of("architecture", "qwen2").with("recipe", p.getAsJsonObject("recipe")).write(base);
        SftConfig own = ContinuedRecipe.onOwnRooms(base, 2, 9_000, List.of(Task.QA), 50, 4);
        assertEquals(60, own.trainRooms());
        assertEquals(1_000, own.trainSeed());
        assertEquals(1e-4, own.learningRate(), 1e-12);
        assertEquals(List.of(Task.QA), own.tasks());
        assertEquals(9_000, own.heldOutSeed());
        JsonObject other = provenance(checkpoint(tmp.resolve("other"), 1e-4, 0.0));
        SftConfig soup = ContinuedRecipe.onOwnRooms(average(tmp.resolve("soup"), provenance(base), other), 2, 9_000,
                List.of(Task.QA), 50, 4);
        assertEquals(60, soup.trainRooms());
    }
}
