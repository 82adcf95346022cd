package io.r1kit.cot.tasks;

import io.r1kit.data.DialogueTurn;
import io.r1kit.task.Task;
import io.r1kit.task.TaskPrompt;
import io.r1kit.task.TaskQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model is asked for an example of the data engine ({@link TaskQuery}): the text each task takes,
 * out of the public-format question the engine writes. Grounding, QA and reasoning keep their question;
 * planning drops the 3D-LLM speaker markers; a dialogue's earlier turns become {@link TaskPrompt.Turn}s;
 * object captioning is asked about the target's box (the task takes an object, not a description of it);
 * dense captioning of a whole room ({@link DenseCaptions#room}) takes no text.
 *
 * <pre>{@code
 * SceneContext c = InstructionGenerator.context(room, 7);
 * TaskQuery q = Queries.of(example, c);
 * }</pre>
 */
public final class Queries {

    private Queries() {}

    /**
     * The query of {@code e}, a data-engine example about {@code c}'s scene.
     *
     * @throws IllegalArgumentException for a per-object dense-caption example (the model is asked for the
     *                                  whole room), or an object caption without a target
     */
    public static TaskQuery of(Example e, SceneContext c) {
        return switch (e.task()) {
            case DENSE_CAPTION -> {
                if (!e.question().equals(DenseCaptions.ROOM_QUESTION)) {
                    throw new IllegalArgumentException("dense captioning asks for the whole room: use DenseCaptions.room");
                }
                yield TaskQuery.of(Task.DENSE_CAPTION, "");
            }
            case OBJECT_CAPTION -> {
                if (e.target() == 0) {
                    throw new IllegalArgumentException("an object caption example needs its object: \"" + e.question() + "\"");
                }
                yield TaskQuery.of(Task.OBJECT_CAPTION, c.codec().encode(c.object(e.target()).box()));
            }
            case DIALOGUE -> dialogue(e.question());
            case PLANNING -> TaskQuery.of(Task.PLANNING, unmarked(e.question()));
            default -> TaskQuery.of(e.task(), e.question());
        };
    }

    /** A 3D-LLM conversation ending in a human turn, as earlier turns and the last question. */
    static TaskQuery dialogue(String marked) {
        List<DialogueTurn> turns = DialogueTurn.split(marked);
        List<TaskPrompt.Turn> earlier = new ArrayList<>();
        for (int i = 0; i + 1 < turns.size(); i += 2) {
            earlier.add(new TaskPrompt.Turn(turns.get(i).text(), turns.get(i + 1).text()));
        }
        DialogueTurn last = turns.get(turns.size() - 1);
        if (turns.size() % 2 == 0 || last.speaker() != DialogueTurn.Speaker.HUMAN) {
            throw new IllegalArgumentException("a dialogue example ends with a human turn: \"" + marked + "\"");
        }
        return new TaskQuery(Task.DIALOGUE, earlier, last.text());
    }

    /** The text of a one-turn 3D-LLM prompt without its speaker markers. */
    static String unmarked(String marked) {
        List<DialogueTurn> turns = DialogueTurn.split(marked);
        return turns.get(turns.size() - 1).text();
    }
}
