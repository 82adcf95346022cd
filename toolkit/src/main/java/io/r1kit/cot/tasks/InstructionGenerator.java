package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the instruction examples of all seven tasks for one generated room. The same room and
 * seed give the same examples.
 *
 * <pre>{@code
 * GeneratedRoom room = new SceneGenerator().generate(7);
 * List<Example> ex = InstructionGenerator.generate(room, 7);
 * ex.stream().filter(e -> e.task() == Task.GROUNDING).findFirst();   // "Find the chair next to the desk." -> <obj>..</obj>
 * }</pre>
 */
public final class InstructionGenerator {

    private InstructionGenerator() {}

    /** The context the task generators share: boxes are encoded over the room's point bounds. */
    public static SceneContext context(GeneratedRoom room, long seed) {
        return new SceneContext(room.scene().id(), room.graph(), new BoxCodec(room.scene().bounds()), new Phrasing(seed));
    }

    /** Examples of every task for {@code room}, tasks in {@link Task} order. */
    public static List<Example> generate(GeneratedRoom room, long seed) {
        SceneContext c = context(room, seed);
        List<Example> out = new ArrayList<>();
        out.addAll(DenseCaptions.generate(c));
        out.addAll(ObjectCaptions.generate(c));
        out.addAll(Grounding.generate(c));
        out.addAll(QuestionAnswering.generate(c));
        out.addAll(Dialogues.generate(c));
        out.addAll(Reasoning.generate(c));
        out.addAll(Planning.generate(c));
        return List.copyOf(out);
    }

    /**
     * The examples a model is trained and evaluated on for {@code tasks}, in engine order: dense captioning
     * is one example of the whole room ({@link DenseCaptions#room}) over the first {@code maxObjects} objects
     * (the ones a model with that many object slots encodes) instead of one per object.
     */
    public static List<Example> forModel(GeneratedRoom room, long seed, List<Task> tasks, int maxObjects) {
        List<Example> out = new ArrayList<>();
        if (tasks.contains(Task.DENSE_CAPTION)) {
            out.add(DenseCaptions.room(context(room, seed), maxObjects));
        }
        generate(room, seed).stream().filter(e -> e.task() != Task.DENSE_CAPTION && tasks.contains(e.task()))
                .forEach(out::add);
        return List.copyOf(out);
    }
}
