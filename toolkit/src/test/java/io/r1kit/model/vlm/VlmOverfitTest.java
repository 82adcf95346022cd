package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftTrainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy mechanism works: a micro model learns to answer "<label> →" with the six grid tokens
 * of that object's box in four generated rooms, and then decodes every box exactly.
 */
class VlmOverfitTest {

    private static final int ARROW = 15;
    private static final int MAX_STEPS = 600;

    @Test
    void aMicroModelLearnsToCopyTheTargetsBoxTokens() {
        VlmConfig c = VlmFixtures.micro(11).toBuilder().maxObjects(16).pointsPerObject(16).build();
        SceneGenerator generator = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000)
                .withObjectRange(0, 12));
        Map<String, Integer> words = new LinkedHashMap<>();
        List<VlmExample> examples = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            Scene room = generator.generate(seed).scene();
            SceneFeatures features = SceneFeatures.extract(room, c);
            int taken = 0;
            for (ObjectSample o : features.objects()) {
                long same = room.objects().stream().map(SceneObject::label).filter(o.label()::equals).count();
                if (same != 1 || taken == 2 || (!words.containsKey(o.label()) && words.size() == 14)) {
                    continue; // a grounding prompt needs a label that names one object
                }
                int word = words.computeIfAbsent(o.label(), k -> words.size() + 1);
                int[] answer = Arrays.stream(o.grid()).map(c::gridTokenId).toArray();
                examples.add(new VlmExample(features, new int[] {word, ARROW}, answer));
                taken++;
            }
        }
        assertTrue(examples.size() == 8, examples.size() + " examples");
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(6).build();
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu())) {
            int before = exactBoxes(model, examples, greedy);
            assertTrue(before == 0, "an untrained model already copies " + before + " boxes");
            SftTrainer trainer = new SftTrainer(model, SftConfig.fromJson("{\"learning_rate\": 5e-3, \"weight_decay\": 0}"));
            long start = System.nanoTime();
            float loss = Float.NaN;
            int steps = 0;
            while (steps < MAX_STEPS) {
                loss = trainer.step(examples);
                steps++;
                if (steps % 20 == 0 && allTeacherForcedRight(model, examples)) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("overfit: %d examples in 4 rooms, %d steps, %.1f s (%.0f ms/step), final loss %.4f%n",
                    examples.size(), steps, seconds, 1000 * seconds / steps, loss);
            for (VlmExample e : examples) {
                int[] out = model.generate(e.features(), e.prompt(), greedy, null).tokens();
                assertArrayEquals(e.answer(), out, "box of " + e);
            }
        }
    }

    private static boolean allTeacherForcedRight(Vlm3d model, List<VlmExample> examples) {
        try (NDManager scope = model.newScope()) {
            int[][] best = model.forward(examples, scope).greedyAnswers();
            for (int i = 0; i < best.length; i++) {
                if (!Arrays.equals(best[i], examples.get(i).answer())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static int exactBoxes(Vlm3d model, List<VlmExample> examples, GenerationConfig greedy) {
        int exact = 0;
        for (VlmExample e : examples) {
            if (Arrays.equals(e.answer(), model.generate(e.features(), e.prompt(), greedy, null).tokens())) {
                exact++;
            }
        }
        return exact;
    }
}
