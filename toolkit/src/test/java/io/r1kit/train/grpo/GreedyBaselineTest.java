package io.r1kit.train.grpo;

import ai.djl.Device;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.StopReason;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.reward.RewardScore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code advantage_baseline: greedy}: groups compared with their prompt's greedy answer (ReMax). */
class GreedyBaselineTest {

    private static final String RECIPE = """
            {"num_generations": 8, "prompts_per_step": 2, "max_completion_length": 6, "learning_rate": 0.05, "beta": 0,
             "weight_decay": 0, "max_grad_norm": 10, "seed": 5, "advantage_baseline": "greedy"}""";

    /** Two prompts of a tiny model, whose rewards the tests' scorers set. */
    private static List<GrpoPrompt> twoPrompts() {
        return GrpoTrainerTest.prompts(GrpoTrainerTest.tiny(8), new GrpoTrainerTest.ConstantReward());
    }

    /** A sampler whose i-th output of a round is the one token {@code i % modulo}. */
    private static GrpoRollout.Sampler counting(int g, int modulo) {
        return (ps, round) -> {
            List<Generation> out = new ArrayList<>();
            for (int i = 0; i < ps.size() * g; i++) {
                out.add(new Generation(new int[] {i % modulo}, new float[] {0}, "", StopReason.STOP_TOKEN));
            }
            return out;
        };
    }

    /** A rollout of {@code two} under dynamic sampling whose fresh prompts are the second again, noted in asked. */
    private static GrpoRollout redrawingSecond(List<GrpoPrompt> two, int g, GrpoRollout.Sampler sampler,
                                               GrpoRollout.Scorer scorer, GrpoRollout.Baseline baseline,
                                               List<GrpoPrompt> asked) {
        return GrpoRollout.of(two, g, true, n -> {
            asked.add(two.get(1));
            return List.of(two.get(1));
        }, sampler, scorer, RewardScore::total, baseline);
    }

    @Test
    void underDynamicSamplingOnlyAGroupThatTiesWithItsBaselineIsRedrawn() {
        List<GrpoPrompt> two = twoPrompts();
        GrpoPrompt first = two.get(0);
        GrpoPrompt second = two.get(1);
        int g = 4;
        GrpoRollout.Sampler sampler = counting(g, Integer.MAX_VALUE);
        GrpoRollout.Scorer scorer = (p, gen) -> new RewardScore(Map.of("constant", 1.0), 1.0);   // every output ties
        // the first prompt's greedy answer scores 0: its outputs beat it; the second's scores 1, as they do
        GrpoRollout.Baseline baseline = ps -> ps.stream().mapToDouble(p -> p == first ? 0 : 1).toArray();
        List<GrpoPrompt> asked = new ArrayList<>();
        GrpoRollout r = redrawingSecond(two, g, sampler, scorer, baseline, asked);
        // the second prompt ties with its baseline every round: redrawn MAX_ROUNDS times, the last round kept
        assertEquals(1 + GrpoRollout.MAX_ROUNDS, r.rounds());
        assertEquals(GrpoRollout.MAX_ROUNDS, asked.size());
        assertEquals(List.of(first, second), r.prompts());
        assertArrayEquals(new double[] {0, 1}, r.baselines(), 0);
        assertEquals(2 + GrpoRollout.MAX_ROUNDS, r.drawnBaselines().length);
        // against the group mean both groups tie, and both are redrawn
        GrpoRollout mean = GrpoRollout.of(List.of(first, second), g, true, n -> List.of(second, second).subList(0, n),
                sampler, scorer, RewardScore::total, null);
        assertEquals(1 + GrpoRollout.MAX_ROUNDS, mean.rounds());
        assertEquals(0, mean.baselines().length);
        assertEquals(2 + 2 * GrpoRollout.MAX_ROUNDS, mean.drawn().size() / g);
    }

