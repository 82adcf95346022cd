package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import io.r1kit.task.Task;
import io.r1kit.train.RecipeJson;
import io.r1kit.train.grpo.GrpoConfig;

/**
 * A GRPO recipe without its rewards' signal, the experiment's third arm: every reward of every task weighted 0, so
 * every group ties and every advantage is 0, and dynamic sampling off (it would re-draw every group). The run still
 * samples its groups, takes the KL term to the start and the supervised anchor, with the same start, prompts, seed
 * and steps; so what GRPO gains over it, the rewards gave. It samples one round per step where GRPO with dynamic
 * sampling re-draws its tied groups, so it costs GRPO's seconds or less.
 */
public final class RewardFreeRecipe {

    private RewardFreeRecipe() {}

    /** {@code recipe} with every reward its tasks name weighted 0 and dynamic sampling off. */
    public static GrpoConfig of(GrpoConfig recipe) {
        JsonObject weights = new JsonObject();
        for (Task t : recipe.tasks()) {
            recipe.rewardNames(t).forEach(name -> weights.addProperty(name, 0.0));
        }
        JsonObject j = RecipeJson.tree(recipe);
        j.add("reward_weights", weights);
        j.addProperty("dynamic_sampling", false);
        return GrpoConfig.fromJson(j.toString());
    }
}
