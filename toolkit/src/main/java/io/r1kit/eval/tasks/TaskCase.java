package io.r1kit.eval.tasks;

import io.r1kit.cot.tasks.Example;
import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.TaskAnswer;

import java.util.Objects;

/**
 * One held-out question and the model's answer to it.
 *
 * @param room    index of its room in the evaluation (the unit the intervals resample)
 * @param example the data engine's example: question, reference answer, facts, targets
 * @param scene   the room's scene (boxes are over its bounds)
 * @param graph   the room's exact scene graph (facts are checked against it)
 * @param answer  the model's reply, read as the task's result
 */
public record TaskCase(int room, Example example, Scene scene, SceneGraph graph, TaskAnswer answer) {

    public TaskCase {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(answer, "answer");
    }
}
