package io.r1kit.train.grpo;

import io.r1kit.eval.CiderIdf;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardTarget;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;

import java.util.List;
import java.util.Objects;

/**
 * A verifiable reward for captions: the CIDEr-D of the output's answer against the reference answer, divided
 * by 10 (so a caption equal to a typical reference earns about 1, like the other rewards), the self-critical
 * reward of captioning RL. The answer is read as the evaluation reads it ({@link TaskAnswer}, boxes dropped
 * by {@link TaskScores#captionText}), so this reward and the evaluation's CIDEr agree on what a caption says;
 * the document frequencies come from the run's own prompts (the reference answers of the task, one set per
 * prompt), as the evaluation takes them from its questions.
 *
 * <pre>{@code
 * CiderIdf idf = CiderIdf.of(references);              // one list per prompt of the task
 * Reward cider = new CiderReward(Task.OBJECT_CAPTION, idf);
 * cider.score("<think>…</think><answer>A red chair.</answer>", RewardTarget.ofReference("A red chair."));
 * }</pre>
 */
public final class CiderReward implements Reward {

    private final Task task;
    private final CiderIdf idf;

    /** The reward of {@code task}'s outputs under the document frequencies {@code idf}. */
    public CiderReward(Task task, CiderIdf idf) {
        this.task = Objects.requireNonNull(task, "task");
        this.idf = Objects.requireNonNull(idf, "idf");
        if (task == Task.DENSE_CAPTION || task == Task.GROUNDING) {
            throw new IllegalArgumentException("the cider reward scores one caption or answer; " + task.slug()
                    + " answers are " + (task == Task.GROUNDING ? "boxes" : "a room's boxes, scored by the captions reward"));
        }
    }

    @Override
    public String name() {
        return "cider";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (!applies(target)) {
            throw new IllegalArgumentException("the cider reward needs a reference answer");
        }
        String answer = TaskScores.captionText(TaskAnswer.read(task, output, target.bounds()).answer());
        return idf.score(answer, List.of(TaskScores.captionText(target.reference()))) / 10.0;
    }

    /** Needs a reference answer. */
    @Override
    public boolean applies(RewardTarget target) {
        return target != null && target.reference() != null && !target.reference().isBlank();
    }
}
