package io.r1kit.facade;

import io.r1kit.model.vlm.VlmDialogue;
import io.r1kit.task.TaskPrompt;

import java.util.List;

/**
 * A dialogue with the model about one scene: each question is asked after the earlier turns, so "What colour
 * is it?" can refer back; {@link #reset} starts over.
 */
public final class R1Dialogue {

    private final R1Scene scene;
    private final String model;
    private final VlmDialogue session;

    R1Dialogue(R1Scene scene, String model, VlmDialogue session) {
        this.scene = scene;
        this.model = model;
        this.session = session;
    }

    /** Asks {@code question} after the turns so far and keeps it with its answer. */
    public R1Answer ask(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a dialogue turn needs a question, e.g. \"Is there a mug in here?\"");
        }
        return new R1Answer(scene, model, question.strip(), session.ask(question));
    }

    /** The turns so far, oldest first. */
    public List<TaskPrompt.Turn> turns() {
        return session.turns();
    }

    /** Forgets every turn. */
    public void reset() {
        session.reset();
    }

    /** The scene talked about. */
    public R1Scene scene() {
        return scene;
    }

    @Override
    public String toString() {
        return "dialogue about " + scene.name() + " (model " + model + "), " + turns().size() + " turns";
    }
}
