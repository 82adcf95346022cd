package io.r1kit.train.sft;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.Provenance;
import io.r1kit.task.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * More of the supervised training a checkpoint already had: its own SFT recipe (kept in its {@code r1kit.json})
 * continued from its weights on other rooms and tasks, at that recipe's final learning rate, held constant
 * after a short warm-up; a recipe that cooled its rate to 0 ({@code final_learning_rate} 0) continues at its peak
 * {@code learning_rate}, the rate it trained at. GRPO's supervised anchor and the experiment's SFT-continuation
 * control train on it.
 *
 * <pre>{@code
 * SftConfig more = ContinuedRecipe.of(base, 200, 0, 5, 300_000, List.of(Task.QA), 500, 10);
 * }</pre>
 */
public final class ContinuedRecipe {

    private ContinuedRecipe() {}

    /**
     * The recipe that continues {@code base}'s for {@code steps} steps on rooms {@code trainSeed ..}
     * ({@code trainRooms} of them) and {@code tasks}, with held-out rooms {@code heldOutSeed ..}.
     *
     * @throws IllegalArgumentException when the checkpoint keeps no SFT recipe
     */
    public static SftConfig of(Path base, int trainRooms, long trainSeed, int heldOutRooms, long heldOutSeed,
                               List<Task> tasks, int steps, long seed) throws IOException {
        JsonObject provenance = Provenance.exists(base) ? Provenance.read(base).toJson() : new JsonObject();
        if (!provenance.has("recipe") || !provenance.getAsJsonObject("recipe").has("hidden_size")) {
            throw new IllegalArgumentException(base + "/r1kit.json holds no SFT recipe: supervision continues the"
                    + " starting model's own recipe; start from a model trained by `r1kit train sft`");
        }
        JsonObject r = provenance.getAsJsonObject("recipe").deepCopy();
        double peak = r.get("learning_rate").getAsDouble();
        double fraction = r.has("final_learning_rate") ? r.get("final_learning_rate").getAsDouble() : 1.0;
        double lr = fraction > 0 ? peak * fraction : peak;
        JsonArray slugs = new JsonArray();
        tasks.forEach(t -> slugs.add(t.slug()));
        r.addProperty("init_model", base.toString());
        r.addProperty("train_rooms", trainRooms);
        r.addProperty("train_seed", trainSeed);
        r.addProperty("held_out_rooms", heldOutRooms);
        r.addProperty("held_out_seed", heldOutSeed);
        r.add("tasks", slugs);
        r.addProperty("steps", steps);
        r.addProperty("learning_rate", lr);
        r.addProperty("final_learning_rate", 1.0);
        r.addProperty("warmup_steps", Math.min(10, steps - 1));
        r.addProperty("eval_every", steps);
        r.addProperty("eval_examples", 0);
        r.addProperty("keep_best", false);
        r.addProperty("dtype", "F32");
        r.addProperty("seed", seed);
        return SftConfig.fromJson(r.toString());
    }
}
