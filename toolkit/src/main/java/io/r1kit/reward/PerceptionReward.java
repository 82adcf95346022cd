package io.r1kit.reward;

import io.r1kit.scene.Box3;
import io.r1kit.task.BoxCodec;

import java.util.Optional;

/**
 * The perception reward of 3D-R1 (Sec. 3.2): the 3D IoU of the box the output answers with and the
 * ground-truth box. The answer's first {@code <obj>cx, cy, cz, w, h, l</obj>} tag that reads is read over
 * the target's scene bounds ({@link BoxCodec#firstBox}); an answer without a readable tag scores 0, as a wrong
 * box does.
 *
 * <pre>{@code
 * RewardTarget t = RewardTarget.ofBox(chair.box(), scene.bounds());
 * new PerceptionReward().score("<obj>75, 75, 50, 50, 50, 100</obj>", t);   // IoU in 0..1
 * }</pre>
 */
public final class PerceptionReward implements Reward {

    @Override
    public String name() {
        return "perception";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (!applies(target)) {
            throw new IllegalArgumentException("the perception reward needs a ground-truth box and scene bounds");
        }
        return predictedBox(output, target.bounds()).map(b -> b.iou(target.box())).orElse(0.0);
    }

    @Override
    public boolean applies(RewardTarget target) {
        return target != null && target.box() != null;
    }

    /** The first readable box of the output's answer, read over {@code bounds}; empty when there is none. */
    public static Optional<Box3> predictedBox(String output, Box3 bounds) {
        return new BoxCodec(bounds).firstBox(Answers.of(output));
    }
}
