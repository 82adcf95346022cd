package io.r1kit.model.vlm;

import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.TokenListener;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.task.TaskQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks a trained {@link Vlm3d} about a scene, greedily, in the prompt format it was trained on
 * ({@link PromptFormat}): any of the seven tasks as a {@link TaskAnswer} (reasoning steps, answer, boxes,
 * a note when the reply is malformed), and the answers people look at most: a caption per object, the
 * object a referring expression names, a dialogue that keeps its turns ({@link VlmDialogue}).
 *
 * <pre>{@code
 * VlmAsk ask = new VlmAsk(model, tokenizer);
 * VlmAsk.Input in = ask.prepare(scene);                 // proposals when the scene has no objects
 * TaskAnswer a = ask.ask(in, Task.QA, "What colour is the desk?");
 * VlmAsk.Grounded g = ask.ground(in, "the red chair");
 * }</pre>
 */
public final class VlmAsk {

    /** Rows decoded together by {@link #askAll}. */
    public static final int BATCH = 16;

    private final Vlm3d model;
    private final TextTokenizer tokenizer;
    private final int end;

    /** A scene as asked about: its objects (or proposals) and the model's features of them. */
    public record Input(SceneObjects objects, SceneFeatures features) {
        /** The scene whose objects are asked about. */
        public Scene scene() {
            return objects.scene();
        }
    }

    /**
     * A caption of one object, and the question that asked for it.
     *
     * @param object the object captioned: the one {@code box} overlaps most, null when it overlaps none
     * @param box    the box the model gave, or the object's own box when it was asked about that object
     */
    public record Caption(SceneObject object, Box3 box, String question, String caption) {
        /** A caption asked about {@code object}, with its box. */
        public Caption(SceneObject object, String question, String caption) {
            this(object, object.box(), question, caption);
        }

        /** 3D IoU of the box and the object (0 without an object). */
        public double iou() {
            return object == null ? 0 : box.iou(object.box());
        }
    }

    /**
     * A grounding answer.
     *
     * @param question the referring expression asked
     * @param answer   the generated text
     * @param box      the first {@code <obj>} box of the answer, or null when it has none that reads
     * @param nearest  the object the box overlaps most (null without a box or objects)
     * @param iou      3D IoU of {@code box} and {@code nearest} (0 when either is missing)
     */
    public record Grounded(String question, String answer, Box3 box, SceneObject nearest, double iou) {
        /** The grounding answer {@code a} to {@code question}, read against {@code scene}'s objects. */
        public static Grounded of(Scene scene, String question, TaskAnswer a) {
            Box3 box = a.box().orElse(null);
            SceneObject nearest = box == null ? null : scene.mostOverlapped(box).orElse(null);
            return new Grounded(question, a.reply(), box, nearest, nearest == null ? 0 : box.iou(nearest.box()));
        }
    }

    /** Asks {@code model}, whose vocabulary {@code tokenizer} reads and writes. */
    public VlmAsk(Vlm3d model, TextTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        int[] ids = tokenizer.encode(io.r1kit.task.TaskPrompt.END);
        if (ids.length != 1) {
            throw new IllegalArgumentException("the tokenizer has no single token for " + io.r1kit.task.TaskPrompt.END
                    + ": it is not a nano model tokenizer");
        }
        this.end = ids[0];
    }

    /** The model asked. */
    public Vlm3d model() {
        return model;
    }

    /** Resolves the scene's objects (proposals for an unlabelled scan) and extracts the model's features. */
    public Input prepare(Scene scene) {
        SceneObjects objects = SceneObjects.resolve(scene);
        return new Input(objects, SceneFeatures.extract(objects.scene(), model.config()));
    }

    /** The greedy reply to {@code q}, read as its task's result. */
    public TaskAnswer ask(Input in, TaskQuery q) {
        return ask(in, q, null);
    }

    /** {@link #ask(Input, TaskQuery)}, telling {@code listener} (may be null) each token as it is chosen. */
    public TaskAnswer ask(Input in, TaskQuery q, TokenListener listener) {
        return batch(List.of(in), List.of(q), listener).get(0);
    }

    /**
     * Greedy replies to many queries, {@value #BATCH} rows decoded together (a row's scene may differ from
     * its neighbours'; rows of one {@code Input} share its encoding). Each batch decodes up to the longest
     * answer its tasks may take, so group queries of one task together for speed.
     *
     * @param inputs the scene of each query
     */
    public List<TaskAnswer> askAll(List<Input> inputs, List<TaskQuery> queries) {
        if (inputs.size() != queries.size()) {
            throw new IllegalArgumentException(inputs.size() + " scenes for " + queries.size() + " queries: give one each");
        }
        List<TaskAnswer> out = new ArrayList<>(queries.size());
        for (int from = 0; from < queries.size(); from += BATCH) {
            int to = Math.min(queries.size(), from + BATCH);
            out.addAll(batch(inputs.subList(from, to), queries.subList(from, to), null));
        }
        return out;
    }

