package io.r1kit.train.grpo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.train.RecipeJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GRPO checkpoint keeps so that {@code --resume} continues exactly: the folder
 * {@value #FOLDER} beside the model, holding the policy's float32 weights ({@code policy.safetensors}, whatever
 * dtype the model is stored in), AdamW's moments and step ({@code optimizer.safetensors}), and
 * {@code state.json}: the recipe, the steps done, the prompts drawn so far (the prompt order is replayed
 * from the recipe's seed), the held-out scores before training and every step's metrics. Under a constant
 * learning rate without warm-up nothing a step does depends on the recipe's step count (the prompt and anchor
 * orders are seeded streams), so a finished run resumed with a larger {@code steps} ends as a run of that many
 * steps would; a decaying schedule depends on it, and such a run is resumed only with the steps it planned.
 *
 * @param step         steps done
 * @param promptsDrawn prompts taken from the order so far (dynamic sampling takes more than a step's share)
 * @param before       held-out scores of the starting model
 * @param steps        every step's metrics so far
 */
record GrpoState(int step, long promptsDrawn, JsonObject before, List<GrpoStepStats> steps) {

    static final String FOLDER = "trainer_state";

    /** Whether {@code dir} holds a resumable state. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FOLDER).resolve("state.json"));
    }

    /** Writes the state of {@code trainer}'s run into {@code dir}/{@value #FOLDER}. */
    void write(Path dir, GrpoConfig config, Vlm3d policy, GrpoTrainer trainer) throws IOException {
        Path d = Files.createDirectories(dir.resolve(FOLDER));
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        policy.parameters().forEach((k, a) -> weights.put(k, new FloatTensor(a.getShape().getShape(), a.toFloatArray())));
        SafetensorsWriter.write(d.resolve("policy.safetensors"), weights, Dtype.F32, Map.of("format", "pt"));
        SafetensorsWriter.write(d.resolve("optimizer.safetensors"), trainer.optimizer().state(), Dtype.F32,
                Map.of("format", "pt"));
        JsonObject o = new JsonObject();
        o.add("recipe", RecipeJson.tree(config));
        o.addProperty("step", step);
        o.addProperty("prompts_drawn", promptsDrawn);
        o.add("held_out_before", before);
        com.google.gson.JsonArray list = new com.google.gson.JsonArray();
        steps.forEach(s -> list.add(s.toJson()));
        o.add("steps", list);
        Files.writeString(d.resolve("state.json"), o.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Reads the state in {@code dir}, loads its weights into {@code policy} and its moments into {@code trainer}.
     *
     * @throws CheckpointException naming the file when it is unreadable or was written by another recipe
     */
    static GrpoState resume(Path dir, GrpoConfig config, Vlm3d policy, GrpoTrainer trainer) throws IOException {
        Path d = dir.resolve(FOLDER);
        Path file = d.resolve("state.json");
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "not a trainer state: " + e.getMessage());
        }
        if (!config.sameRecipe(o.get("recipe"), true)) {
            throw new CheckpointException(file, "the run was started with another recipe; resume it with the same"
                    + " --config (its recipe is in " + file + "; only \"steps\" may be raised)");
        }
        int planned = o.getAsJsonObject("recipe").get("steps").getAsInt();
        if (planned != config.steps() && !GrpoSchedule.lengthFree(config)) {
            throw new CheckpointException(file, "the run was planned for " + planned + " steps and its learning rate"
                    + " follows the " + config.lrSchedulerType() + " schedule (warm-up ratio " + config.warmupRatio()
                    + ") over them; resume it with \"steps\": " + planned + " (only a constant rate without warm-up"
                    + " may be carried on)");
        }
        int step = o.get("step").getAsInt();
        if (step > config.steps()) {
            throw new CheckpointException(file, "the run has done " + step + " steps and the recipe asks for "
                    + config.steps() + "; resume with \"steps\" of at least " + step);
        }
        try (TensorStore w = TensorStore.open(d, "policy.safetensors")) {
            for (var e : policy.parameters().entrySet()) {
                e.getValue().set(w.read(e.getKey(), e.getValue().getShape().getShape()).data());
            }
        }
        Map<String, FloatTensor> moments = new LinkedHashMap<>();
        try (TensorStore m = TensorStore.open(d, "optimizer.safetensors")) {
            for (String name : m.names()) {
                moments.put(name, m.read(name, m.info(name).shape()));
            }
        }
        try {
            trainer.resume(step, moments);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(d.resolve("optimizer.safetensors"), e.getMessage());
        }
        List<GrpoStepStats> steps = new ArrayList<>();
        for (var e : o.getAsJsonArray("steps")) {
            JsonObject s = e.getAsJsonObject();
            Map<String, Double> metrics = new LinkedHashMap<>();
            s.entrySet().stream().filter(x -> !x.getKey().equals("step"))
                    .forEach(x -> metrics.put(x.getKey(), x.getValue().getAsDouble()));
            steps.add(new GrpoStepStats(s.get("step").getAsInt(), metrics));
        }
        return new GrpoState(step, o.get("prompts_drawn").getAsLong(), o.getAsJsonObject("held_out_before"), steps);
    }
}
