package io.r1kit.train.grpo;

import io.r1kit.model.text.WordVocabulary;
import io.r1kit.task.Task;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.sft.ContinuedRecipe;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sft_rooms} and {@code sft_tasks}: the supervised anchor's answers from the prompt rooms or from the starting
 * model's own, of the tasks sampled or of others too.
 */
class AnchorRoomsTest {

    private static GrpoConfig recipe(String rooms) {
        return GrpoConfig.fromJson("{\"model\": \"" + TinyCheckpoint.dir() + "\", \"train_rooms\": 1, \"held_out_rooms\": 1,"
                + " \"held_out_seed\": 500, \"eval_prompts\": 1, \"num_generations\": 2, \"prompts_per_step\": 1,"
                + " \"steps\": 1, \"learning_rate\": 0.01, \"max_completion_length\": 4, \"beta\": 0,"
                + " \"sft_weight\": 0.5, \"sft_batch_size\": 2, \"sft_rooms\": \"" + rooms + "\"}");
    }

    private static String anchorHash(Path run) throws Exception {
        var p = com.google.gson.JsonParser.parseString(Files.readString(run.resolve("r1kit.json"))).getAsJsonObject();
        return p.get("sft_anchor_sha256").getAsString();
    }

    private static String hashOf(SftConfig sft) throws Exception {
        return SftData.training(sft, WordVocabulary.read(TinyCheckpoint.dir()), TrainProgress.none()).sha256();
    }

    @Test
    void startDrawsTheAnswersOfTheRoomsTheStartingModelTrainedOn(@TempDir Path tmp) throws Exception {
        GrpoConfig start = recipe("start");
        SftConfig own = ContinuedRecipe.onOwnRooms(TinyCheckpoint.dir(), start.heldOutRooms(), start.heldOutSeed(),
                start.tasks(), start.steps(), start.seed());
        assertEquals(2, own.trainRooms());                           // TinyCheckpoint's recipe: 2 rooms from seed 0
        assertEquals(0, own.trainSeed());
        GrpoRun.run(start, new GrpoRewards(), tmp.resolve("start"), false, TrainProgress.none());
        assertEquals(hashOf(own), anchorHash(tmp.resolve("start")));

        // the prompt rooms' answers, what the default draws, are others
        SftConfig promptRooms = ContinuedRecipe.of(TinyCheckpoint.dir(), 1, start.trainSeed(), 1, 500, start.tasks(),
                start.steps(), start.seed());
        assertNotEquals(hashOf(promptRooms), anchorHash(tmp.resolve("start")));
    }

    @Test
    void sftTasksGiveTheAnchorTasksTheRecipeDoesNotSample(@TempDir Path tmp) throws Exception {
        assertEquals(GrpoConfig.defaults().tasks(), GrpoConfig.defaults().anchorTasks());   // empty: the recipe's tasks
        GrpoConfig held = GrpoConfig.fromJson(recipe("start").toJson().replace("\"sft_tasks\": []",
                "\"sft_tasks\": [\"qa\", \"grounding\"]"));
        assertEquals(List.of(Task.GROUNDING), held.tasks());
        assertEquals(List.of(Task.GROUNDING, Task.QA), held.anchorTasks());
        assertEquals(held, GrpoConfig.fromJson(held.toJson()));
        GrpoRun.run(held, new GrpoRewards(), tmp.resolve("held"), false, TrainProgress.none());
        SftConfig both = ContinuedRecipe.onOwnRooms(TinyCheckpoint.dir(), held.heldOutRooms(), held.heldOutSeed(),
                held.anchorTasks(), held.steps(), held.seed());
        SftConfig sampled = ContinuedRecipe.onOwnRooms(TinyCheckpoint.dir(), held.heldOutRooms(), held.heldOutSeed(),
                held.tasks(), held.steps(), held.seed());
        assertEquals(hashOf(both), anchorHash(tmp.resolve("held")));
        assertNotEquals(hashOf(sampled), hashOf(both));
        String e = assertThrows(IllegalArgumentException.class,
                () -> GrpoConfig.fromJson("{\"sft_tasks\": [\"painting\"]}")).getMessage();
        assertTrue(e.contains("painting"), e);
    }

    @Test
    void anotherValueIsRefusedWithTheChoices() {
        String e = assertThrows(IllegalArgumentException.class,
                () -> GrpoConfig.fromJson("{\"sft_rooms\": \"cold\"}")).getMessage();
        assertEquals("sft_rooms \"cold\" is none of [prompts, start]", e);
        assertTrue(GrpoConfig.defaults().sftRooms().equals("prompts"));
    }
}
