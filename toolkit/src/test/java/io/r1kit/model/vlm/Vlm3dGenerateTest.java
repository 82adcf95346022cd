package io.r1kit.model.vlm;

import ai.djl.Device;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one batched decode over scenes and prompts that training, evaluation and asking call. */
class Vlm3dGenerateTest {

    private static final Scene HAND = VlmFixtures.handScene();
    private static final Scene ROOM = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000))
            .generate(5).scene();

    private static GenerationConfig greedy() {
        return GenerationConfig.builder().maxNewTokens(6).build();
    }

    @Test
    void aBatchOverSeveralScenesAnswersAsEachRowAlone() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(4), Device.cpu())) {
            SceneFeatures hand = model.features(HAND);
            SceneFeatures room = model.features(ROOM);
            int[] shortPrompt = {1, 2};
            int[] longPrompt = {3, 4, 5, 6, 7};
            List<Generation> batch = model.generate(List.of(hand, room, hand),
                    List.of(shortPrompt, longPrompt, longPrompt), greedy(), null);
            assertEquals(3, batch.size());
            assertArrayEquals(model.generate(hand, shortPrompt, greedy(), null).tokens(), batch.get(0).tokens());
            assertArrayEquals(model.generate(room, longPrompt, greedy(), null).tokens(), batch.get(1).tokens());
            assertArrayEquals(model.generate(hand, longPrompt, greedy(), null).tokens(), batch.get(2).tokens());
        }
    }

    @Test
    void aGroupOfOneSceneSampledTogetherIsSeededAndVaried() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(5), Device.cpu())) {
            SceneFeatures hand = model.features(HAND);
            GenerationConfig sample = GenerationConfig.builder().sample(true).temperature(1.5).maxNewTokens(8).seed(11)
                    .build();
            List<SceneFeatures> scenes = List.of(hand, hand, hand, hand);
            List<int[]> prompts = List.of(new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 2});
            List<Generation> first = model.generate(scenes, prompts, sample, null);
            List<Generation> again = model.generate(scenes, prompts, sample, null);
            for (int i = 0; i < first.size(); i++) {
                assertArrayEquals(first.get(i).tokens(), again.get(i).tokens());
            }
            long distinct = first.stream().map(g -> Arrays.toString(g.tokens())).distinct().count();
            assertTrue(distinct > 1, "four samples at temperature 1.5 were all alike");
        }
    }

    @Test
    void badBatchesSayWhatToFix() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(6), Device.cpu())) {
            SceneFeatures hand = model.features(HAND);
            SceneFeatures room = model.features(ROOM);
            assertEquals("1 scenes and 2 prompts: give one scene per prompt, at least one",
                    assertThrows(IllegalArgumentException.class, () -> model.generate(List.of(hand),
                            List.of(new int[] {1}, new int[] {2}), greedy(), null)).getMessage());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.generate(
                    List.of(hand, room), List.of(new int[] {1}, new int[] {2}), greedy(), ids -> "x"));
            assertTrue(e.getMessage().startsWith("text of pointer ids needs one scene per batch, got 2"), e.getMessage());
        }
    }
}
