package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.reward.RewardTarget;
import io.r1kit.reward.RewardTargets;
import io.r1kit.scene.Scene;
import io.r1kit.task.Task;

/**
 * The reward target of a data-engine example, by the table of {@link RewardTargets}: a grounding example is
 * scored on its target object's box, a reasoning example on its answer (and the target's box when that
 * answer names one with an {@code <obj>} tag), a dense caption on its answer and the scene bounds its boxes are
 * read over, every other task on its answer.
 *
 * <pre>{@code
 * GeneratedRoom room = new SceneGenerator().generate(7);
 * Example e = InstructionGenerator.generate(room, 7).get(0);
 * RewardScore s = RewardTargets.defaultRewards().score(output, ExampleTargets.of(e, room.scene()));
 * }</pre>
 */
public final class ExampleTargets {

    private ExampleTargets() {}

    /**
     * The target of {@code example}, made from {@code scene}.
     *
     * @throws IllegalArgumentException when the example is of another scene, or a grounding example names no object
     */
    public static RewardTarget of(Example example, Scene scene) {
        if (!example.sceneId().equals(scene.id())) {
            throw new IllegalArgumentException("the example is about scene " + example.sceneId()
                    + ", not " + scene.id());
        }
        Task task = example.task();
        if (task == Task.GROUNDING && example.targets().isEmpty()) {
            throw new IllegalArgumentException("a grounding example needs a target object: \"" + example.question() + "\"");
        }
        boolean withBox = task == Task.GROUNDING
                || task == Task.REASONING && !example.targets().isEmpty() && example.answer().contains("<obj>");
        if (!withBox) {
            return RewardTargets.forTask(task, example.answer(), null, task == Task.DENSE_CAPTION ? scene.bounds() : null);
        }
        RewardTarget object = RewardTargets.ofObject(scene, example.target(), null);
        return RewardTargets.forTask(task, example.answer(), object.box(), object.bounds());
    }
}
