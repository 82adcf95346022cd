package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.LogitsRule;
import io.r1kit.model.generate.TokenChooser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log-probabilities under a decoding rule: what GRPO trains on when dense captions are sampled under one. */
class RuledLogProbsTest {

    private static final int V = VlmFixtures.VOCAB;
    private static final int OPEN = 9;
    private static final int CLOSE = 10;

    @Test
    void aRuleIsReplayedAsTheChoicesItRulesOut() {
        DistinctPointers rule = new DistinctPointers(20, OPEN, 6, new boolean[] {true});
        assertArrayEquals(new int[] {21}, rule.ruledOut(0, List.of(OPEN, 21, CLOSE), 22));
        assertArrayEquals(new int[] {OPEN, 20, 21}, rule.ruledOut(0, List.of(OPEN, 21, CLOSE, OPEN, 20), 22));
        assertArrayEquals(new int[0], rule.ruledOut(0, List.of(), 22));
        LogitsRule nudge = (row, generated, s) -> s[3] += 1f;
        assertThrows(IllegalStateException.class, () -> nudge.ruledOut(0, List.of(), 22));
    }

    @Test
    void teacherForcedLogProbsAreTheMaskedSoftmaxAtTheTemperature() {
        double t = 1.3;
        int[] answer = {OPEN, V + 1, 20, CLOSE, OPEN, V, 21, CLOSE, 2};     // object 1, then object 0, then a word
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(3), Device.cpu());
             NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(VlmFixtures.handScene());
            List<VlmExample> batch = List.of(new VlmExample(f, new int[] {1, 2}, answer));
            DistinctPointers rule = DistinctPointers.of(model.config(), new boolean[] {true});
            VlmOutput ruled = model.forward(batch, scope, t, false, rule);
            VlmOutput free = model.forward(batch, scope, t, false, null);
            float[] got = ruled.answerLogProbs().toFloatArray();
            float[] plain = free.answerLogProbs().toFloatArray();
            int width = V + 2;
            List<Integer> generated = new ArrayList<>();
            int differ = 0;
            for (int j = 0; j < answer.length; j++) {
                float[] logits = Arrays.copyOf(ruled.logits().get(0, ruled.answerFrom()[0] + j).toFloatArray(), width);
                for (int m : rule.ruledOut(0, generated, width)) {
                    logits[m] = Float.NEGATIVE_INFINITY;
                }
                double expected = TokenChooser.logSoftmax(logits, t)[answer[j]];
                assertEquals(expected, got[j], 1e-4, "answer token " + j);
                if (Math.abs(plain[j] - got[j]) > 1e-6) {
                    differ++;
                }
                generated.add(answer[j]);
            }
            // after each pointer the ruled distribution leaves it out, and after both no box opens
            assertTrue(differ >= 5, "positions where the rule changes the log-probability: " + differ);
            assertEquals(plain[0], got[0], 1e-6, "nothing is ruled out before the first pointer");
        }
    }

    @Test
    void trainingLogProbsEqualTheRuledSamplersOwn() {
        double t = 1.5;
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(5), Device.cpu());
             NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(VlmFixtures.handScene());
            boolean[] rows = new boolean[6];
            Arrays.fill(rows, true);
            DistinctPointers rule = DistinctPointers.of(model.config(), rows);
            GenerationConfig sampling = GenerationConfig.builder().sample(true).temperature(t).maxNewTokens(24)
                    .seed(11).build();
            List<Generation> gens = model.generate(Collections.nCopies(6, f), Collections.nCopies(6, new int[] {1, 2}),
                    sampling, null, null, rule);
            List<VlmExample> batch = gens.stream().map(g -> new VlmExample(f, new int[] {1, 2}, g.tokens())).toList();
            float[] got = model.forward(batch, scope, t, false, rule).answerLogProbs().toFloatArray();
            int width = got.length / gens.size();
            for (int b = 0; b < gens.size(); b++) {
                float[] drawn = gens.get(b).logProbs();
                for (int j = 0; j < drawn.length; j++) {
                    assertEquals(drawn[j], got[b * width + j], 1e-4, "row " + b + " token " + j);
                }
            }
        }
    }

    @Test
    void gradientsStayFiniteWithPaddedRows() {
        // a short row beside a long one: the short row's padding positions must not reach the gradient
        int[] longAnswer = {OPEN, V + 1, 20, CLOSE, OPEN, V, 21, CLOSE, 2, 3, 4, 5};
        int[] shortAnswer = {OPEN, V, 20};
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(3), Device.cpu());
             NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(VlmFixtures.handScene());
            List<VlmExample> batch = List.of(new VlmExample(f, new int[] {1, 2}, shortAnswer),
                    new VlmExample(f, new int[] {1, 2, 3, 4, 5, 6}, longAnswer));
            DistinctPointers rule = DistinctPointers.of(model.config(), new boolean[] {true, true});
            model.setTrainable(true);
            try (ai.djl.training.GradientCollector c = io.r1kit.model.Engines.pytorch().newGradientCollector()) {
                VlmOutput out = model.forward(batch, scope, 1.2, false, rule);
                float[] lp = out.answerLogProbs().toFloatArray();
                for (int j = shortAnswer.length; j < longAnswer.length; j++) {
                    assertEquals(0f, lp[j], 0f, "past the short row's answer, position " + j);
                }
                c.backward(out.answerLogProbs().mul(out.answerMask()).sum().neg());
            }
            int checked = 0;
            for (var e : model.parameters().entrySet()) {
                ai.djl.ndarray.NDArray g = e.getValue().getGradient();
                assertTrue(g.isInfinite().logicalOr(g.isNaN()).none().getBoolean(), "gradient of " + e.getKey());
                checked++;
            }
            assertTrue(checked > 10, "parameters checked: " + checked);
        }
    }

    @Test
    void aTokenTheRuleForbidsCannotHaveBeenSampled() {
        int[] answer = {OPEN, V, 20, CLOSE, OPEN, V};                           // object 0 twice
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(3), Device.cpu());
             NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(VlmFixtures.handScene());
            List<VlmExample> batch = List.of(new VlmExample(f, new int[] {1, 2}, answer));
            DistinctPointers rule = DistinctPointers.of(model.config(), new boolean[] {true});
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> model.forward(batch, scope, 1.0, false, rule));
            assertTrue(e.getMessage().contains("answer token 5"), e.getMessage());
        }
    }
}
