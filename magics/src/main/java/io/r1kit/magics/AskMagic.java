package io.r1kit.magics;

import io.r1kit.facade.R1Answer;
import io.r1kit.facade.R1Model;
import io.r1kit.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %ask TASK [TEXT...] [--object ID] [--reset] [--model M]} and {@code %%ask TASK} (the cell is the
 * text): asks the model about the current scene and shows the reasoning, the answer and its boxes drawn.
 * A {@code dialogue} continues the session about the current scene; {@code --reset} starts a new one.
 */
@Command(name = "%ask", description = "Ask the model about the current scene, for any of the seven tasks.")
final class AskMagic implements Callable<Object> {

    static final String HELP = "TASK TEXT (%%ask TASK: the cell is the text): ask the model about the current scene";

    private final MagicState state;
    private final String body;

    @Parameters(index = "0", paramLabel = "TASK",
            description = "dense-caption, object-caption, grounding, qa, dialogue, reasoning or planning")
    String task;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "the question, expression or goal")
    List<String> text;

    @Option(names = "--object", paramLabel = "ID", description = "object-caption: the object's id")
    Integer object;

    @Option(names = "--reset", description = "dialogue: start a new session")
    boolean reset;

    @Option(names = "--model", paramLabel = "sft|r1|DIR", description = "the model (kept for later questions)")
    String model;

    AskMagic(MagicState state, String body) {
        this.state = state;
        this.body = body;
    }

    @Override
    public Object call() {
        Task t = Task.fromSlug(task);
        String words = text == null ? "" : String.join(" ", text);
        if (body != null && !body.isBlank()) {
            if (!words.isBlank()) {
                throw new MagicError("%%ask takes its text from the cell, not the line (got \"" + words + "\")");
            }
            words = body.strip();
        }
        if (object != null && t != Task.OBJECT_CAPTION) {
            throw new MagicError("--object is for object-caption, not " + t.slug());
        }
        if (reset && t != Task.DIALOGUE) {
            throw new MagicError("--reset is for dialogue, not " + t.slug());
        }
        R1Model m = state.model(model);
        if (t == Task.DIALOGUE) {
            return state.remember(state.dialogue(m, reset).ask(words));
        }
        if (t == Task.OBJECT_CAPTION) {
            if (object == null) {
                throw new MagicError("object-caption needs --object ID, e.g. %ask object-caption --object 1");
            }
            return state.remember(m.caption(state.scene(), object));
        }
        if (t == Task.DENSE_CAPTION) {
            LiveProgress live = state.progress();
            R1Answer a = m.denseCaptions(state.scene(), live);
            live.finish();
            return state.remember(a);
        }
        return state.remember(m.ask(state.scene(), t.slug(), words));
    }

    static Object run(MagicState state, List<String> args, String body) {
        return MagicRunner.run(new AskMagic(state, body), args);
    }
}
