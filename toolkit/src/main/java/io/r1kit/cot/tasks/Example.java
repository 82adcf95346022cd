package io.r1kit.cot.tasks;

import io.r1kit.task.Task;

import java.util.List;
import java.util.Objects;

/**
 * One instruction example made from a scene graph.
 *
 * @param sceneId    the scene, e.g. {@code "office-0007"}
 * @param task       which of the seven tasks
 * @param type       the question type for {@link Task#QA}, {@code null} for the other tasks
 * @param question   the prompt; for dialogue and planning the 3D-LLM text with {@code ### human:} markers
 * @param answer     the reference answer as the public data sets write it (short for QA: {@code "three"})
 * @param fullAnswer the same answer as whole sentences (what a reasoning reply puts in {@code <answer>})
 * @param targets    ids of the objects the example is about, main target first; may be empty
 * @param facts      every claim the answer makes, checkable against the graph
 */
public record Example(String sceneId, Task task, QuestionType type, String question, String answer,
                      String fullAnswer, List<Integer> targets, List<Fact> facts) {

    public Example {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(fullAnswer, "fullAnswer");
        if ((type != null) != (task == Task.QA)) {
            throw new IllegalArgumentException("a question type is given exactly for QA examples, not for " + task);
        }
        targets = List.copyOf(targets);
        facts = List.copyOf(facts);
    }

    /** The main target's id, or 0 when the example has none. */
    public int target() {
        return targets.isEmpty() ? 0 : targets.get(0);
    }
}
