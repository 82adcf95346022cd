package io.r1kit.reward;

import io.r1kit.eval.ExactMatch;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;

import java.util.List;

/**
 * A verifiable reward for question answering and dialogue: 1 when the output's answer (the text inside
 * {@code <answer>}, or the whole output when it has no tags) equals the reference answer after the ScanQA
 * normalisation ({@link ExactMatch#exact}: case, punctuation, articles and number words), else 0. A count is
 * right only when it is the same number. The model's answer is read as {@link TaskAnswer} reads it, so this
 * reward and the evaluation's EM@1 agree on every output.
 *
 * <pre>{@code
 * new AnswerReward().score("<think>Two chairs.</think><answer>Two.</answer>", RewardTarget.ofReference("2"));  // 1.0
 * }</pre>
 */
public final class AnswerReward implements Reward {

    @Override
    public String name() {
        return "answer";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (!applies(target)) {
            throw new IllegalArgumentException("the answer reward needs a reference answer");
        }
        String answer = TaskAnswer.read(Task.QA, output, null).answer();
        return ExactMatch.exact(answer, List.of(target.reference())) ? 1.0 : 0.0;
    }

    /** Needs a reference answer. */
    @Override
    public boolean applies(RewardTarget target) {
        return target != null && target.reference() != null;
    }
}
