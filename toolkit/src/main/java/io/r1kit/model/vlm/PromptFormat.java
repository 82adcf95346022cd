package io.r1kit.model.vlm;

import io.r1kit.task.Task;
import io.r1kit.task.TaskPrompt;
import io.r1kit.task.TaskQuery;

/**
 * The prompt text of a query for a checkpoint: {@link TaskPrompt#chat} when the checkpoint was trained with
 * task instructions ({@link VlmConfig#taskPrompts()}), else the plain question format it was trained on
 * ({@link TaskPrompt#question}: grounding as "Find ...", an object as "Describe the object at ...", a
 * dialogue with 3D-LLM speaker markers).
 */
public final class PromptFormat {

    private PromptFormat() {}

    /**
     * The prompt of {@code q} for a model of {@code config}.
     *
     * @throws IllegalArgumentException for a dense caption of a whole room asked of a plain-format checkpoint
     *                                  (it captions one object at a time)
     */
    public static String of(VlmConfig config, TaskQuery q) {
        if (config.taskPrompts()) {
            return q.prompt();
        }
        return TaskPrompt.question(switch (q.task()) {
            case GROUNDING -> TaskPrompt.grounding(q.text());
            case OBJECT_CAPTION -> TaskPrompt.denseCaption(q.text());
            case DENSE_CAPTION -> throw new IllegalArgumentException("this checkpoint was trained without task "
                    + "instructions and captions one object at a time: ask object-caption with the object's box");
            case DIALOGUE -> {
                StringBuilder sb = new StringBuilder();
                q.earlier().forEach(t -> sb.append("### human: ").append(t.question()).append(" ### assistant: ")
                        .append(t.answer()).append(' '));
                yield sb.append("### human: ").append(q.text()).append(" ### assistant:").toString();
            }
            case PLANNING -> "### human: " + q.text() + " ### assistant:";   // as the engine writes a plan request
            default -> q.text();
        });
    }

    /**
     * Whether a checkpoint of {@code config} can be asked {@code task}: all seven with task instructions; a
     * plain-format checkpoint captions one object at a time, never a whole room.
     */
    public static boolean asks(VlmConfig config, Task task) {
        return config.taskPrompts() || task != Task.DENSE_CAPTION;
    }

    /**
     * The most tokens an answer of {@code task} may take: a whole room's captions take the most; a plan's
     * reasoning repeats its steps, so a four-step plan needs about 260 (the longest planning record of 40
     * training rooms is 258 tokens).
     */
    public static int maxNewTokens(Task task) {
        return switch (task) {
            case DENSE_CAPTION -> 800;
            case PLANNING -> 384;
            default -> 256;
        };
    }
}
