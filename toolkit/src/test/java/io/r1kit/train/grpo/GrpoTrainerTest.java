package io.r1kit.train.grpo;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.train.GradientUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GRPO on a tiny randomly initialised model: the gradient path, and that the policy learns a toy reward. */
class GrpoTrainerTest {

    private static final int VOCAB = 272;
    /** Ids below this read as the word "lo", the others as "hi". */
    private static final int LOW = VOCAB / 2;
    private static final String RECIPE = """
            {"num_generations": 8, "prompts_per_step": 2, "max_completion_length": 6, "learning_rate": 0.05, "beta": 0,
             "weight_decay": 0, "max_grad_norm": 10, "seed": 5}""";

    static VlmConfig tiny(long seed) {
        return VlmConfig.builder().vocabSize(VOCAB).hiddenSize(32).intermediateSize(64).layers(1).heads(2, 1)
                .maxPositions(256).pointsPerObject(4).maxObjects(4).pointWidth(16).pointFeatures(16)
                .objectWidth(32).gridTokenOffset(16).seed(seed).build();
    }

    /** The words of the output ids: "lo" or "hi". */
    static String words(int[] ids) {
        return IntStream.of(ids).mapToObj(i -> i < LOW ? "lo" : "hi").collect(Collectors.joining(" "));
    }

    /** 1 per "lo" word, as a share of the words: 0.5 for a uniform policy. */
    record ShareReward(String word) implements Reward {
        @Override public String name() { return "share"; }
        @Override public boolean applies(RewardTarget target) { return true; }
        @Override public double score(String output, RewardTarget target) {
            String[] w = output.split(" ");
            return (double) java.util.Arrays.stream(w).filter(word::equals).count() / w.length;
        }
    }

    /** A constant reward: every output of a group ties, so every advantage is 0. */
    record ConstantReward() implements Reward {
        @Override public String name() { return "constant"; }
        @Override public boolean applies(RewardTarget target) { return true; }
        @Override public double score(String output, RewardTarget target) { return 1; }
    }

