package io.r1kit.train.grpo;

import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.StopReason;
import io.r1kit.reward.RewardScore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The sampled and scored outputs of one GRPO step: G per prompt, in prompt order (prompt 0's G, then prompt
 * 1's, ...). With dynamic sampling (DAPO) a group whose rewards all tie carries no signal, so it is set aside
 * and fresh prompts are drawn and sampled in its place, for at most {@link #MAX_ROUNDS} extra rounds; the
 * groups kept are what the update learns from, while the reward statistics cover every group drawn. With a
 * {@link Baseline} (the reward of each prompt's greedy answer) a group carries no signal when every output
 * ties with its baseline ({@link Baseline#gains}: when none is above it), and only then is it replaced.
 *
 * @param prompts     the prompts kept, one per group
 * @param outputs     the kept groups' output token ids
 * @param truncated   per kept output, whether it stopped at the length limit instead of end-of-sequence
 * @param scores      per kept output, its rewards (each part unweighted)
 * @param rewards     per kept output, the weighted total
 * @param drawn       every group drawn this step, kept or not: per output, its rewards
 * @param drawnTotals every group drawn: per output, the weighted total
 * @param drawnLengths every group drawn: per output, its length in tokens
 * @param drawnTruncated every group drawn: per output, whether it hit the length limit
 * @param rounds      sampling rounds made (1 without dynamic sampling)
 * @param baselines   per kept group, its baseline; empty without a {@link Baseline}
 * @param drawnBaselines every group drawn: its baseline; empty without a {@link Baseline}
 */
public record GrpoRollout(List<GrpoPrompt> prompts, List<int[]> outputs, boolean[] truncated, List<RewardScore> scores,
                          double[] rewards, List<RewardScore> drawn, double[] drawnTotals, int[] drawnLengths,
                          boolean[] drawnTruncated, int rounds, double[] baselines, double[] drawnBaselines) {

    /** Extra sampling rounds at most per step under dynamic sampling. */
    public static final int MAX_ROUNDS = 4;

    /** One sampling round: the generations of {@code prompts} (G each) and their scores. */
    public interface Sampler {
        List<Generation> sample(List<GrpoPrompt> prompts, int round);
    }

    /** The baseline of each prompt's group, in the prompts' order (weighted like the totals). */
    public interface Baseline {
        double[] of(List<GrpoPrompt> prompts);

        /** Whether a group's weighted totals carry signal against its baseline: some output differs from it. */
        default boolean signal(double[] totals, double baseline) {
            return java.util.Arrays.stream(totals).anyMatch(v -> v != baseline);
        }

        /** {@code baseline} where only an output above it carries signal ({@code advantage_baseline: greedy_gain}). */
        static Baseline gains(Baseline baseline) {
            return new Baseline() {
                @Override
                public double[] of(List<GrpoPrompt> prompts) {
                    return baseline.of(prompts);
                }

                @Override
                public boolean signal(double[] totals, double b) {
                    return java.util.Arrays.stream(totals).anyMatch(v -> v > b);
                }
            };
        }
    }

    /** Scores one output against its prompt: the unweighted parts. */
    public interface Scorer {
        RewardScore score(GrpoPrompt prompt, Generation output);
    }

    /**
     * Samples {@code prompts}, and with {@code dynamic} replaces tied groups with prompts from {@code more}
     * (asked for how many are missing) until every kept group has a spread or the rounds run out.
     *
     * @param weights  the weighted total of a score
     * @param baseline what each group is compared with, or null for its own mean
     */
    public static GrpoRollout of(List<GrpoPrompt> prompts, int g, boolean dynamic, IntFunction<List<GrpoPrompt>> more,
                                 Sampler sampler, Scorer scorer, java.util.function.ToDoubleFunction<RewardScore> weights,
                                 Baseline baseline) {
        List<GrpoPrompt> kept = new ArrayList<>();
        List<int[]> outputs = new ArrayList<>();
        List<Boolean> cut = new ArrayList<>();
        List<RewardScore> scores = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<RewardScore> drawn = new ArrayList<>();
        List<Double> drawnTotals = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        List<Boolean> drawnCut = new ArrayList<>();
        List<Double> bases = new ArrayList<>();
        List<Double> drawnBases = new ArrayList<>();
        List<GrpoPrompt> next = prompts;
        int round = 0;
        while (!next.isEmpty()) {
            List<Generation> gens = sampler.sample(next, round);
            double[] b = baseline == null ? null : baseline.of(next);
            round++;
            for (int p = 0; p < next.size(); p++) {
                GrpoPrompt prompt = next.get(p);
                double[] t = new double[g];
                List<RewardScore> s = new ArrayList<>(g);
                for (int i = 0; i < g; i++) {
                    Generation gen = gens.get(p * g + i);
                    RewardScore score = scorer.score(prompt, gen);
                    s.add(score);
                    t[i] = weights.applyAsDouble(score);
                    drawn.add(score);
                    drawnTotals.add(t[i]);
                    lengths.add(gen.tokens().length);
                    drawnCut.add(gen.reason() == StopReason.MAX_TOKENS);
                }
                boolean tied = b == null ? java.util.Arrays.stream(t).allMatch(v -> v == t[0]) : !baseline.signal(t, b[p]);
                if (b != null) {
                    drawnBases.add(b[p]);
                }
                if (dynamic && tied && round <= MAX_ROUNDS) {
                    continue;
                }
                kept.add(prompt);
                if (b != null) {
                    bases.add(b[p]);
                }
                for (int i = 0; i < g; i++) {
                    Generation gen = gens.get(p * g + i);
                    outputs.add(gen.tokens());
                    cut.add(gen.reason() == StopReason.MAX_TOKENS);
                    scores.add(s.get(i));
                    totals.add(t[i]);
                }
            }
            int missing = prompts.size() - kept.size();
            next = dynamic && missing > 0 && round <= MAX_ROUNDS ? more.apply(missing) : List.of();
        }
        return new GrpoRollout(kept, outputs, booleans(cut), scores, doubles(totals), drawn, doubles(drawnTotals),
                lengths.stream().mapToInt(Integer::intValue).toArray(), booleans(drawnCut), round,
                doubles(bases), doubles(drawnBases));
    }

    private static double[] doubles(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] booleans(List<Boolean> v) {
        boolean[] out = new boolean[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
