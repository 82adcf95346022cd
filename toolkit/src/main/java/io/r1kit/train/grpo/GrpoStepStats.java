package io.r1kit.train.grpo;

import com.google.gson.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one GRPO step saw and did.
 *
 * @param step            the step, from 1
 * @param meanReward      mean total reward of the step's sampled outputs
 * @param maxReward       highest total reward among them
 * @param meanParts       per reward name, its mean over the outputs it applied to
 * @param maxParts        per reward name, its highest value
 * @param meanAbsAdvantage mean |Â| over the outputs (0 when every group's rewards were equal: no signal)
 * @param kl              mean k3 KL to the reference over output tokens, at the last update
 * @param clippedFraction share of output tokens whose ratio was clipped, at the last update
 * @param meanRatio       mean ratio πθ/πθ_old over output tokens, at the last update
 * @param loss            the GRPO loss of the last update
 * @param gradNorm        global gradient norm of the last update, before clipping
 * @param tokens          output tokens sampled
 * @param seconds         wall time of the step
 */
public record GrpoStepStats(int step, double meanReward, double maxReward, Map<String, Double> meanParts,
                            Map<String, Double> maxParts, double meanAbsAdvantage, double kl, double clippedFraction,
                            double meanRatio, double loss, double gradNorm, long tokens, double seconds) {

    public GrpoStepStats {
        meanParts = Collections.unmodifiableMap(new LinkedHashMap<>(meanParts));
        maxParts = Collections.unmodifiableMap(new LinkedHashMap<>(maxParts));
    }

    /** The stats as one JSON object (snake-case keys). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("mean_reward", meanReward);
        o.addProperty("max_reward", maxReward);
        JsonObject mean = new JsonObject();
        meanParts.forEach(mean::addProperty);
        o.add("mean_parts", mean);
        JsonObject max = new JsonObject();
        maxParts.forEach(max::addProperty);
        o.add("max_parts", max);
        o.addProperty("mean_abs_advantage", meanAbsAdvantage);
        o.addProperty("kl", kl);
        o.addProperty("clipped_fraction", clippedFraction);
        o.addProperty("mean_ratio", meanRatio);
        o.addProperty("loss", loss);
        o.addProperty("grad_norm", gradNorm);
        o.addProperty("tokens", tokens);
        o.addProperty("seconds", seconds);
        return o;
    }
}
