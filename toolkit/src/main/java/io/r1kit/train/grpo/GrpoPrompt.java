package io.r1kit.train.grpo;

import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.task.Task;

import java.util.Arrays;
import java.util.Objects;

/**
 * One GRPO prompt: the scene as the model sees it, the prompt's token ids, what its outputs are scored
 * against and with which rewards (the recipe's rewards for the prompt's task).
 *
 * @param features the scene's features
 * @param prompt   prompt token ids ({@code TaskPrompt.prompt} of the question)
 * @param target   the reference answer and/or ground-truth box
 * @param rewards  the rewards summed into each output's score
 * @param task     the task the prompt asks (statistics are kept per task)
 */
public record GrpoPrompt(SceneFeatures features, int[] prompt, RewardTarget target, RewardSet rewards, Task task) {

    public GrpoPrompt {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(rewards, "rewards");
        prompt = prompt.clone();
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrpoPrompt p && features.equals(p.features) && Arrays.equals(prompt, p.prompt)
                && Objects.equals(target, p.target) && rewards.equals(p.rewards) && task == p.task;
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, Arrays.hashCode(prompt), target, rewards, task);
    }

    @Override
    public String toString() {
        return "GrpoPrompt[" + task.slug() + ", " + features.sceneId() + ", prompt=" + Arrays.toString(prompt) + ", target=" + target + "]";
    }
}
