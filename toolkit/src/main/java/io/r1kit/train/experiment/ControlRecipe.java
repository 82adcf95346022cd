package io.r1kit.train.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Provenance;
import io.r1kit.task.Task;
import io.r1kit.train.TrainingRooms;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.PromptOrder;
import io.r1kit.train.sft.ContinuedRecipe;
import io.r1kit.train.sft.SftConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The SFT-continuation control of a GRPO run: supervised training from the same starting model, on the
 * reference answers of the same prompt rooms and tasks, for as long as the GRPO run trained. It continues
 * the starting model's own SFT recipe ({@link ContinuedRecipe}), so the control is more of the training the
 * model already had. A GRPO run that gives the tasks turns ({@code task_sampling: balanced}) gets a control that
 * sees them in about the same shares: each task's examples repeated ({@code task_repeats}) about as often as the
 * most asked task outnumbers it, so the two arms differ in how they learn, not in what they see. Its rate is held
 * constant, or falls by a cosine to a fraction of it at the last step ({@code final_learning_rate}; 0 cools it to
 * 0, which a supervised run's held-out scores gain from).
 */
final class ControlRecipe {

    /**
     * Steps of the two timing runs. Both pay the JIT's warm-up and end with one held-out pass, so their difference
     * is the per-step time once warm; the control then pays the short run's overheads once, as they did.
     */
    static final int SHORT_CALIBRATION = 8;
    static final int LONG_CALIBRATION = 24;

    private ControlRecipe() {}

    /**
     * The control recipe of {@code grpo} (whose starting model is in {@code base}), for any number of steps: a
     * balanced run's rooms are counted once here, not once per recipe asked for.
     *
     * @throws IllegalArgumentException when the starting model keeps no SFT recipe
     */
    static IntFunction<SftConfig> of(GrpoConfig grpo, Path base, double finalRate) throws IOException {
        Map<String, Integer> repeats = null;
        if (PromptOrder.Sampling.of(grpo.taskSampling()) == PromptOrder.Sampling.BALANCED) {
            int maxObjects = continued(grpo, base, 2).maxObjects();
            Map<Task, Integer> questions = new EnumMap<>(Task.class);
            for (int i = 0; i < grpo.trainRooms(); i++) {
                long seed = grpo.trainSeed() + i;
                TrainingRooms.examples(TrainingRooms.room(seed), seed, grpo.tasks(), maxObjects)
                        .forEach(e -> questions.merge(e.task(), 1, Integer::sum));
            }
            repeats = balancedRepeats(questions);
        }
        Map<String, Integer> taskRepeats = repeats;
        return steps -> {
            SftConfig continued;
            try {
                continued = continued(grpo, base, steps);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (taskRepeats == null && finalRate == 1.0) {
                return continued;
            }
            JsonObject recipe = JsonParser.parseString(continued.toJson()).getAsJsonObject();
            recipe.addProperty("final_learning_rate", finalRate);
            if (taskRepeats != null) {
                JsonObject json = new JsonObject();
                taskRepeats.forEach(json::addProperty);
                recipe.add("task_repeats", json);
            }
            return SftConfig.fromJson(recipe.toString());
        };
    }

    /**
     * Whether {@code dir} holds a finished control; one trained to another final rate is refused, not kept.
     *
     * @throws IllegalArgumentException naming the folder when its control's rate ended elsewhere
     */
    static boolean finished(Path dir, double finalRate) throws IOException {
        Provenance kept = Provenance.exists(dir) ? Provenance.read(dir) : null;
        if (kept == null || kept.get("wall_seconds") == null) {
            return false;
        }
        JsonElement recipe = kept.get("recipe");
        double theirs = recipe != null && recipe.isJsonObject() && recipe.getAsJsonObject().has("final_learning_rate")
                ? recipe.getAsJsonObject().get("final_learning_rate").getAsDouble() : 1.0;
        if (theirs != finalRate) {
            throw new IllegalArgumentException(dir + " holds a control whose rate ended at " + theirs + " of its peak,"
                    + " where this experiment asks " + finalRate + ": choose another --out");
        }
        return true;
    }

    /** The continuation reads the tasks GRPO samples and those its anchor reads ({@code sft_tasks}). */
    private static SftConfig continued(GrpoConfig grpo, Path base, int steps) throws IOException {
        TreeSet<Task> tasks = new TreeSet<>(grpo.tasks());
        tasks.addAll(grpo.anchorTasks());
        return ContinuedRecipe.of(base, grpo.trainRooms(), grpo.trainSeed(), grpo.heldOutRooms(), grpo.heldOutSeed(),
                List.copyOf(tasks), steps, grpo.seed());
    }

    /**
     * Per task (by command-line name), how many times its examples are repeated so that the tasks come about
     * equally often: the most asked task's count over the task's, rounded, within SFT's 1..10.
     */
    static Map<String, Integer> balancedRepeats(Map<Task, Integer> questions) {
        int most = questions.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        Map<String, Integer> out = new TreeMap<>();
        questions.forEach((task, n) -> out.put(task.slug(),
                (int) Math.max(1, Math.min(10, Math.round((double) most / Math.max(1, n))))));
        return out;
    }

    /**
     * Steps of SFT that take {@code seconds}, at least 2: the first {@link #SHORT_CALIBRATION} as the short timing
     * run took them ({@code shortSeconds}, warm-up and the final held-out pass included), the rest at the warm rate
     * the long timing run ({@code longSeconds}) adds per step. Dividing by the short run's mean instead counts its
     * warm-up and held-out pass in every step, which gave the controls 63-71% of the GRPO runs' seconds. When the
     * long run took no longer than the short one (steps so cheap that the runs' jitter hides them, as with a tiny
     * model), the rate is the long run's mean per step.
     */
    static int stepsFor(double seconds, double shortSeconds, double longSeconds) {
        if (!Double.isFinite(seconds) || !Double.isFinite(shortSeconds) || !(longSeconds > 0 && longSeconds < 1e12)) {
            throw new IllegalArgumentException("cannot match " + seconds + " s from timing runs of " + shortSeconds
                    + " s and " + longSeconds + " s");
        }
        double warm = (longSeconds - shortSeconds) / (LONG_CALIBRATION - SHORT_CALIBRATION);
        if (!(warm > 0)) {
            return (int) Math.max(2, Math.round(seconds / (longSeconds / LONG_CALIBRATION)));
        }
        return (int) Math.max(2, SHORT_CALIBRATION + Math.round((seconds - shortSeconds) / warm));
    }
}
