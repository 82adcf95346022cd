package io.r1kit.train.grpo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.Engines;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A two-step run from the tiny SFT checkpoint: what lands in the output folder. */
class GrpoRunTest {

    @Test
    void writesALoadableCheckpointWithProvenanceAndTheRewardCurve(@TempDir Path tmp) throws Exception {
        Path base = TinyCheckpoint.dir();
        GrpoConfig config = GrpoConfig.fromJson("{\"model\": \"" + base + "\", \"train_rooms\": 1, \"held_out_rooms\": 1,"
                + " \"held_out_seed\": 500, \"eval_prompts\": 3, \"num_generations\": 2, \"prompts_per_step\": 2,"
                + " \"steps\": 2, \"learning_rate\": 0.01, \"max_completion_length\": 8, \"rewards\": {\"grounding\":"
                + " [\"perception\", \"format\"]}}");
        Path out = tmp.resolve("grpo");
        GrpoRun.Result r = GrpoRun.run(config, out, TrainProgress.none());
        assertEquals(2, r.steps());
        assertEquals(3, r.before().prompts());
        assertEquals(3, r.before().grounding());
        assertEquals(0, r.before().meanParts().get("format"), 0);   // the SFT answers are plain: no <think>
        assertEquals(3, Files.readAllLines(out.resolve("reward.csv")).size());   // header + 2 steps
        assertTrue(Files.size(out.resolve("reward.png")) > 1000);
        JsonObject p = JsonParser.parseString(Files.readString(out.resolve("r1kit.json"))).getAsJsonObject();
        assertEquals("grpo", p.get("training").getAsString());
        assertEquals(config, GrpoConfig.fromJson(p.get("recipe").toString()));
        assertEquals(r.dataSha256(), p.get("data_sha256").getAsString());
        assertFalse(p.getAsJsonObject("base_provenance").entrySet().isEmpty());
        assertEquals(Files.readString(base.resolve("tokenizer.json")), Files.readString(out.resolve("tokenizer.json")));
        // the checkpoint reads back as the model that was scored after training (F32: every bit kept)
        try (Vlm3d trained = VlmCheckpoint.load(out, Engines.defaultDevice());
             TextTokenizer tokenizer = TextTokenizer.load(out)) {
            List<GrpoPrompt> heldOut = GrpoData.of(1, 500, config, new GrpoRewards(), trained.config(), tokenizer,
                    TrainProgress.none())
                    .prompts().subList(0, 3);
            GrpoEval.Scores again = GrpoEval.evaluate(trained, heldOut,
                    ids -> TaskPrompt.stripEnd(tokenizer.decodeWithoutSpecial(ids)), 8);
            assertEquals(r.after(), again);
        }
    }
}
