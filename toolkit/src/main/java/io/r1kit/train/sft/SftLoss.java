package io.r1kit.train.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Constants;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;

import java.util.List;

/**
 * The supervised objective of one forward and backward pass: {@code answerWeight} times the pass's mean
 * answer cross-entropy plus {@code nameWeight} times its object-naming loss (when its examples name objects),
 * back-propagated into the parameters' gradients, which add up over passes until an optimiser step uses and
 * clears them. {@link SftTrainer} takes its steps of it; GRPO adds it beside its own loss as an anchor.
 *
 * <pre>{@code
 * float loss = SftLoss.backward(model, part, share, nameWeight * nameShare, scope);
 * }</pre>
 */
public final class SftLoss {

    private SftLoss() {}

    /**
     * Runs {@code part} forward with gradients and back-propagates the weighted objective; the pass's arrays
     * are freed when it returns.
     *
     * @return the pass's mean answer cross-entropy, unweighted
     */
    public static float backward(Vlm3d model, List<VlmExample> part, double answerWeight, double nameWeight,
                                 NDManager parent) {
        try (NDManager scope = parent.newSubManager();
             GradientCollector collector = Engines.pytorch().newGradientCollector()) {
            VlmOutput out = model.forward(part, scope);
            NDArray answer = answerWeight == 1 ? out.loss() : Constants.times(out.loss(), answerWeight);
            NDArray objective = out.objectNameLoss() == null || nameWeight == 0 ? answer
                    : answer.add(Constants.times(out.objectNameLoss(), nameWeight));
            collector.backward(objective);
            return out.loss().getFloat();
        }
    }
}