    @Test
    void withGainsOnlyAGroupWithAnOutputAboveItsBaselineIsKept() {
        int g = 2;
        List<GrpoPrompt> two = twoPrompts();
        // each group's outputs are tokens 0 and 1 and score 0 and 1; the first prompt's greedy answer scores 0.5,
        // the second's 1
        GrpoRollout.Sampler sampler = counting(g, g);
        GrpoRollout.Scorer scorer = (p, gen) -> new RewardScore(Map.of("r", (double) gen.tokens()[0]), gen.tokens()[0]);
        GrpoRollout.Baseline greedy = ps -> ps.stream().mapToDouble(p -> p == two.get(0) ? 0.5 : 1).toArray();
        List<GrpoPrompt> asked = new ArrayList<>();
        GrpoRollout gains = redrawingSecond(two, g, sampler, scorer, GrpoRollout.Baseline.gains(greedy), asked);
        // the second group has an output below its baseline but none above: no gain, redrawn every round
        assertEquals(1 + GrpoRollout.MAX_ROUNDS, gains.rounds());
        assertEquals(GrpoRollout.MAX_ROUNDS, asked.size());
        // against the plain greedy baseline the output below it is signal: both groups kept in one round
        GrpoRollout plain = redrawingSecond(two, g, sampler, scorer, greedy, new ArrayList<>());
        assertEquals(1, plain.rounds());
        assertEquals(two, plain.prompts());
        Map<String, Double> logged = GrpoMetrics.of(plain, g).finish(1e-4, 1);
        assertEquals(0.5, logged.get("baseline/frac_above"), 0);   // the first group has an output above 0.5
        assertEquals(0, logged.get("baseline/frac_tied"), 0);
        assertTrue(GrpoConfig.fromJson("{\"advantage_baseline\": \"greedy_gain\"}").gainsOnly());
        assertTrue(GrpoConfig.fromJson("{\"advantage_baseline\": \"greedy_gain\"}").greedyBaseline());
    }

    @Test
    void theStepLogsItsGreedyAnswersRewardAndTheToyRewardRises() {
        greedyAnswersRise(GrpoConfig.fromJson(RECIPE), 0.3);
    }

    @Test
    void pushingOnlyTheGainsRaisesTheGreedyAnswersToo() {
        // half the signal (no output is pushed down), so a smaller rise in the same steps
        greedyAnswersRise(GrpoConfig.fromJson(RECIPE.replace("\"greedy\"", "\"greedy_gain\"")), 0.2);
    }

    private static void greedyAnswersRise(GrpoConfig recipe, double rise) {
        VlmConfig config = GrpoTrainerTest.tiny(2).toBuilder().objectPointers(false).build();
        List<GrpoPrompt> prompts = GrpoTrainerTest.prompts(config, new GrpoTrainerTest.ShareReward("hi"));
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu())) {
            GrpoTrainer trainer = new GrpoTrainer(policy, null, GrpoTrainerTest::words, recipe);
            // greedy decoding does not depend on a seed: the step's baseline is the reward of these answers
            double[] greedy = trainer.sampler().greedyRewards(prompts);
            assertEquals(2, greedy.length);
            GrpoStepStats s = trainer.step(prompts);
            assertEquals(Arrays.stream(greedy).average().orElseThrow(), s.metric("baseline/reward"), 1e-12);
            double tied = s.metric("baseline/frac_tied");
            assertTrue(tied >= 0 && tied <= 1, "share of groups tied with their greedy answer " + tied);
            double firstSampled = s.reward();
            double firstGreedy = s.metric("baseline/reward");
            double lastSampled = 0;
            double lastGreedy = 0;
            for (int step = 2; step <= 15; step++) {
                s = trainer.step(prompts);
                if (step > 12) {
                    lastSampled += s.reward() / 3;
                    lastGreedy += s.metric("baseline/reward") / 3;
                }
            }
            // a policy without a gradient would stay near its start; the greedy answers move with the samples
            assertTrue(lastSampled > firstSampled + rise, "sampled share of 'hi' " + firstSampled + " -> " + lastSampled);
            assertTrue(lastGreedy > firstGreedy + rise, "greedy share of 'hi' " + firstGreedy + " -> " + lastGreedy);
        }
    }
}
