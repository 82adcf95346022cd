package io.r1kit.cot;

import io.r1kit.cot.filter.Rules;
import io.r1kit.cot.filter.Verdict;
import io.r1kit.cot.tasks.QuestionType;
import io.r1kit.data.Scene30kRecord;
import io.r1kit.task.Task;

import java.util.List;
import java.util.Objects;

/**
 * A Scene-30K record with what the data engine knows about it: the task, the question type, the
 * target entity, whether the short-answer floor applies, and the verdict of every filter.
 *
 * @param sceneId     the scene
 * @param task        the task of the example it came from
 * @param type        the QA question type, or {@code null}
 * @param question    the question
 * @param cot         {@code <think>...</think><answer>...</answer>}
 * @param target      the entity the last step must name (empty when none)
 * @param targetIds   ids of the scene objects the example is about, main target first (empty when none or
 *                    unknown): the label alone is ambiguous when a room has two mugs
 * @param shortAnswer whether the answer is a short factual one
 * @param verdicts    filter verdicts, empty before filtering
 */
public record CotRecord(String sceneId, Task task, QuestionType type, String question, String cot, String target,
                        List<Integer> targetIds, boolean shortAnswer, List<Verdict> verdicts) {

    public CotRecord {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(cot, "cot");
        Objects.requireNonNull(target, "target");
        targetIds = List.copyOf(targetIds);
        verdicts = List.copyOf(verdicts);
    }

    /** The same record with these verdicts. */
    public CotRecord withVerdicts(List<Verdict> v) {
        return new CotRecord(sceneId, task, type, question, cot, target, targetIds, shortAnswer, v);
    }

    /** Whether it has verdicts and passes them all. */
    public boolean passed() {
        return !verdicts.isEmpty() && Rules.passes(verdicts);
    }

    /** The plain Scene-30K record. */
    public Scene30kRecord toScene30k() {
        return new Scene30kRecord(sceneId, question, cot);
    }
}
