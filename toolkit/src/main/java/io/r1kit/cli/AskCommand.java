package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.facade.AnswerText;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.PromptFormat;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.model.vlm.VlmDialogue;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit ask PATH|--room KIND[:SEED] --task TASK [TEXT] [--object ID] [--turn TEXT]... [--turns FILE]
 * [--model sft|r1|DIR] [--json]}: runs the nano 3D model greedily on a scene ({@link VlmAsk}) for one of the seven
 * tasks, and prints each answer with its reasoning steps and a note when the reply is malformed
 * ({@link AskOutput}):
 * <ul>
 *   <li>{@code dense-caption} (no TEXT): a box and a caption per object;</li>
 *   <li>{@code object-caption --object ID}: the caption of one object (or proposal) of the scene;</li>
 *   <li>{@code grounding TEXT}: the box of the object TEXT describes and the object it overlaps most;</li>
 *   <li>{@code qa}, {@code reasoning}, {@code planning TEXT}: the answer to TEXT;</li>
 *   <li>{@code dialogue}: TEXT as one turn, or {@code --turn TEXT} repeated, or {@code --turns FILE.jsonl}
 *       (one {@code {"question": ...}} a line), asked in order, each after the earlier turns.</li>
 * </ul>
 * Scans without labelled objects are read over object proposals, and the output says so. With
 * {@code --room}, TEXT is the only positional argument. Without {@code --model}, the checkpoint shipped
 * in the jar ({@link NanoModel}).
 */
@Command(name = "ask", mixinStandardHelpOptions = true, sortSynopsis = false,
        description = "Ask the nano 3D model about a scene, for any of the seven tasks, with its reasoning.")
final class AskCommand implements Callable<Integer> {

