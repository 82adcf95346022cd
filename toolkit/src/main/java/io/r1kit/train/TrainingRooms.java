package io.r1kit.train;

import io.r1kit.cot.tasks.DenseCaptions;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;

import java.util.ArrayList;
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

    /**
     * The data engine's examples of {@code room} (generated with {@code seed}) for {@code tasks}, in engine
     * order; dense captioning is one example of the whole room ({@link DenseCaptions#room}) over the first
     * {@code maxObjects} objects, the ones a model of that many object slots encodes.
     */
    public static List<Example> examples(GeneratedRoom room, long seed, List<Task> tasks, int maxObjects) {
        List<Example> out = new ArrayList<>();
        if (tasks.contains(Task.DENSE_CAPTION)) {
            out.add(DenseCaptions.room(InstructionGenerator.context(room, seed), maxObjects));
        }
        InstructionGenerator.generate(room, seed).stream()
                .filter(e -> e.task() != Task.DENSE_CAPTION && tasks.contains(e.task())).forEach(out::add);
        return out;
    }
}
