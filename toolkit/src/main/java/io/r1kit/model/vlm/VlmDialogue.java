package io.r1kit.model.vlm;

import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.task.TaskPrompt;
import io.r1kit.task.TaskQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * A dialogue with the model about one scene: each question is asked after the earlier turns (each with the
 * answer the model gave, without its reasoning), so "What colour is it?" can refer back. Not thread-safe.
 *
 * <pre>{@code
 * VlmDialogue d = ask.dialogue(ask.prepare(scene));
 * d.ask("Is there a mug in here?");
 * d.ask("What colour is it?").answer();
 * d.turns();   // both questions with their answers
 * }</pre>
 */
public final class VlmDialogue {

    private final VlmAsk ask;
    private final VlmAsk.Input input;
    private final List<TaskPrompt.Turn> turns = new ArrayList<>();

    VlmDialogue(VlmAsk ask, VlmAsk.Input input) {
        this.ask = ask;
        this.input = input;
    }

    /** Asks {@code question} after the turns so far and keeps it with the answer. */
    public TaskAnswer ask(String question) {
        TaskAnswer a = ask.ask(input, new TaskQuery(Task.DIALOGUE, turns, question));
        turns.add(new TaskPrompt.Turn(question.strip(), a.answer()));
        return a;
    }

    /** The turns so far, oldest first. */
    public List<TaskPrompt.Turn> turns() {
        return List.copyOf(turns);
    }

    /** Forgets every turn: the next question starts a new dialogue about the same scene. */
    public void reset() {
        turns.clear();
    }
}