    /**
     * One batch of at most {@value #BATCH} queries, decoded together; dense captions under
     * {@link DistinctPointers} (each object named once per section).
     */
    private List<TaskAnswer> batch(List<Input> ins, List<TaskQuery> qs, TokenListener listener) {
        int longest = qs.stream().mapToInt(q -> PromptFormat.maxNewTokens(q.task())).max().orElseThrow();
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(longest).stopTokenIds(end).build();
        List<int[]> prompts = qs.stream().map(q -> tokenizer.encode(PromptFormat.of(model.config(), q))).toList();
        boolean[] dense = new boolean[qs.size()];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = qs.get(i).task() == Task.DENSE_CAPTION;
        }
        List<Generation> gens = model.generate(ins.stream().map(Input::features).toList(), prompts, greedy, null,
                listener, DistinctPointers.onRows(model.config(), dense));
        List<TaskAnswer> out = new ArrayList<>(qs.size());
        for (int i = 0; i < qs.size(); i++) {
            int[] ids = gens.get(i).tokens();
            int cap = PromptFormat.maxNewTokens(qs.get(i).task());    // as if asked alone
            ids = ids.length > cap ? java.util.Arrays.copyOf(ids, cap) : ids;
            String reply = tokenizer.decodeWithoutSpecial(model.readable(ids, ins.get(i).features()));
            out.add(TaskAnswer.read(qs.get(i).task(), reply, ins.get(i).features().bounds()));
        }
        return out;
    }

    /** {@link #ask(Input, TaskQuery)} of one question of {@code task}. */
    public TaskAnswer ask(Input in, Task task, String text) {
        return ask(in, TaskQuery.of(task, text));
    }

    /**
     * The caption of object {@code objectId} of the scene (or proposal), asked with its box.
     *
     * @throws IllegalArgumentException naming the known ids when the scene has no such object
     */
    public TaskAnswer objectCaption(Input in, int objectId) {
        SceneObject o = in.scene().object(objectId).orElseThrow(() -> new IllegalArgumentException(
                "no object " + objectId + " (ids: " + in.scene().objects().stream().map(so -> String.valueOf(so.id()))
                        .reduce((a, b) -> a + ", " + b).orElse("none") + ")"));
        return ask(in, Task.OBJECT_CAPTION, new BoxCodec(in.features().bounds()).encode(o.box()));
    }

    /**
     * A caption per object: with task prompts, one dense caption of the whole room whose boxes are matched to
     * the scene's objects (the one each box overlaps most); a checkpoint without them is asked object by
     * object, each with its box.
     */
    public List<Caption> denseCaptions(Input in) {
        List<Caption> out = new ArrayList<>();
        if (PromptFormat.asks(model.config(), Task.DENSE_CAPTION)) {
            return captions(in.scene(), ask(in, Task.DENSE_CAPTION, "")).stream().filter(c -> c.object() != null)
                    .toList();
        }
        for (ObjectSample o : in.features().objects()) {
            String box = BoxCodec.tag(o.grid());
            TaskAnswer a = ask(in, Task.OBJECT_CAPTION, box);
            out.add(new Caption(in.scene().object(o.objectId()).orElseThrow(),
                    io.r1kit.task.TaskPrompt.denseCaption(box), a.answer()));
        }
        return out;
    }

    /**
     * The box the model gives for {@code text} and the object it overlaps most; {@code nearest} is null when
     * the answer has no readable box or the box overlaps no object.
     */
    public Grounded ground(Input in, String text) {
        return Grounded.of(in.scene(), text, ask(in, Task.GROUNDING, text));
    }

    /**
     * Each box of a dense-caption answer {@code a} with its caption and the object of {@code scene} it
     * overlaps most (null when it overlaps none).
     */
    public static List<Caption> captions(Scene scene, TaskAnswer a) {
        return a.captions().stream().map(c -> new Caption(scene.mostOverlapped(c.box()).orElse(null), c.box(),
                Task.DENSE_CAPTION.instruction(), c.caption())).toList();
    }

    /** A new dialogue about the scene; it keeps its turns. */
    public VlmDialogue dialogue(Input in) {
        return new VlmDialogue(this, in);
    }

}