    /** PATH is the first positional; with --room, TEXT is ({@link SceneInput#after}). */
    @Mixin
    SceneInput input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT",
            description = "the question; for grounding a referring expression (\"the red chair\"); for planning a goal; "
                    + "for dialogue one turn")
    String text;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "dense-caption, object-caption, grounding, qa, dialogue, reasoning or planning")
    String task;

    @Option(names = "--object", paramLabel = "ID",
            description = "object-caption: the id of the object (or proposal) to describe, as `r1kit scene info` lists it")
    Integer object;

    @Option(names = "--turn", paramLabel = "TEXT",
            description = "dialogue: one question; repeat for several turns, asked in order")
    List<String> turn;

    @Option(names = "--turns", paramLabel = "FILE.jsonl",
            description = "dialogue: the questions, one JSON object a line with a \"question\" (or \"human\") string")
    Path turnsFile;

    @Mixin
    ModelChoice model;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        Task t = Task.fromSlug(task);
        text = input.after(text, "TEXT");
        check(t);
        List<String> questions = t == Task.DIALOGUE ? questions() : List.of();
        Path dir = model.dir();
        Scene scene = input.scene();
        try (Vlm3d vlm = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            VlmAsk ask = new VlmAsk(vlm, tokenizer);
            VlmAsk.Input in = ask.prepare(scene);
            JsonObject json = new JsonObject();
            json.addProperty("scene", scene.id());
            json.addProperty("task", t.slug());
            json.addProperty("model", model.name());
            json.addProperty("objects", in.objects().count());
            json.addProperty("objects_are_proposals", in.objects().proposed());
            StringBuilder sb = new StringBuilder(scene.id() + "  (model " + model.name() + ")\n");
            sb.append("objects  ").append(in.objects().describe()).append('\n');
            switch (t) {
                case DENSE_CAPTION -> denseCaptions(ask, in, sb, json);
                case OBJECT_CAPTION -> objectCaption(ask, in, sb, json);
                case GROUNDING -> {
                    TaskAnswer a = ask.ask(in, t, text);
                    AskOutput.merge(json, AskOutput.json(text, a));
                    AnswerText.text(sb, "question", text, a, false);
                    AskOutput.grounding(VlmAsk.Grounded.of(in.scene(), text, a), sb, json);
                    AnswerText.note(sb, a);
                }
                case DIALOGUE -> dialogue(ask.dialogue(in), questions, sb, json);
                default -> {
                    TaskAnswer a = ask.ask(in, t, text);
                    AskOutput.merge(json, AskOutput.json(text, a));
                    AnswerText.text(sb, "question", text, a, true);
                    AnswerText.note(sb, a);
                }
            }
            output.print(() -> sb.toString().stripTrailing(), () -> AskOutput.pretty(json));
        }
        return 0;
    }

    /** Refuses, in one line, what {@code t} does not take and what it lacks, before anything is loaded. */
    private void check(Task t) {
        boolean hasText = text != null && !text.isBlank();
        if (object != null && t != Task.OBJECT_CAPTION) {
            throw new IllegalArgumentException("--object is for --task object-caption, not " + t.slug());
        }
        if ((turn != null || turnsFile != null) && t != Task.DIALOGUE) {
            throw new IllegalArgumentException((turn != null ? "--turn" : "--turns") + " is for --task dialogue, not "
                    + t.slug());
        }
        switch (t) {
            case DENSE_CAPTION -> {
                if (hasText) {
                    throw new IllegalArgumentException("--task dense-caption takes no TEXT (it captions every object), got \""
                            + text + "\"");
                }
            }
            case OBJECT_CAPTION -> {
                if (hasText) {
                    throw new IllegalArgumentException("--task object-caption takes --object ID, not TEXT (got \"" + text
                            + "\")");
                }
                if (object == null) {
                    throw new IllegalArgumentException("--task object-caption needs --object ID, e.g. r1kit ask "
                            + input.typed() + " --task object-caption --object 1");
                }
            }
            case DIALOGUE -> {
                int given = (hasText ? 1 : 0) + (turn != null ? 1 : 0) + (turnsFile != null ? 1 : 0);
                if (given > 1) {
                    throw new IllegalArgumentException("--task dialogue takes TEXT, --turn TEXT (repeated) or --turns FILE, "
                            + "one of them");
                }
                if (given == 0) {
                    throw new IllegalArgumentException("--task dialogue needs TEXT, --turn TEXT (repeated) or --turns "
                            + "FILE.jsonl, e.g. r1kit ask " + input.typed()
                            + " --task dialogue --turn \"Is there a mug in here?\" --turn \"What colour is it?\"");
                }
                if (turn != null && turn.stream().anyMatch(String::isBlank)) {
                    throw new IllegalArgumentException("--turn needs a question, got an empty one");
                }
            }
            default -> {
                if (!hasText) {
                    throw new IllegalArgumentException("--task " + t.slug() + " needs TEXT, e.g. r1kit ask " + input.typed()
                            + " --task " + t.slug() + " " + example(t));
                }
            }
        }
    }

    private static String example(Task t) {
        return switch (t) {
            case GROUNDING -> "\"the red chair\"";
            case PLANNING -> "\"I want to read a book.\"";
            default -> "\"How many chairs are there?\"";
        };
    }

    /** The dialogue's questions: TEXT, the --turn values or the lines of --turns. */
    private List<String> questions() throws IOException {
        if (turnsFile != null) {
            return AskOutput.turns(turnsFile);
        }
        return turn != null ? turn.stream().map(String::strip).toList() : List.of(text.strip());
    }

    /**
     * A checkpoint with task prompts is asked for the whole room at once (its reasoning and each box with the
     * object it overlaps most); one without is asked object by object ({@link VlmAsk#denseCaptions}).
     */
    private static void denseCaptions(VlmAsk ask, VlmAsk.Input in, StringBuilder sb, JsonObject json) {
        int encoded = in.features().objects().size();
        if (encoded < in.objects().count()) {
            sb.append(String.format(Locale.ROOT, "note     the model encodes %d objects: the first %d by id%n",
                    encoded, encoded));
        }
        if (PromptFormat.asks(ask.model().config(), Task.DENSE_CAPTION)) {
            TaskAnswer a = ask.ask(in, Task.DENSE_CAPTION, "");
            AskOutput.merge(json, AskOutput.json(null, a));
            AnswerText.steps(sb, a);
            json.add("captions", AskOutput.captions(VlmAsk.captions(in.scene(), a), true, sb));
            if (a.captions().isEmpty()) {
                sb.append("answer   ").append(a.answer()).append('\n');
            }
            AnswerText.note(sb, a);
        } else {
            json.add("captions", AskOutput.captions(ask.denseCaptions(in), false, sb));
        }
    }

    private void objectCaption(VlmAsk ask, VlmAsk.Input in, StringBuilder sb, JsonObject json) {
        TaskAnswer a = ask.objectCaption(in, object);          // refuses an unknown id, naming the known ones
        SceneObject o = in.scene().object(object).orElseThrow();
        String question = new BoxCodec(in.features().bounds()).encode(o.box());
        json.add("object", AskOutput.object(o));
        AskOutput.merge(json, AskOutput.json(question, a));
        sb.append(String.format(Locale.ROOT, "object   %d %s  %s%n", o.id(),
                SceneObjects.tag(o), AnswerText.box(o.box())));
        AnswerText.text(sb, "question", null, a, false);
        AnswerText.note(sb, a);
    }

    private static void dialogue(VlmDialogue d, List<String> questions, StringBuilder sb, JsonObject json) {
        JsonArray turns = new JsonArray();
        for (int i = 0; i < questions.size(); i++) {
            TaskAnswer a = d.ask(questions.get(i));
            turns.add(AskOutput.json(questions.get(i), a));
            AnswerText.text(sb, "turn " + (i + 1), questions.get(i), a, true);
            AnswerText.note(sb, a);
        }
        json.add("turns", turns);
    }
}
