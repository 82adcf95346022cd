package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.Generator;
import io.r1kit.scene.Scene;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects as pointer tokens: ids V + i scored by hidden · feature_i and fed back as feature_i. */
class Vlm3dPointerTest {

    private static final Scene HAND = VlmFixtures.handScene();
    private static final int V = VlmFixtures.VOCAB;

    @Test
    void theEntriesAreTheFeatureTokensOfTheObjects() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(0), Device.cpu()); NDManager scope = model.newScope()) {
            NDArray tokens = model.sceneTokens(model.features(HAND), scope);              // [15, C]
            NDArray entries = model.pointerEntries(tokens);                                // [2, C]
            assertEquals(new Shape(2, 64), entries.getShape());
            assertArrayEquals(tokens.get(1).toFloatArray(), entries.get(0).toFloatArray(), 0f);
            assertArrayEquals(tokens.get(8).toFloatArray(), entries.get(1).toFloatArray(), 0f);
        }
        try (Vlm3d plain = Vlm3d.initialize(VlmFixtures.micro(0).toBuilder().objectPointers(false).build(), Device.cpu());
             NDManager scope = plain.newScope()) {
            assertNull(plain.pointerEntries(plain.sceneTokens(plain.features(HAND), scope)));
        }
    }

    @Test
    void sampledPointersHaveTheLogProbsOfTheTeacherForcedPass() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(3), Device.cpu())) {
            SceneFeatures f = model.features(HAND);
            int[] prompt = {1, 2, 3};
            Generation found = null;
            // about 2 of 274 choices per step are pointers: some seed samples one within 12 tokens
            for (long seed = 0; seed < 200 && found == null; seed++) {
                GenerationConfig sample = GenerationConfig.builder().sample(true).temperature(1.0).topP(1.0)
                        .maxNewTokens(12).seed(seed).build();
                Generation g = model.generate(f, prompt, sample, null);
                if (Arrays.stream(g.tokens()).anyMatch(t -> t >= V)) {
                    found = g;
                }
            }
            assertTrue(found != null, "no seed sampled a pointer");
            int pointerAt = 0;
            while (found.tokens()[pointerAt] < V) {
                pointerAt++;
            }
            assertTrue(pointerAt < found.tokens().length - 1, "the pointer should be fed back before the end");
            try (NDManager scope = model.newScope()) {
                VlmOutput out = model.forward(List.of(new VlmExample(f, prompt, found.tokens())), scope);
                // every token's log-prob, the pointer's and those after it (fed back as its feature token), agree
                assertArrayEquals(found.logProbs(), out.answerLogProbs().toFloatArray(), 2e-4f);
            }
        }
    }

    @Test
    void aRowWithFewerObjectsCannotPointPastThemAndPointersNeedTheConfig() {
        Scene one = Scene.builder("one").points(HAND.points()).objects(List.of(HAND.objects().get(0))).build();
        VlmConfig c = VlmFixtures.micro(0);
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu()); NDManager scope = model.newScope()) {
            VlmOutput out = model.forward(List.of(VlmExample.of(HAND, c, new int[] {1}, new int[] {V + 1, 4}),
                    VlmExample.of(one, c, new int[] {1}, new int[] {V, 4})), scope);
            float[] logits = out.logits().toFloatArray();                                  // [2, L, V + 2]
            long length = out.logits().getShape().get(1);
            int row1 = (int) ((length + out.answerFrom()[1]) * (V + 2));                    // row 1 at its first answer position
            assertEquals(Float.NEGATIVE_INFINITY, logits[row1 + V + 1]);                   // "one" has no object 1
            assertTrue(Float.isFinite(logits[row1 + V]));
            assertTrue(Float.isFinite(out.loss().getFloat()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(
                    List.of(VlmExample.of(one, c, new int[] {1}, new int[] {V + 1})), scope));
            assertEquals("row 0: token id 273 is outside the vocabulary 0..271 and the pointers 272..272 of its 1 objects",
                    e.getMessage());
        }
        VlmConfig plain = c.toBuilder().objectPointers(false).build();
        try (Vlm3d model = Vlm3d.initialize(plain, Device.cpu()); NDManager scope = model.newScope()) {
            VlmOutput out = model.forward(List.of(VlmExample.of(HAND, plain, new int[] {1}, new int[] {4})), scope);
            assertEquals(V, out.logits().getShape().get(2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(
                    List.of(VlmExample.of(HAND, plain, new int[] {1}, new int[] {V})), scope));
            assertEquals("row 0: token id 272 is outside the vocabulary 0..271", e.getMessage());
        }
    }

    @Test
    void withoutEntriesTheGeneratorIsUnchanged() {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(5), Device.cpu()); NDManager scope = model.newScope()) {
            NDArray prefix = model.sceneTokens(model.features(HAND), scope);
            GenerationConfig sample = GenerationConfig.builder().sample(true).maxNewTokens(10).seed(7).build();
            Generator g = new Generator(model.decoder());
            List<int[]> prompts = List.of(new int[] {1, 2}, new int[] {3});
            List<NDArray> prefixes = Arrays.asList(prefix, null);
            List<Generation> before = g.generate(prompts, prefixes, sample, null, null);
            List<Generation> after = g.generate(prompts, prefixes, Arrays.asList(null, null), sample, null, null);
            for (int b = 0; b < 2; b++) {
                assertArrayEquals(before.get(b).tokens(), after.get(b).tokens());
                assertArrayEquals(before.get(b).logProbs(), after.get(b).logProbs(), 0f);
                assertTrue(Arrays.stream(after.get(b).tokens()).allMatch(t -> t < V));
            }
        }
    }

    @Test
    void theObjectNamingLossReadsNamedFeatureTokensThroughTheLmHead() {
        VlmConfig c = VlmFixtures.micro(0);
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu()); NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(HAND);
            VlmOutput unnamed = model.forward(List.of(new VlmExample(f, new int[] {1}, new int[] {4})), scope);
            assertNull(unnamed.objectNameLoss());
            // object 0 is named by word 7, object 1 by no word of the vocabulary (-1: left out)
            VlmOutput named = model.forward(List.of(new VlmExample(f, new int[] {1}, new int[] {4}, new int[] {7, -1})),
                    scope);
            NDArray feature = model.sceneTokens(f, scope).get(1).reshape(1, 1, -1);          // [1, 1, C]
            float[] logits = model.decoder().logits(feature).toFloatArray();                  // [V]
            double logZ = Math.log(Arrays.stream(toDoubles(logits)).map(Math::exp).sum());
            assertEquals(logZ - logits[7], named.objectNameLoss().getFloat(), 1e-4);
            // a place word (9) for object 1 is one more term of the mean, read off object 1's feature token
            VlmOutput placed = model.forward(List.of(new VlmExample(f, new int[] {1}, new int[] {4}, new int[] {7, -1},
                    new int[0], new int[] {-1, 9})), scope);
            float[] second = model.decoder().logits(model.sceneTokens(f, scope).get(1 + ObjectEncoder.TOKENS_PER_OBJECT)
                    .reshape(1, 1, -1)).toFloatArray();
            double logZ2 = Math.log(Arrays.stream(toDoubles(second)).map(Math::exp).sum());
            assertEquals(((logZ - logits[7]) + (logZ2 - second[9])) / 2, placed.objectNameLoss().getFloat(), 1e-4);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new VlmExample(f, new int[] {1}, new int[] {4}, new int[] {7}));
            assertEquals("1 object names for 2 encoded objects in hand: give one per object, or none", e.getMessage());
        }
    }

    private static double[] toDoubles(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
