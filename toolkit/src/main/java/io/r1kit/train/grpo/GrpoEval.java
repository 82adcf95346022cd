package io.r1kit.train.grpo;

import com.google.gson.JsonObject;
import io.r1kit.eval.GroundingAccuracy;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.RewardScore;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Held-out evaluation of a GRPO run: greedy answers to prompts the run never samples, scored with each
 * prompt's rewards, plus grounding's Acc@0.25 / Acc@0.5 (share of answered boxes with 3D IoU at least
 * 0.25 / 0.5 with the target, an unreadable box counting as a miss; ScanRefer's measure).
 *
 * <pre>{@code
 * GrpoEval.Scores before = GrpoEval.evaluate(model, heldOut, text, 32);
 * }</pre>
 */
public final class GrpoEval {

    /** Rows decoded together. */
    private static final int BATCH = 16;

    private GrpoEval() {}

    /**
     * @param prompts    prompts scored
     * @param meanReward mean total reward
     * @param meanParts  per reward name, its mean over the prompts it applies to
     * @param grounding  prompts with a target box
     * @param acc25      share of them answered with IoU >= 0.25 (NaN without any)
     * @param acc50      share with IoU >= 0.5 (NaN without any)
     */
    public record Scores(int prompts, double meanReward, Map<String, Double> meanParts, int grounding, double acc25,
                         double acc50) {

        public String toText() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "mean reward %.4f over %d prompts", meanReward,
                    prompts));
            meanParts.forEach((k, v) -> sb.append(String.format(Locale.ROOT, ", %s %.4f", k, v)));
            if (grounding > 0) {
                sb.append(String.format(Locale.ROOT, "; grounding Acc@0.25 %.3f, Acc@0.5 %.3f (%d)", acc25, acc50,
                        grounding));
            }
            return sb.toString();
        }

        /** The scores {@link #toJson} wrote. */
        public static Scores fromJson(JsonObject o) {
            Map<String, Double> parts = new LinkedHashMap<>();
            o.getAsJsonObject("mean_parts").entrySet().forEach(e -> parts.put(e.getKey(), e.getValue().getAsDouble()));
            return new Scores(o.get("prompts").getAsInt(), o.get("mean_reward").getAsDouble(), parts,
                    o.get("grounding").getAsInt(), o.get("acc_25").getAsDouble(), o.get("acc_50").getAsDouble());
        }

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("prompts", prompts);
            o.addProperty("mean_reward", meanReward);
            JsonObject parts = new JsonObject();
            meanParts.forEach(parts::addProperty);
            o.add("mean_parts", parts);
            o.addProperty("grounding", grounding);
            o.addProperty("acc_25", acc25);
            o.addProperty("acc_50", acc50);
            return o;
        }
    }

    /** Greedy answers of {@code model} to {@code prompts}, at most {@code maxNewTokens} tokens each, scored. */
    public static Scores evaluate(Vlm3d model, List<GrpoPrompt> prompts, TokenDecoder text, int maxNewTokens) {
        return evaluate(model, prompts, text, task -> maxNewTokens);
    }

    /** Greedy answers of {@code model} to {@code prompts}, at most {@code limit} tokens for a task's prompt, scored. */
    public static Scores evaluate(Vlm3d model, List<GrpoPrompt> prompts, TokenDecoder text,
                                  ToIntFunction<Task> limit) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no held-out prompts to evaluate");
        }
        IntFunction<GenerationConfig> greedy = LengthBatches.greedy(model);
        List<String> answers = new ArrayList<>();
        for (int from = 0; from < prompts.size(); from += BATCH) {
            List<GrpoPrompt> chunk = prompts.subList(from, Math.min(prompts.size(), from + BATCH));
            // dense captions as ask and the evaluation decode them: each object named once per section
            List<Generation> out = LengthBatches.generate(model, chunk, limit, greedy,
                    p -> p.task() == Task.DENSE_CAPTION);
            for (int i = 0; i < out.size(); i++) {
                answers.add(text.decode(model.readable(out.get(i).tokens(), chunk.get(i).features())));
            }
        }
        return score(prompts, answers);
    }

    /** Scores given answers, one per prompt. */
    public static Scores score(List<GrpoPrompt> prompts, List<String> answers) {
        double total = 0;
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<GroundingAccuracy.Sample> grounding = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            GrpoPrompt p = prompts.get(i);
            RewardScore s = p.rewards().score(answers.get(i), p.target());
            total += s.total();
            s.parts().forEach((k, v) -> {
                sums.merge(k, v, Double::sum);
                counts.merge(k, 1, Integer::sum);
            });
            if (p.target() != null && p.target().box() != null) {
                grounding.add(new GroundingAccuracy.Sample(PerceptionReward.predictedBox(answers.get(i),
                        p.target().bounds()).orElse(null), p.target().box(), true));
            }
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        sums.forEach((k, v) -> mean.put(k, v / counts.get(k)));
        GroundingAccuracy.Split acc = GroundingAccuracy.of(grounding).overall();   // NaN accuracies without grounding
        return new Scores(prompts.size(), total / prompts.size(), mean, acc.count(), acc.at25(), acc.at50());
    }
}
