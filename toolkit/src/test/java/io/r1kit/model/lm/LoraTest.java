package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoraTest {

    private static final Qwen2Config TINY = Qwen2Config.builder().vocabSize(32).hiddenSize(16)
            .intermediateSize(32).layers(2).heads(4).kvHeads(2).build();
    private static final LoraConfig LORA = new LoraConfig(4, 8, 0, Set.of("q_proj", "v_proj", "down_proj"), 1);
    private static final long[] TOKENS = {3, 7, 1, 9, 4, 4, 12};

    @TempDir
    Path dir;

    @Test
    void trainsSavesLoadsAndMerges() throws IOException {
        try (Qwen2Model model = Qwen2Checkpoint.initialize(TINY, 5, Device.cpu())) {
            float[] base = logits(model);
            float[] adapted;
            try (Lora lora = Lora.attach(model, LORA)) {
                assertEquals(2 * 3 * 2, lora.parameters().size()); // 2 layers x 3 modules x (A, B)
                assertArrayEquals(base, logits(model), 0f, "B starts at zero: the model is unchanged");
                trainStep(model, lora);
                adapted = logits(model);
                assertFalse(java.util.Arrays.equals(base, adapted), "the step changed the output");
                lora.save(dir);
            }
            assertArrayEquals(base, logits(model), 0f, "closing detaches the adapters");
            try (Lora loaded = Lora.load(model, dir)) {
                assertEquals(LORA, loaded.config());
                assertArrayEquals(adapted, logits(model), 1e-6f);
                loaded.merge();
                assertNull(model.layers().get(0).attention().projections()[0].lora());
                assertArrayEquals(adapted, logits(model), 1e-4f);
                assertThrows(IllegalStateException.class, loaded::merge);
            }
            assertArrayEquals(adapted, logits(model), 1e-4f, "merged weights stay after close");
        }
    }

    @Test
    void configValidatesAndRoundTrips() {
        assertEquals(LORA, LoraConfig.fromJson(LORA.toJson()));
        assertEquals(2.0, LORA.scale());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LoraConfig(4, 8, 0, Set.of("qkv"), 0));
        assertEquals("unknown LoRA target module qkv; choose from [down_proj, gate_proj, k_proj, o_proj, q_proj,"
                + " up_proj, v_proj]", e.getMessage());
    }

    /** One gradient step on the adapters only; the base weights must get no gradient. */
    private static void trainStep(Qwen2Model model, Lora lora) {
        lora.setTrainable(true);
        try (NDManager scope = model.newScope()) {
            NDArray loss;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                NDArray logProbs = model.forward(scope.create(TOKENS, new Shape(1, TOKENS.length)), null)
                        .logSoftmax(-1);                                          // [1, T, V]
                loss = logProbs.get("0, :-1, 0").neg().mean();                     // push token 0 everywhere
                c.backward(loss);
            }
            for (var e : lora.parameters().entrySet()) {
                float g = e.getValue().getGradient().abs().sum().getFloat();
                // with B = 0 the update is B(Ax), so only B has a gradient on the first step
                assertTrue(e.getKey().endsWith(".bT") ? g > 0 : g == 0, e.getKey() + " gradient " + g);
                e.getValue().subi(e.getValue().getGradient().mul(1f));
            }
            assertFalse(model.parameters().get("model.norm.weight").hasGradient());
        }
        lora.setTrainable(false);
    }

    private static float[] logits(Qwen2Model m) {
        try (NDManager scope = m.newScope()) {
            return m.forward(scope.create(TOKENS, new Shape(1, TOKENS.length)), null).toFloatArray();
        }
    }
}
