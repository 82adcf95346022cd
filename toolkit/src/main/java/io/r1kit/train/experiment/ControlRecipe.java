package io.r1kit.train.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.Provenance;
import io.r1kit.task.Task;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.sft.SftConfig;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The SFT-continuation control of a GRPO run: supervised training from the same starting model, on the
 * reference answers of the same prompt rooms and tasks, for as long as the GRPO run trained. It continues
 * the starting model's own SFT recipe (its {@code r1kit.json}) at that recipe's final learning rate, held
 * constant after a short warm-up, so the control is more of the training the model already had.
 */
final class ControlRecipe {

    /** Steps of the run that measures seconds per SFT step. */
    static final int CALIBRATION_STEPS = 8;

    private ControlRecipe() {}

    /**
     * The control recipe of {@code grpo} (whose starting model is in {@code base}) for {@code steps} steps.
     *
     * @throws IllegalArgumentException when the starting model keeps no SFT recipe
     */
    static SftConfig of(GrpoConfig grpo, Path base, int steps) throws IOException {
        JsonObject provenance = Provenance.exists(base) ? Provenance.read(base).toJson() : new JsonObject();
        if (!provenance.has("recipe") || !provenance.getAsJsonObject("recipe").has("hidden_size")) {
            throw new IllegalArgumentException(base + "/r1kit.json holds no SFT recipe: the control continues the"
                    + " starting model's own recipe; start from a model trained by `r1kit train sft`");
        }
        JsonObject r = provenance.getAsJsonObject("recipe").deepCopy();
        double lr = r.get("learning_rate").getAsDouble() * (r.has("final_learning_rate")
                ? r.get("final_learning_rate").getAsDouble() : 1.0);
        JsonArray tasks = new JsonArray();
        for (Task t : grpo.tasks()) {
            tasks.add(t.slug());
        }
        r.addProperty("init_model", base.toString());
        r.addProperty("train_rooms", grpo.trainRooms());
        r.addProperty("train_seed", grpo.trainSeed());
        r.addProperty("held_out_rooms", grpo.heldOutRooms());
        r.addProperty("held_out_seed", grpo.heldOutSeed());
        r.add("tasks", tasks);
        r.addProperty("steps", steps);
        r.addProperty("learning_rate", lr);
        r.addProperty("final_learning_rate", 1.0);
        r.addProperty("warmup_steps", Math.min(10, steps - 1));
        r.addProperty("eval_every", steps);
        r.addProperty("eval_examples", 0);
        r.addProperty("keep_best", false);
        r.addProperty("dtype", "F32");
        r.addProperty("seed", grpo.seed());
        return SftConfig.fromJson(r.toString());
    }

    /** Steps of {@code secondsPerStep} that take {@code seconds}, at least 2. */
    static int stepsFor(double seconds, double secondsPerStep) {
        if (!(secondsPerStep > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("cannot match " + seconds + " s at " + secondsPerStep + " s per step");
        }
        return (int) Math.max(2, Math.round(seconds / secondsPerStep));
    }
}
