package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

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
