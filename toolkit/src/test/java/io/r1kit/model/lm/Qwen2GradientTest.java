package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoder is trainable: a next-token loss sends gradients to every parameter and lowers with a step. */
class Qwen2GradientTest {

    private static final Qwen2Config TINY = Qwen2Config.builder().vocabSize(32).hiddenSize(16)
            .intermediateSize(32).layers(2).heads(4).kvHeads(2).build();

    @Test
    void nextTokenLossHasGradientsAndDecreases() {
        long[] tokens = {3, 7, 1, 9, 4, 4, 12};
        try (Qwen2Model model = Qwen2Checkpoint.initialize(TINY, 5, Device.cpu())) {
            model.setTrainable(true);
            float before;
            try (NDManager scope = model.newScope()) {
                NDArray loss;
                try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    loss = loss(model, scope, tokens);
                    collector.backward(loss);
                }
                before = loss.getFloat();
                for (var e : model.parameters().entrySet()) {
                    NDArray grad = e.getValue().getGradient();
                    assertTrue(grad.abs().sum().getFloat() > 0, "no gradient reached " + e.getKey());
                }
                // one plain gradient step on every parameter
                for (NDArray p : model.parameters().values()) {
                    p.subi(p.getGradient().mul(0.5f));
                }
            }
            try (NDManager scope = model.newScope()) {
                float after = loss(model, scope, tokens).getFloat();
                assertTrue(after < before, "loss " + before + " -> " + after);
            }
        }
    }

    @Test
    void aPassOverSequencesTakesTheFusedKernelsWithOrWithoutGradientsAndAOneTokenStepThePlainOps() throws Exception {
        long[] tokens = {3, 7, 1, 9, 4, 4, 12};
        try (Qwen2Model model = Qwen2Checkpoint.initialize(TINY, 5, Device.cpu())) {
            model.setTrainable(true);
            float[][] losses = new float[2][];
            Map<String, Integer> training = kernels(() -> {
                try (NDManager scope = model.newScope();
                     GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    NDArray loss = loss(model, scope, tokens);
                    losses[0] = loss.toFloatArray();
                    collector.backward(loss);
                }
            });
            // one silu per layer and one rsqrt per norm (two per layer and the final one), with their own backward
            assertEquals(TINY.numHiddenLayers(), training.getOrDefault("aten::silu", 0), training.toString());
            assertEquals(TINY.numHiddenLayers(), training.getOrDefault("aten::silu_backward", 0), training.toString());
            assertEquals(2 * TINY.numHiddenLayers() + 1, training.getOrDefault("aten::rsqrt", 0), training.toString());
            assertEquals(0, training.getOrDefault("aten::sigmoid", 0), training.toString());
            // attention in one kernel per layer, which never holds the [B, H, T, S] weights: no softmax of them
            assertEquals(TINY.numHiddenLayers(), training.getOrDefault("aten::scaled_dot_product_attention", 0),
                    training.toString());
            assertEquals(1, training.getOrDefault("aten::_log_softmax", 0), training.toString()); // the loss's
            assertEquals(0, training.getOrDefault("aten::_softmax", 0), training.toString());
            Map<String, Integer> scoring = kernels(() -> {
                try (NDManager scope = model.newScope()) {
                    losses[1] = Engines.withoutGradients(() -> loss(model, scope, tokens).toFloatArray());
                }
            });
            // the same kernels without gradients (a reference or old-policy pass), so the same figure to the bit
            assertEquals(TINY.numHiddenLayers(), scoring.getOrDefault("aten::silu", 0), scoring.toString());
            assertEquals(2 * TINY.numHiddenLayers() + 1, scoring.getOrDefault("aten::rsqrt", 0), scoring.toString());
            assertEquals(0, scoring.getOrDefault("aten::sigmoid", 0), scoring.toString());
            assertEquals(TINY.numHiddenLayers(), scoring.getOrDefault("aten::scaled_dot_product_attention", 0),
                    scoring.toString());
            assertArrayEquals(losses[0], losses[1], 0f);
            Map<String, Integer> step = kernels(() -> {
                try (NDManager scope = model.newScope()) {
                    Engines.withoutGradients(() -> model.forward(scope.create(new long[] {3, 7}, new Shape(2, 1)), null)
                            .getFloat(0, 0, 0));
                }
            });
            // a generation step of one token per row: the plain ops
            assertEquals(0, step.getOrDefault("aten::silu", 0), step.toString());
            assertEquals(0, step.getOrDefault("aten::rsqrt", 0), step.toString());
            assertEquals(TINY.numHiddenLayers(), step.getOrDefault("aten::sigmoid", 0), step.toString());
            assertEquals(0, step.getOrDefault("aten::scaled_dot_product_attention", 0), step.toString());
            assertEquals(TINY.numHiddenLayers(), step.getOrDefault("aten::_softmax", 0), step.toString());
        }
    }

    /** How often each ATen kernel ran during {@code work}, from PyTorch's profiler. */
    private static Map<String, Integer> kernels(Runnable work) throws IOException {
        Path trace = Files.createTempFile("r1kit-trace", ".json");
        try {
            JniUtils.startProfile(false, false, false);
            try {
                work.run();
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
            JsonElement root = JsonParser.parseString(Files.readString(trace));
            JsonArray events = root.isJsonArray() ? root.getAsJsonArray()
                    : root.getAsJsonObject().getAsJsonArray("traceEvents");
            Map<String, Integer> counts = new TreeMap<>();
            for (JsonElement e : events) {
                JsonObject o = e.getAsJsonObject();
                if (o.has("name") && o.get("name").getAsString().startsWith("aten::")) {
                    counts.merge(o.get("name").getAsString(), 1, Integer::sum);
                }
            }
            return counts;
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /** Mean cross-entropy of predicting token t+1 from tokens 0..t. */
    private static NDArray loss(Qwen2Model model, NDManager scope, long[] tokens) {
        int t = tokens.length - 1;
        long[] input = java.util.Arrays.copyOf(tokens, t);
        long[] target = java.util.Arrays.copyOfRange(tokens, 1, tokens.length);
        NDArray logProbs = model.forward(scope.create(input, new Shape(1, t)), null).logSoftmax(-1); // [1, T, V]
        NDArray picked = logProbs.mul(scope.create(target, new Shape(1, t)).oneHot(TINY.vocabSize()))
                .sum(new int[] {-1});                                                                   // [1, T]
        assertEquals(new Shape(1, t), picked.getShape());
        return picked.mean().neg();
    }
}
