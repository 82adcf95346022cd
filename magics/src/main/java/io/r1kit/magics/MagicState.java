package io.r1kit.magics;

import io.r1kit.facade.R1;
import io.r1kit.facade.R1Answer;
import io.r1kit.facade.R1Dialogue;
import io.r1kit.facade.R1Model;
import io.r1kit.facade.R1Scene;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * What the magics of one kernel share: the kernel their progress displays go to, the current scene
 * ({@code %scene}), the model asked, the last answer ({@code %ask}) and the dialogue session about the
 * current scene.
 */
final class MagicState {

    private final BaseKernel kernel;
    private R1Scene scene;
    private String model;
    private R1Answer lastAnswer;
    private R1Dialogue dialogue;
    private R1Model dialogueModel;

    /** The state of magics run without a kernel (progress is a text bar on standard error). */
    MagicState() {
        this(null);
    }

    /** The state of the magics of {@code kernel} (null: none). */
    MagicState(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** A new progress display in the current cell (a text bar without a kernel). */
    LiveProgress progress() {
        return new LiveProgress(kernel);
    }

    /** The current scene, or an error saying how to set one. */
    synchronized R1Scene scene() {
        if (scene == null) {
            throw new MagicError("no current scene: run %scene generate bedroom:7 or %scene load PATH first");
        }
        return scene;
    }

    /** Makes {@code s} the current scene; a dialogue about the previous one ends. */
    synchronized R1Scene scene(R1Scene s) {
        scene = s;
        dialogue = null;
        lastAnswer = null;
        return s;
    }

    /** The model asked: the one {@code --model} last named, else the default. */
    synchronized R1Model model(String spec) {
        if (spec != null && !spec.equals(model)) {
            model = spec;
            dialogue = null;
        }
        return R1.model(model);
    }

    /**
     * The dialogue about the current scene, started when there is none, the scene or the model changed (a new
     * device reloads the model: {@code %r1 device}) or {@code reset}.
     */
    synchronized R1Dialogue dialogue(R1Model m, boolean reset) {
        if (dialogue == null || dialogue.scene() != scene() || dialogueModel != m) {
            dialogue = m.dialogue(scene());
            dialogueModel = m;
        } else if (reset) {
            dialogue.reset();
        }
        return dialogue;
    }

    synchronized R1Answer remember(R1Answer a) {
        lastAnswer = a;
        return a;
    }

    /** The last answer, or an error saying how to get one. */
    synchronized R1Answer lastAnswer() {
        if (lastAnswer == null) {
            throw new MagicError("no answer yet: run %ask TASK TEXT first");
        }
        return lastAnswer;
    }
}
