package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import io.r1kit.scene.Scene;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers that share a scene and prompt, fed after one pass over the prefix ({@link SharedAnswers}), against the
 * whole-sequence pass of {@link Vlm3d#forward}: the same log-probabilities, entropies and parameter gradients.
 */
class SharedAnswersTest {

    private static final Scene HAND = VlmFixtures.handScene();
    private static final int V = VlmFixtures.VOCAB;

    @Test
    void groupsGiveTheWholeSequencePassesLogProbsEntropiesAndGradients() {
        Scene one = Scene.builder("one").points(HAND.points()).objects(List.of(HAND.objects().get(0))).build();
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(5), Device.cpu())) {
            model.setTrainable(true);
            SceneFeatures two = model.features(HAND);
            SceneFeatures single = model.features(one);
            int[] ask = {1, 2, 3, 4};
            int[] other = {5, 6};
            // two groups mixed as sorted passes mix them, answers of other lengths, pointers, one 1-token answer
            List<VlmExample> batch = List.of(
                    new VlmExample(two, ask, new int[] {7, V + 1, 8, 9}),
                    new VlmExample(single, other, new int[] {V, 10}),
                    new VlmExample(two, ask.clone(), new int[] {7, 7, 11, 12, 13, 14}),
                    new VlmExample(single, other, new int[] {15}),
                    new VlmExample(two, ask, new int[] {V, 3}),
                    new VlmExample(two, other, new int[] {9, 9, 9}));   // another prompt of the same scene
            float[] weights = {0.5f, -1f, 2f, 1f, -0.25f, 0.75f};
            // dense captions' rule (each object named once) on some rows: their pointers re-taken under it
            DistinctPointers rule = DistinctPointers.onRows(model.config(),
                    new boolean[] {true, true, false, false, true, true});
            for (DistinctPointers r : new DistinctPointers[] {null, rule}) {
                Run whole = run(model, batch, weights, scope -> model.forward(batch, scope, 1.3, true, r));
                Run shared = run(model, batch, weights,
                        scope -> SharedAnswers.forward(model, batch, scope, 1.3, true, r));
                assertAgree(whole, shared);
            }
        }
    }

    /** The two passes' figures agree: log-probabilities and entropies to 1e-5, gradients to 1e-4 of their size. */
    private static void assertAgree(Run whole, Run shared) {
        assertArrayEquals(whole.mask, shared.mask, 0f);
        assertArrayEquals(whole.logProbs, shared.logProbs, 1e-5f);
        assertArrayEquals(whole.entropies, shared.entropies, 1e-5f);
        assertEquals(whole.grads.keySet(), shared.grads.keySet());
        int reached = 0;
        for (Map.Entry<String, float[]> e : whole.grads.entrySet()) {
            float[] w = e.getValue();
            float[] s = shared.grads.get(e.getKey());
            float scale = 0;
            for (float x : w) {
                scale = Math.max(scale, Math.abs(x));
            }
            assertArrayEquals(w, s, 1e-4f * Math.max(1f, scale), e.getKey());
            reached += scale > 0 ? 1 : 0;
        }
        assertTrue(reached > whole.grads.size() / 2, "gradients reached " + reached + " of " + whole.grads.size()
                + " parameters: the comparison saw too little");
    }

    @Test
    void aBatchWhoseRowsAllDifferIsTheWholeSequencePass() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(2), Device.cpu()); NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(HAND);
            List<VlmExample> batch = List.of(new VlmExample(f, new int[] {1, 2}, new int[] {3, 4}),
                    new VlmExample(f, new int[] {1, 5}, new int[] {3, 4}));
            VlmOutput out = SharedAnswers.forward(model, batch, scope, 1.0, false, null);
            assertEquals(out.answerFrom()[0] + 3, out.logits().getShape().get(1),
                    "whole sequences: scene, prompt, answer");
            VlmOutput repeated = SharedAnswers.forward(model, List.of(batch.get(0), batch.get(0)), scope, 1.0, false,
                    null);
            assertEquals(2, repeated.logits().getShape().get(1), "shared: logits at the answer positions only");
            assertNull(repeated.objectNameLoss());
        }
    }

    private record Run(float[] logProbs, float[] entropies, float[] mask, Map<String, float[]> grads) {}

    /** One pass, its answers weighted and back-propagated; the gradients read and zeroed. */
    private static Run run(Vlm3d model, List<VlmExample> batch, float[] weights, Function<NDManager, VlmOutput> pass) {
        try (NDManager scope = model.newScope()) {
            VlmOutput out;
            try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                out = pass.apply(scope);
                NDArray w = scope.create(weights).expandDims(1);
                collector.backward(out.answerLogProbs().mul(out.answerMask()).mul(w).sum());
            }
            Map<String, float[]> grads = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                NDArray g = e.getValue().getGradient();
                grads.put(e.getKey(), g.toFloatArray());
                g.muli(0f);
            }
            return new Run(out.answerLogProbs().toFloatArray(),
                    out.answerEntropy().mul(out.answerMask()).toFloatArray(), out.answerMask().toFloatArray(), grads);
        }
    }
}
