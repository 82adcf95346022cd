package io.r1kit.train;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;

import java.util.List;

/**
 * The generated rooms training draws its data from, and their data-engine examples: SFT turns them into
 * teacher-forced examples, GRPO into prompts, and both evaluate on rooms of other seeds. Room
 * {@code seed} is the data engine's default generator's room of that seed, so a recipe's seed ranges
 * name its data exactly.
 */
public final class TrainingRooms {

    private TrainingRooms() {}

    /** Room {@code seed} as the data engine's default generator makes it. */
    public static GeneratedRoom room(long seed) {
        return new SceneGenerator().generate(seed);
    }

    /** The examples of {@code room} (generated with {@code seed}) a model is trained on: {@link InstructionGenerator#forModel}. */
    public static List<Example> examples(GeneratedRoom room, long seed, List<Task> tasks, int maxObjects) {
        return InstructionGenerator.forModel(room, seed, tasks, maxObjects);
    }
}
