package io.r1kit.train.grpo;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.GradientUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GRPO's supervised anchor: its gradient, its order, and that it trains a step whose rewards all tie. */
class SupervisedAnchorTest {

    private static final String RECIPE = """
            {"num_generations": 4, "prompts_per_step": 2, "max_completion_length": 4, "learning_rate": 0.02,
             "beta": 0, "max_grad_norm": 10, "seed": 3, "sft_weight": 0.5, "sft_batch_size": 5,
             "per_device_train_batch_size": 2}""";

    /** Seven answers of different lengths over two scenes. */
    private static List<VlmExample> examples(VlmConfig config) {
        List<VlmExample> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SceneFeatures f = GrpoTrainerTest.prompts(config, new GrpoTrainerTest.ConstantReward()).get(i % 2).features();
            int[] answer = new int[2 + i % 4];
            for (int t = 0; t < answer.length; t++) {
                answer[t] = 20 + 3 * t + i;
            }
            out.add(new VlmExample(f, new int[] {3, 7 + i}, answer));
        }
        return out;
    }

    @Test
    void itsPassesAddUpToTheWeightedGradientOfTheWholeBatch() {
        VlmConfig config = GrpoTrainerTest.tiny(6);
        GrpoConfig recipe = GrpoConfig.fromJson(RECIPE);
        try (Vlm3d model = Vlm3d.initialize(config, Device.cpu()); NDManager scope = model.newScope()) {
            model.setTrainable(true);
            SupervisedAnchor anchor = new SupervisedAnchor(examples(config), 0, config.decoder().vocabSize(), recipe);
            List<VlmExample> batch = anchor.next();
            assertEquals(5, batch.size());
            String name = model.parameters().keySet().stream().filter(k -> k.contains("mlp")).findFirst().orElseThrow();
            double loss = anchor.backward(model, batch, scope);              // 3 passes of at most 2 examples
            float[] passes = gradient(model, name, scope);
            float whole;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                var out = model.forward(batch, scope);
                whole = out.loss().getFloat();
                c.backward(out.loss().mul(0.5f));
            }
            float[] expected = gradient(model, name, scope);
            assertEquals(whole, loss, 1e-5);
            assertArrayEquals(expected, passes, 1e-6f);
            assertTrue(java.util.stream.IntStream.range(0, expected.length).anyMatch(i -> expected[i] != 0));
        }
    }

    @Test
    void theOrderIsSeededAndASkippedStepDrawsWhatItWouldHaveDrawn() {
        VlmConfig config = GrpoTrainerTest.tiny(6);
        GrpoConfig recipe = GrpoConfig.fromJson(RECIPE);
        List<VlmExample> data = examples(config);
        SupervisedAnchor straight = new SupervisedAnchor(data, 0, 272, recipe);
        List<List<VlmExample>> drawn = List.of(straight.next(), straight.next(), straight.next());
        SupervisedAnchor resumed = new SupervisedAnchor(data, 0, 272, recipe);
        resumed.skip(2);
        assertEquals(drawn.get(2), resumed.next());
        // the first pass over the data (7 items) holds every example once
        List<VlmExample> first = new ArrayList<>(drawn.get(0));
        first.addAll(drawn.get(1).subList(0, 2));
        assertEquals(7, first.stream().map(System::identityHashCode).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> new SupervisedAnchor(List.of(), 0, 272, recipe));
    }

    @Test
    void withEveryGroupTiedTheAnchorAloneTeachesTheReferenceAnswers() {
        VlmConfig config = GrpoTrainerTest.tiny(7);
        GrpoConfig recipe = GrpoConfig.fromJson(RECIPE);
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu())) {
            GrpoTrainer trainer = new GrpoTrainer(policy, null, GrpoTrainerTest::words, recipe);
            trainer.supervise(new SupervisedAnchor(examples(config), 0, config.decoder().vocabSize(), recipe));
            List<GrpoPrompt> prompts = GrpoTrainerTest.prompts(config, new GrpoTrainerTest.ConstantReward());
            List<Double> losses = new ArrayList<>();
            for (int s = 0; s < 12; s++) {
                GrpoStepStats stats = trainer.step(prompts);
                assertEquals(1, stats.metric("frac_reward_zero_std"), 0);   // no GRPO signal at all
                losses.add(stats.metric("sft_loss"));
            }
            List<String> keys = List.copyOf(trainer.step(prompts).metrics().keySet());
            assertEquals(keys.indexOf("loss") + 1, keys.indexOf("sft_loss"), keys.toString());
            double start = (losses.get(0) + losses.get(1)) / 2;
            double end = (losses.get(10) + losses.get(11)) / 2;
            assertTrue(start > 4 && end < start - 1.5, "anchor loss " + losses);
            assertThrows(IllegalStateException.class, () -> trainer.supervise(null));
        }
    }

    @Test
    void recipesOutsideTheRangesAreRefusedWithTheFix() {
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> GrpoConfig.fromJson("{\"sft_weight\": -0.1}"));
        assertTrue(w.getMessage().contains("sft_weight must be in [0, 1e6), got -0.1"), w.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> GrpoConfig.fromJson("{\"sft_batch_size\": 0}"));
        assertTrue(b.getMessage().contains("sft_batch_size"), b.getMessage());
        assertEquals(0, GrpoConfig.defaults().sftWeight(), 0);
    }

    private static float[] gradient(Vlm3d model, String name, NDManager scope) {
        Map<String, ai.djl.ndarray.NDArray> p = model.parameters();
        float[] g = p.get(name).getGradient().toFloatArray();
        GradientUpdate.zero(p, scope);
        return g;
    }
}
