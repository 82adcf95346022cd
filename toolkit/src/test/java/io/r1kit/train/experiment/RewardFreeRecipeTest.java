package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import io.r1kit.reward.RewardScore;
import io.r1kit.task.Task;
import io.r1kit.train.RecipeJson;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.sft.SftConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GRPO without rewards: the recipe it derives, and the committed recipes the docs' runs name. */
class RewardFreeRecipeTest {

    private static final Path ENVIRONMENT = Path.of("../environment");

    @Test
    void weighsEveryRewardZeroAndChangesNothingElseButDynamicSampling() throws IOException {
        GrpoConfig run18 = GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run18.json"));
        GrpoConfig free = RewardFreeRecipe.of(run18);
        assertTrue(run18.dynamicSampling());
        assertFalse(free.dynamicSampling());
        for (Task t : run18.tasks()) {
            for (String name : run18.rewardNames(t)) {
                assertEquals(0, free.weight(name), 0, name);
            }
        }
        RewardScore score = new RewardScore(Map.of("format", 1.0, "cider", 0.7, "facts", 0.5), 2.2);
        assertEquals(2.2, run18.weighted(score), 1e-12);
        assertEquals(0, free.weighted(score), 0);
        JsonObject a = RecipeJson.tree(run18);
        JsonObject b = RecipeJson.tree(free);
        for (JsonObject o : List.of(a, b)) {
            o.remove("reward_weights");
            o.remove("dynamic_sampling");
        }
        assertEquals(a, b);
        // run 33 of docs/training.md is exactly this recipe of run 18's
        assertEquals(GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run33.json")), free);
    }

    @Test
    void run56IsRun55sSeed11WithoutRewards() throws IOException {
        JsonObject run55 = RecipeJson.tree(GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run55.json")));
        run55.addProperty("seed", 11);
        GrpoConfig free = RewardFreeRecipe.of(GrpoConfig.fromJson(run55.toString()));
        // docs/grpo-runs.md's run 56 is exactly this recipe: the anchor, KL and sampling of run 55 without its rewards
        assertEquals(GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run56.json")), free);
        assertEquals("start", RecipeJson.tree(free).get("sft_rooms").getAsString());
    }

    @Test
    void run57IsRun55sSeed11PushingOnlyTheGains() throws IOException {
        JsonObject run55 = RecipeJson.tree(GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run55.json")));
        run55.addProperty("seed", 11);
        run55.addProperty("advantage_baseline", "greedy_gain");
        // docs/grpo-runs.md's run 57: run 55's seed 11 with only the outputs above the greedy answer pushed
        GrpoConfig run57 = GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run57.json"));
        assertEquals(GrpoConfig.fromJson(run55.toString()), run57);
        assertTrue(run57.gainsOnly() && run57.greedyBaseline() && run57.dynamicSampling());
    }

    @Test
    void run58IsRun57SamplingTheShortAnswersWithTheAnchorOnAllSeven() throws IOException {
        GrpoConfig run57 = GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run57.json"));
        GrpoConfig run58 = GrpoConfig.read(ENVIRONMENT.resolve("nano-grpo-run58.json"));
        List<Task> sampled = List.of(Task.OBJECT_CAPTION, Task.GROUNDING, Task.QA, Task.DIALOGUE);
        assertEquals(sampled, run58.tasks());
        assertEquals(run57.tasks(), run58.anchorTasks());                 // all seven, as run 57's anchor
        JsonObject back = RecipeJson.tree(run58);
        back.add("tasks", RecipeJson.tree(run57).get("tasks"));
        back.add("rewards", RecipeJson.tree(run57).get("rewards"));
        back.add("task_completion_lengths", RecipeJson.tree(run57).get("task_completion_lengths"));
        back.add("sft_tasks", new com.google.gson.JsonArray());
        // docs/grpo-runs.md's run 58: run 57 but for the tasks sampled (their rewards and lengths as run 57's)
        assertEquals(run57, GrpoConfig.fromJson(back.toString()));
        for (Task t : sampled) {
            assertEquals(run57.rewardNames(t), run58.rewardNames(t));
            assertEquals(run57.completionLength(t), run58.completionLength(t));
        }
    }

    @Test
    void everyCommittedRecipeReads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ENVIRONMENT)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        int grpo = 0;
        int sft = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.contains("-grpo")) {
                GrpoConfig.read(f);
                grpo++;
            } else if (name.contains("-sft")) {
                SftConfig.read(f);
                sft++;
            }
        }
        assertTrue(grpo >= 30 && sft >= 3, grpo + " GRPO and " + sft + " SFT recipes in " + files);
    }
}
