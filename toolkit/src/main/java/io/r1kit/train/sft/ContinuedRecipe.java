package io.r1kit.train.sft;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.Provenance;
import io.r1kit.task.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * More of the supervised training a checkpoint already had: its own SFT recipe (kept in its {@code r1kit.json})
 * continued from its weights on other rooms and tasks, at that recipe's final learning rate, held constant
 * after a short warm-up; a recipe that cooled its rate to 0 ({@code final_learning_rate} 0) continues at its peak
 * {@code learning_rate}, the rate it trained at. An average of checkpoints ({@code model average}) continues the
 * recipe its members share. GRPO's supervised anchor and the experiment's SFT-continuation control train on it.
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
        return continued(base, own(base), trainRooms, trainSeed, heldOutRooms, heldOutSeed, tasks, steps, seed);
    }

    /** {@link #of} over {@code own}, the recipe {@code base} keeps, read once by the caller. */
    private static SftConfig continued(Path base, JsonObject own, int trainRooms, long trainSeed, int heldOutRooms,
                                       long heldOutSeed, List<Task> tasks, int steps, long seed) {
        JsonObject r = own.deepCopy();
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

    /**
     * The recipe that continues {@code base}'s on the rooms it trained on (its recipe's {@code train_rooms} from its
     * {@code train_seed}; for an average, its first member's), as {@link #of} does otherwise.
     *
     * @throws IllegalArgumentException when the checkpoint keeps no SFT recipe
     */
    public static SftConfig onOwnRooms(Path base, int heldOutRooms, long heldOutSeed, List<Task> tasks, int steps,
                                       long seed) throws IOException {
        JsonObject own = own(base);
        return continued(base, own, own.get("train_rooms").getAsInt(), own.get("train_seed").getAsLong(), heldOutRooms,
                heldOutSeed, tasks, steps, seed);
    }

    /** The SFT recipe {@code base} keeps, refused in one line when it keeps none. */
    private static JsonObject own(Path base) throws IOException {
        JsonObject own = recipe(base, Provenance.exists(base) ? Provenance.read(base).toJson() : new JsonObject());
        if (own == null) {
            throw new IllegalArgumentException(base + "/r1kit.json holds no SFT recipe: supervision continues the"
                    + " starting model's own recipe; start from a model trained by `r1kit train sft` or an average"
                    + " of such models");
        }
        return own;
    }

    /** What {@link #of} sets anew, so averaged members may differ in it: rooms, tasks, length, seed, the saved form. */
    private static final Set<String> SET_ANEW = Set.of("init_model", "train_rooms", "train_seed", "held_out_rooms",
            "held_out_seed", "tasks", "steps", "warmup_steps", "eval_every", "eval_examples", "keep_best", "dtype",
            "seed");

    /**
     * The SFT recipe a checkpoint's provenance keeps: its own, or for an average of checkpoints ({@code model
     * average}) the one all its members keep, alike but for what {@link #of} sets anew; null when there is none.
     *
     * @throws IllegalArgumentException when the members of an average keep recipes that differ otherwise
     */
    private static JsonObject recipe(Path base, JsonObject provenance) {
        if (provenance.has("recipe") && provenance.get("recipe").isJsonObject()) {
            JsonObject r = provenance.getAsJsonObject("recipe");
            return r.has("hidden_size") ? r : null;
        }
        if (!provenance.has("members") || !provenance.get("members").isJsonArray()) {
            return null;
        }
        JsonObject first = null;
        for (JsonElement m : provenance.getAsJsonArray("members")) {
            JsonElement p = m.isJsonObject() ? m.getAsJsonObject().get("provenance") : null;
            JsonObject r = p != null && p.isJsonObject() ? recipe(base, p.getAsJsonObject()) : null;
            if (r == null) {
                return null;
            }
            if (first == null) {
                first = r;
                continue;
            }
            for (String key : union(first.keySet(), r.keySet())) {
                if (!SET_ANEW.contains(key) && !Objects.equals(first.get(key), r.get(key))) {
                    throw new IllegalArgumentException(base + "/r1kit.json averages models whose SFT recipes differ"
                            + " in " + key + " (" + first.get(key) + " and " + r.get(key) + "): supervision continues"
                            + " one recipe; average models of one recipe");
                }
            }
        }
        return first;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
