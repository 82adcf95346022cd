package io.r1kit.train.grpo;

import io.r1kit.reward.GroupAdvantages;
import io.r1kit.reward.RewardScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one step's {@link GrpoStepStats} metrics under TRL's names: the reward statistics of the rollout
 * first, then the means over the step's updates, then the step's totals.
 */
final class GrpoMetrics {

    private final Map<String, Double> values = new LinkedHashMap<>();
    private double loss;
    private double kl;
    private double entropy;
    private double low;
    private double high;
    private double gradNorm;
    private double sftLoss;
    private boolean anchored;
    private int updates;
    private boolean withKl;

    /** The drawn prompts' greedy answers' mean reward, logged when they are the baseline. */
    static final String BASELINE_REWARD = "baseline/reward";

    private GrpoMetrics() {}

    /** The reward and completion statistics of every group {@code rollout} drew, G outputs each. */
    static GrpoMetrics of(GrpoRollout rollout, int g) {
        GrpoMetrics m = new GrpoMetrics();
        double[] totals = rollout.drawnTotals();
        int groups = totals.length / g;
        double stdSum = 0;
        int zero = 0;
        for (int k = 0; k < groups; k++) {
            double std = GroupAdvantages.std(totals, k * g, (k + 1) * g);
            stdSum += std;
            zero += std == 0 ? 1 : 0;
        }
        m.values.put("reward", mean(totals));
        m.values.put("reward_std", groups == 0 ? Double.NaN : stdSum / groups);
        Map<String, List<Double>> parts = new TreeMap<>();
        for (RewardScore s : rollout.drawn()) {
            s.parts().forEach((name, v) -> parts.computeIfAbsent(name, n -> new ArrayList<>()).add(v));
        }
        parts.forEach((name, v) -> {
            double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
            m.values.put("rewards/" + name + "/mean", mean(a));
            m.values.put("rewards/" + name + "/std", GroupAdvantages.std(a, 0, a.length));
        });
        m.values.put("frac_reward_zero_std", groups == 0 ? Double.NaN : (double) zero / groups);
        int[] lengths = rollout.drawnLengths();
        long tokens = 0;
        int cut = 0;
        for (int i = 0; i < lengths.length; i++) {
            tokens += lengths[i];
            cut += rollout.drawnTruncated()[i] ? 1 : 0;
        }
        m.values.put("completions/mean_length", lengths.length == 0 ? Double.NaN : (double) tokens / lengths.length);
        m.values.put("completions/clipped_ratio", lengths.length == 0 ? Double.NaN : (double) cut / lengths.length);
        m.values.put("num_tokens", (double) tokens);
        m.values.put("sampling/rounds", (double) rollout.rounds());
        double[] bases = rollout.drawnBaselines();
        if (bases.length > 0) {                     // advantage_baseline greedy: the greedy answers' reward
            int tied = 0;
            int above = 0;
            for (int k = 0; k < groups; k++) {
                boolean all = true;
                boolean any = false;
                for (int i = k * g; i < (k + 1) * g; i++) {
                    all &= totals[i] == bases[k];
                    any |= totals[i] > bases[k];
                }
                tied += all ? 1 : 0;
                above += any ? 1 : 0;
            }
            m.values.put(BASELINE_REWARD, mean(bases));
            m.values.put("baseline/frac_tied", (double) tied / groups);
            m.values.put("baseline/frac_above", (double) above / groups);   // groups with an output that beats it
        }
        return m;
    }

    /** Adds one update's terms; {@code sft} is the supervised anchor's loss, NaN without one. */
    void addUpdate(UpdatePasses.Done r, double updateEntropy, double norm, boolean reference, double sft) {
        anchored = !Double.isNaN(sft);
        sftLoss += anchored ? sft : 0;
        loss += r.loss();
        kl += r.kl();
        entropy += updateEntropy;
        low += r.lowClip();
        high += r.highClip();
        gradNorm += norm;
        withKl = reference;
        updates++;
    }

    /** The step's metrics, update means NaN when no group was kept to learn from. */
    Map<String, Double> finish(double learningRate, double seconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        double n = updates == 0 ? Double.NaN : updates;
        values.forEach((k, v) -> {
            if (k.equals("frac_reward_zero_std")) {
                out.put(k, v);
                if (withKl || updates == 0) {
                    out.put("kl", withKl ? kl / n : Double.NaN);
                }
                out.put("entropy", entropy / n);
                out.put("clip_ratio/low_mean", low / n);
                out.put("clip_ratio/high_mean", high / n);
                out.put("clip_ratio/region_mean", (low + high) / n);
            } else {
                out.put(k, v);
            }
        });
        out.put("loss", loss / n);
        if (anchored) {
            out.put("sft_loss", sftLoss / n);
        }
        out.put("grad_norm", gradNorm / n);
        out.put("learning_rate", learningRate);
        out.put("step_time", seconds);
        values.clear();
        values.putAll(out);
        return out;
    }

    /** The metrics after {@link #finish}. */
    Map<String, Double> values() {
        return values;
    }

    private static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
