package io.r1kit.model.lm;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Set;
import java.util.TreeSet;

/**
 * Low-rank adapters (LoRA, Hu et al. 2021, eq. 3): {@code h = W x + (alpha / r) B A x} on chosen
 * projections, {@code A} [r, in] and {@code B} [out, r]. Saved as PEFT's {@code adapter_config.json}.
 *
 * <pre>{@code
 * LoraConfig c = new LoraConfig(8, 16, 0.05, Set.of("q_proj", "v_proj"), 0);
 * }</pre>
 *
 * @param rank          r, the inner width of the update
 * @param alpha         scale numerator: the update is multiplied by alpha / r
 * @param dropout       dropout on the adapter's input while training (0 for none)
 * @param targetModules projection names to adapt, from {@link #MODULES}
 * @param seed          seed of A's random initialisation (B starts at zero, so the model starts unchanged)
 */
public record LoraConfig(int rank, double alpha, double dropout, Set<String> targetModules, long seed) {

    /** Every projection of a Qwen2 layer that can carry an adapter. */
    public static final Set<String> MODULES = Set.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj",
            "up_proj", "down_proj");

    /** The adapter config file of a saved adapter directory (PEFT's name). */
    public static final String FILE = "adapter_config.json";

    public LoraConfig {
        targetModules = Set.copyOf(targetModules);
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be >= 1, got " + rank);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA alpha must be > 0, got " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), got " + dropout);
        }
        if (targetModules.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs at least one target module, from " + new TreeSet<>(MODULES));
        }
        for (String m : targetModules) {
            if (!MODULES.contains(m)) {
                throw new IllegalArgumentException("unknown LoRA target module " + m + "; choose from "
                        + new TreeSet<>(MODULES));
            }
        }
    }

    /** The factor alpha / r applied to the low-rank update. */
    public double scale() {
        return alpha / rank;
    }

    /** This config as PEFT's {@code adapter_config.json}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("peft_type", "LORA");
        o.addProperty("task_type", "CAUSAL_LM");
        o.addProperty("r", rank);
        o.addProperty("lora_alpha", alpha);
        o.addProperty("lora_dropout", dropout);
        JsonArray targets = new JsonArray();
        new TreeSet<>(targetModules).forEach(targets::add);
        o.add("target_modules", targets);
        o.addProperty("bias", "none");
        o.addProperty("r1kit_seed", seed);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o);
    }

    /** Reads {@link #toJson()}'s format (and PEFT's, whose seed defaults to 0). */
    public static LoraConfig fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        if (o.has("peft_type") && !o.get("peft_type").getAsString().equals("LORA")) {
            throw new IllegalArgumentException("peft_type is " + o.get("peft_type").getAsString() + ", not LORA");
        }
        Set<String> targets = new TreeSet<>();
        for (JsonElement e : o.getAsJsonArray("target_modules")) {
            targets.add(e.getAsString());
        }
        return new LoraConfig(o.get("r").getAsInt(), o.get("lora_alpha").getAsDouble(),
                o.has("lora_dropout") ? o.get("lora_dropout").getAsDouble() : 0,
                targets, o.has("r1kit_seed") ? o.get("r1kit_seed").getAsLong() : 0);
    }
}