    static List<GrpoPrompt> prompts(VlmConfig config, Reward reward) {
        List<GrpoPrompt> out = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            SceneFeatures f = SceneFeatures.extract(new SceneGenerator().generate(seed).scene(), config);
            out.add(new GrpoPrompt(f, new int[] {3 + (int) seed, 7, 9}, RewardTarget.ofReference("lo"),
                    RewardSet.of(reward), io.r1kit.task.Task.QA));
        }
        return out;
    }

    @Test
    void atOneUpdateWithoutKlTheGradientIsThePolicyGradient() {
        VlmConfig config = tiny(1);
        List<GrpoPrompt> prompts = prompts(config, new ShareReward("lo"));
        try (Vlm3d model = Vlm3d.initialize(config, Device.cpu()); NDManager scope = model.newScope()) {
            model.setTrainable(true);
            List<VlmExample> batch = new ArrayList<>();
            int[][] outputs = {{20, 30, 140}, {200, 3}, {41, 42, 43, 44}, {100}};
            for (int i = 0; i < outputs.length; i++) {
                batch.add(new VlmExample(prompts.get(i / 2).features(), prompts.get(i / 2).prompt(), outputs[i]));
            }
            NDArray adv = scope.create(new float[] {0.9f, -0.9f, -0.4f, 1.3f});               // [N]
            NDArray old = GrpoTrainer.logProbs(model, batch, scope, 1.0);                     // [N, A]
            // a decoder embedding, an MLP weight of the layer, and the scene encoder's first parameter
            List<String> names = List.of(first(model, "model.embed"), first(model, "mlp"), first(model, "scene_encoder"));
            float[][] grpo = gradients(model, names, scope, () -> {
                VlmOutput o = model.forward(batch, scope);
                return GrpoLoss.compute(o.answerLogProbs(), old, old, adv, o.answerMask(),
                        new GrpoLoss.Options(GrpoLoss.Type.GRPO, 0.2, 0.2, 0, 6)).loss();
            });
            // -(1/N) Σ_i Â_i (1/|o_i|) Σ_t log πθ(o_it)
            float[][] reinforce = gradients(model, names, scope, () -> {
                VlmOutput o = model.forward(batch, scope);
                NDArray perRow = o.answerLogProbs().mul(o.answerMask()).sum(new int[] {1})
                        .div(o.answerMask().sum(new int[] {1}));                             // [N]
                return perRow.mul(adv).mean().neg();
            });
            for (int k = 0; k < names.size(); k++) {
                assertArrayEquals(reinforce[k], grpo[k], 1e-5f, names.get(k));
                double norm = 0;
                for (float v : grpo[k]) {
                    norm += v * v;
                }
                assertTrue(norm > 1e-10, names.get(k) + " gets no gradient");
            }
        }
    }

    private static String first(Vlm3d model, String part) {
        return model.parameters().keySet().stream().filter(k -> k.contains(part)).findFirst().orElseThrow();
    }

    private static float[][] gradients(Vlm3d model, List<String> names, NDManager scope,
                                       java.util.function.Supplier<NDArray> loss) {
        try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
            c.backward(loss.get());
        }
        Map<String, NDArray> p = model.parameters();
        float[][] out = new float[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            NDArray g = p.get(names.get(k)).getGradient();
            out[k] = g.toFloatArray();
            g.close();
        }
        GradientUpdate.zero(p, scope);
        return out;
    }

    /** Mean reward of the sampled groups over the first and the last three of {@code steps} steps. */
    private static double[] firstAndLast(Reward reward, int steps) {
        return firstAndLast(GrpoConfig.fromJson(RECIPE), reward, steps);
    }

    private static double[] firstAndLast(GrpoConfig recipe, Reward reward, int steps) {
        // words only: an object pointer would read as its box, grid numbers from both halves of the vocabulary
        VlmConfig config = tiny(2).toBuilder().objectPointers(false).build();
        List<GrpoPrompt> prompts = prompts(config, reward);
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu());
             Vlm3d reference = Vlm3d.initialize(config, Device.cpu())) {
            GrpoTrainer trainer = new GrpoTrainer(policy, reference, GrpoTrainerTest::words, recipe);
            double[] means = new double[steps];
            for (int s = 0; s < steps; s++) {
                means[s] = trainer.step(prompts).reward();
            }
            return new double[] {(means[0] + means[1] + means[2]) / 3,
                    (means[steps - 1] + means[steps - 2] + means[steps - 3]) / 3};
        }
    }

    @Test
    void theRewardRisesWhicheverHalfOfTheVocabularyItFavours() {
        // from about 0.5 (uniform over the vocabulary) to near 1; a policy without a gradient stays at 0.5
        double[] lo = firstAndLast(new ShareReward("lo"), 15);
        assertTrue(lo[1] > lo[0] + 0.35, "share of 'lo' " + lo[0] + " -> " + lo[1]);
        // the opposite reward drives the same start the other way: the share of "lo" falls
        double[] hi = firstAndLast(new ShareReward("hi"), 15);
        assertTrue(hi[1] > hi[0] + 0.35, "share of 'hi' " + hi[0] + " -> " + hi[1]);
    }

    @Test
    void trainedOnItsHighestEntropyFifthOfTokensThePolicyStillLearns() {
        GrpoConfig fifth = GrpoConfig.fromJson(RECIPE.replace("\"beta\": 0", "\"beta\": 0, \"top_entropy_quantile\": 0.2"));
        double[] lo = firstAndLast(fifth, new ShareReward("lo"), 15);
        assertTrue(lo[1] > lo[0] + 0.2, "share of 'lo' " + lo[0] + " -> " + lo[1]);
    }

    @Test
    void theClipActsOnlyFromTheSecondUpdateOnTheSameBatch() {
        String tight = RECIPE.replace("\"beta\": 0", "\"beta\": 0, \"epsilon\": 0.001");
        GrpoConfig one = GrpoConfig.fromJson(tight);
        GrpoConfig two = GrpoConfig.fromJson(tight.replace("\"beta\": 0", "\"beta\": 0, \"num_iterations\": 2"));
        VlmConfig config = tiny(4);
        for (GrpoConfig recipe : List.of(one, two)) {
            try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu())) {
                GrpoStepStats s = new GrpoTrainer(policy, null, GrpoTrainerTest::words, recipe)
                        .step(prompts(config, new ShareReward("lo")));
                double clipped = s.metric("clip_ratio/region_mean");
                if (recipe == one) {
                    assertEquals(0, clipped, 0);            // old = new in value at the only update: ρ = 1
                } else {                                    // mean over 2 updates: the second sees ρ ≠ 1
                    assertTrue(clipped > 0.05, "clipped share " + clipped + " over two updates at ε 0.001");
                }
                assertEquals(clipped, s.metric("clip_ratio/low_mean") + s.metric("clip_ratio/high_mean"), 1e-12);
                assertTrue(Double.isNaN(s.kl()), "no reference at beta 0: no kl");
            }
        }
    }

    @Test
    void withEqualRewardsAndThePolicyAtTheReferenceNothingMoves() {
        GrpoConfig recipe = GrpoConfig.fromJson(RECIPE.replace("\"beta\": 0", "\"beta\": 0.02"));
        VlmConfig config = tiny(3);
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu());
             Vlm3d reference = Vlm3d.initialize(config, Device.cpu())) {
            float[] before = policy.parameters().get("model.embed_tokens.weight").toFloatArray();
            GrpoStepStats s = new GrpoTrainer(policy, reference, GrpoTrainerTest::words, recipe)
                    .step(prompts(config, new ConstantReward()));
            assertEquals(1, s.metric("frac_reward_zero_std"), 0);   // every group tied
            assertEquals(0, s.metric("reward_std"), 0);
            assertEquals(1, s.reward(), 0);
            assertEquals(Map.of("constant", 1.0), s.meanParts());
            assertEquals(0, s.kl(), 1e-7);
            assertEquals(0, s.metric("clip_ratio/region_mean"), 0);
            assertEquals(0, s.gradNorm(), 1e-6);
            assertArrayEquals(before, policy.parameters().get("model.embed_tokens.weight").toFloatArray(), 0f);
            assertEquals(2 * 8 * 6, s.tokens());   // 2 prompts x 8 outputs of 6 tokens (the tiny model has no end token)
            assertEquals(6, s.metric("completions/mean_length"), 0);
            assertEquals(1, s.metric("completions/clipped_ratio"), 0);   // all cut at max_completion_length
            double entropy = s.metric("entropy");                 // a random tiny model: near log(vocabulary)
            assertTrue(entropy > 0.8 * Math.log(VOCAB) && entropy <= Math.log(VOCAB + config.maxObjects()) + 1e-3,
                    "entropy " + entropy);
            assertEquals(List.of("reward", "reward_std", "rewards/constant/mean", "rewards/constant/std",
                    "frac_reward_zero_std", "kl", "entropy", "clip_ratio/low_mean", "clip_ratio/high_mean",
                    "clip_ratio/region_mean", "completions/mean_length", "completions/clipped_ratio", "num_tokens",
                    "sampling/rounds", "loss", "grad_norm", "learning_rate", "step_time"),
                    List.copyOf(s.metrics().keySet()));
        }
    }

    @Test
    void dynamicSamplingRedrawsTiedGroupsAndMaskedTruncationsTrainNothing() {
        VlmConfig config = tiny(5);
        GrpoConfig dynamic = GrpoConfig.fromJson(RECIPE.replace("\"beta\": 0", "\"beta\": 0, \"dynamic_sampling\": true"));
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu())) {
            int[] asked = new int[1];
            GrpoStepStats s = new GrpoTrainer(policy, null, GrpoTrainerTest::words, dynamic)
                    .step(prompts(config, new ConstantReward()), n -> {
                        asked[0] += n;
                        return prompts(config, new ConstantReward()).subList(0, n);
                    });
            // every group ties: 2 prompts, then 2 more in each of 4 extra rounds, the last round kept
            assertEquals(1 + GrpoRollout.MAX_ROUNDS, s.metric("sampling/rounds"), 0);
            assertEquals(2 * GrpoRollout.MAX_ROUNDS, asked[0]);
            assertEquals(1, s.metric("frac_reward_zero_std"), 0);
            assertEquals(2 * 8 * 6 * 5, s.tokens());
        }
        // every output of the tiny model runs to max_completion_length: masked, none is learnt from
        GrpoConfig masked = GrpoConfig.fromJson(RECIPE.replace("\"beta\": 0", "\"beta\": 0, \"mask_truncated_completions\": true"));
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu())) {
            float[] before = policy.parameters().get("model.embed_tokens.weight").toFloatArray();
            GrpoStepStats s = new GrpoTrainer(policy, null, GrpoTrainerTest::words, masked)
                    .step(prompts(config, new ShareReward("lo")));
            assertTrue(s.metric("reward_std") > 0, "the groups differ");
            assertEquals(0, s.gradNorm(), 0);
            assertArrayEquals(before, policy.parameters().get("model.embed_tokens.weight").toFloatArray(), 0f);
        }
    }

    @Test
    void logProbabilitiesAreTakenAtTheSamplingTemperature() {
        VlmConfig config = tiny(7);
        List<GrpoPrompt> prompts = prompts(config, new ShareReward("lo"));
        try (Vlm3d model = Vlm3d.initialize(config, Device.cpu()); NDManager scope = model.newScope()) {
            List<VlmExample> batch = List.of(new VlmExample(prompts.get(0).features(), prompts.get(0).prompt(),
                    new int[] {20, 30, 140}));
            VlmOutput o = model.forward(batch, scope, 1.0, false);
            float[] at2 = GrpoTrainer.logProbs(model, batch, scope, 2.0).toFloatArray();
            // by hand: log_softmax(logits / 2) at the answer tokens, from the same pass's logits
            NDArray logits = o.logits().get(0);                                              // [L, V + N]
            int[] answer = {20, 30, 140};
            for (int j = 0; j < answer.length; j++) {
                NDArray row = logits.get(o.answerFrom()[0] + j).div(2);
                float expected = row.sub(row.exp().sum().log()).getFloat(answer[j]);
                assertEquals(expected, at2[j], 1e-5f);
            }
            float[] at1 = o.answerLogProbs().toFloatArray();
            assertTrue(Math.abs(at1[0] - at2[0]) > 1e-4, "temperature 2 changes the log-probs");
        }
    }
}
