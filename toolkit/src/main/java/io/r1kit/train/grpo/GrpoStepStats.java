package io.r1kit.train.grpo;

import com.google.gson.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one GRPO step saw and did, as the metrics TRL's GRPO trainer logs, under its names:
 * {@code reward} and {@code reward_std} (mean total reward of the sampled outputs, and the mean of each
 * group's standard deviation), {@code rewards/<name>/mean} and {@code /std} (each reward unweighted, over
 * the outputs it applies to), {@code frac_reward_zero_std} (share of groups whose rewards all tie: no
 * signal), {@code kl} (mean k3 KL to the reference; absent when β = 0), {@code entropy} (mean entropy of the
 * policy's next-token distribution over output tokens), {@code clip_ratio/low_mean}, {@code /high_mean},
 * {@code /region_mean}, {@code completions/mean_length}, {@code completions/clipped_ratio} (share cut at
 * {@code max_completion_length}), {@code loss}, {@code grad_norm} (before clipping), {@code learning_rate},
 * {@code step_time} (seconds), {@code num_tokens} (output tokens sampled this step); and
 * {@code sampling/rounds} (dynamic sampling's rounds). Update metrics are the means over the μ updates.
 *
 * @param step    the step, from 1
 * @param metrics metric name to value, in the order above
 */
public record GrpoStepStats(int step, Map<String, Double> metrics) {

    public GrpoStepStats {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A metric's value, NaN when the step did not log it. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    /** Mean weighted total reward of the sampled outputs ({@code reward}). */
    public double reward() {
        return metric("reward");
    }

    /** Mean KL to the reference ({@code kl}); NaN when β = 0. */
    public double kl() {
        return metric("kl");
    }

    /** The last update's loss. */
    public double loss() {
        return metric("loss");
    }

    /** Gradient norm before clipping. */
    public double gradNorm() {
        return metric("grad_norm");
    }

    /** Wall time of the step in seconds. */
    public double seconds() {
        return metric("step_time");
    }

    /** Output tokens sampled. */
    public long tokens() {
        return (long) metric("num_tokens");
    }

    /** Per reward name, its mean ({@code rewards/<name>/mean}). */
    public Map<String, Double> meanParts() {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith("rewards/") && k.endsWith("/mean")) {
                out.put(k.substring("rewards/".length(), k.length() - "/mean".length()), v);
            }
        });
        return out;
    }

    /** The step and its metrics as one JSON object (TRL's keys). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        metrics.forEach(o::addProperty);
        return o;
    }
}
