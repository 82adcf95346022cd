package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.FactAccuracy;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.TaskAnswer;

import java.util.Objects;

/**
 * A verifiable reward for captions, QA, dialogue, reasoning and planning: the fact accuracy of the output's
 * answer ({@link FactAccuracy}: of the facts the reference answer states about the room, the share the
 * output states without contradicting them; colours, counts, relations, walls, objects named in a plan).
 * It is made per prompt, since it checks against that prompt's example and the room's exact scene graph;
 * it applies only when the reference states some fact, so a prompt without one keeps its other rewards.
 *
 * <pre>{@code
 * Reward facts = new FactReward(example, room.graph());
 * facts.score("<think>...</think><answer>The desk is brown.</answer>", target);   // 0.0 for a black desk
 * }</pre>
 */
public final class FactReward implements Reward {

    private final Example example;
    private final SceneGraph graph;
    private final boolean any;

    /** The reward of {@code example}'s outputs, checked against {@code graph} (its room's scene graph). */
    public FactReward(Example example, SceneGraph graph) {
        this.example = Objects.requireNonNull(example, "example");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.any = !FactAccuracy.accountable(example, graph).isEmpty();
    }

    @Override
    public String name() {
        return "facts";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (!any) {
            throw new IllegalArgumentException("the reference \"" + example.answer() + "\" states no fact to check");
        }
        String answer = TaskAnswer.read(example.task(), output, null).answer();
        return FactAccuracy.of(example, graph, answer).accuracy();
    }

    /** Whether the reference states a fact; the target itself is not read. */
    @Override
    public boolean applies(RewardTarget target) {
        return any;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactReward f && example.equals(f.example) && graph == f.graph;
    }

    @Override
    public int hashCode() {
        return example.hashCode();
    }
}
