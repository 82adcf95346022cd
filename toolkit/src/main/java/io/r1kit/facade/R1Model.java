package io.r1kit.facade;

import io.r1kit.display.Progress;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskCase;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.PointerText;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.SceneObject;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.task.TaskQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A nano 3D model ready to answer: loaded by name ({@code sft}, {@code r1}, a checkpoint folder) or the
 * default, asked greedily about {@link R1Scene}s for any of the seven tasks. A scene's object features
 * are extracted once and kept for the next question about the same scene.
 *
 * <pre>{@code
 * try (R1Model m = R1Model.load("sft")) {
 *     m.ask(R1.scene("bedroom:7"), "qa", "What colour is the bed?");
 * }
 * }</pre>
 */
public final class R1Model implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final Vlm3d vlm;
    private final TextTokenizer tokenizer;
    private final VlmAsk ask;
    private R1Scene lastScene;
    private VlmAsk.Input lastInput;

    private R1Model(String name, Path dir, Vlm3d vlm, TextTokenizer tokenizer) {
        this.name = name;
        this.dir = dir;
        this.vlm = vlm;
        this.tokenizer = tokenizer;
        this.ask = new VlmAsk(vlm, tokenizer);
    }

    /**
     * The model {@code spec} names: {@code sft}, {@code r1}, a checkpoint folder, or (null or blank) the
     * default shipped model.
     *
     * @throws IllegalArgumentException in one line saying what is shipped, or why the folder is no checkpoint
     */
    public static R1Model load(String spec) {
        try {
            Path dir = NanoModel.resolve(spec);
            String name = spec == null || spec.isBlank() ? NanoModel.shipped().get(0) : spec;
            Vlm3d vlm = Vlm3d.load(dir);
            try {
                return new R1Model(name, dir, vlm, TextTokenizer.load(dir));
            } catch (RuntimeException | IOException e) {
                vlm.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name the model was loaded by. */
    public String name() {
        return name;
    }

    /** The checkpoint folder. */
    public Path dir() {
        return dir;
    }

    /** The model's asker, for what the facade does not cover. */
    public VlmAsk asker() {
        return ask;
    }

    /**
     * The greedy answer to {@code text} about {@code scene} for {@code task} (a slug: dense-caption,
     * object-caption, grounding, qa, dialogue, reasoning, planning). Dense captioning takes no text; object
     * captioning takes the object's id as text (or use {@link #caption}); a dialogue question asked here
     * has no earlier turns (use {@link #dialogue}).
     */
    public R1Answer ask(R1Scene scene, String task, String text) {
        Task t = Task.fromSlug(task);
        return switch (t) {
            case DENSE_CAPTION -> ask(scene, t, "");
            case OBJECT_CAPTION -> caption(scene, objectId(text));
            default -> {
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException(t.slug() + " needs a text, e.g. "
                            + (t == Task.GROUNDING ? "\"the red chair\"" : "\"How many chairs are there?\""));
                }
                yield ask(scene, t, text.strip());
            }
        };
    }

    /** Every object of the scene with a box and a caption, in one reply. */
    public R1Answer denseCaptions(R1Scene scene) {
        return denseCaptions(scene, Progress.none());
    }

    /**
     * {@link #denseCaptions(R1Scene)}, telling {@code progress} the boxes written so far of the objects the model
     * reads (a long reply: a whole room's captions), and first that the scene's objects are being prepared.
     */
    public R1Answer denseCaptions(R1Scene scene, Progress progress) {
        progress.update(0, 1, "dense captions of " + scene.name() + ": preparing its objects");
        VlmAsk.Input in = input(scene);
        int objects = Math.min(in.features().objects().size(), vlm.config().maxObjects());
        int close = PointerText.of(vlm.config()).closeId();
        int[] boxes = {0};
        int[] tokens = {0};
        TaskAnswer a = ask.ask(in, TaskQuery.of(Task.DENSE_CAPTION, ""), (row, token, logProb) -> {
            tokens[0]++;
            boxes[0] += token == close ? 1 : 0;
            progress.update(Math.min(boxes[0], objects - 1), objects, "dense captions of " + scene.name() + ": "
                    + boxes[0] + " boxes written for " + objects + " objects, " + tokens[0] + " tokens");
        });
        progress.update(objects, objects, "dense captions of " + scene.name() + ": " + a.captions().size()
                + " captions, " + tokens[0] + " tokens");
        return new R1Answer(scene, name, "", a);
    }

    /**
     * The seven-task evaluation of this model on generated rooms it never saw ({@link TaskEval}): headline per
     * task with a 95% interval, format, fact accuracy; {@code progress} is told after each batch of answers.
     */
    public R1Evaluation evaluate(TaskEval.Options options, Progress progress) {
        List<TaskCase> cases = TaskEval.run(ask, options, (done, total) -> progress.update(done, total,
                "model " + name + ": answered " + done + "/" + total));
        return new R1Evaluation(TaskReport.of(name, cases, options, MeteorResources.defaults()));
    }

    /** The caption of object {@code id} of the scene (or proposal), asked with its box. */
    public R1Answer caption(R1Scene scene, int id) {
        SceneObject o = scene.object(id);
        VlmAsk.Input in = input(scene);
        return new R1Answer(scene, name, new BoxCodec(in.features().bounds()).encode(o.box()), ask.objectCaption(in, id));
    }

    /** A new dialogue about {@code scene}; it keeps its turns. */
    public R1Dialogue dialogue(R1Scene scene) {
        return new R1Dialogue(scene, name, ask.dialogue(input(scene)));
    }

    private R1Answer ask(R1Scene scene, Task t, String text) {
        return new R1Answer(scene, name, text, ask.ask(input(scene), t, text));
    }

    private synchronized VlmAsk.Input input(R1Scene scene) {
        if (scene != lastScene) {
            lastInput = ask.prepare(scene.objects().scene());
            lastScene = scene;
        }
        return lastInput;
    }

    private static int objectId(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("object-caption takes an object id (as the scene lists them), got \""
                    + text + "\"");
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        vlm.close();
    }

    @Override
    public String toString() {
        return "model " + name + " (" + dir + ")";
    }
}
