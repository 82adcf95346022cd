package io.r1kit.model.vlm;

import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.TaskPrompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks a trained {@link Vlm3d} about a scene, greedily, in the prompt format it was trained on
 * ({@link TaskPrompt}): an answer to any question, a caption for every encoded object, or a box for a
 * referring expression with the scene object (or proposal) it overlaps most.
 *
 * <pre>{@code
 * VlmAsk ask = new VlmAsk(model, tokenizer);
 * VlmAsk.Input in = ask.prepare(scene);                 // proposals when the scene has no objects
 * ask.denseCaptions(in).forEach(c -> System.out.println(c.object().id() + " " + c.caption()));
 * VlmAsk.Grounded g = ask.ground(in, "the red chair");  // "Find the red chair."
 * }</pre>
 */
public final class VlmAsk {

    /** Most tokens generated per answer: a caption or a box takes well under this. */
    public static final int MAX_NEW_TOKENS = 64;

    private final Vlm3d model;
    private final TextTokenizer tokenizer;
    private final GenerationConfig greedy;

    /** A scene as asked about: its objects (or proposals) and the model's features of them. */
    public record Input(SceneObjects objects, SceneFeatures features) {
        /** The scene whose objects are asked about. */
        public Scene scene() {
            return objects.scene();
        }
    }

    /** A caption of one object, and the question that asked for it. */
    public record Caption(SceneObject object, String question, String caption) {}

    /**
     * A grounding answer.
     *
     * @param question the question asked
     * @param answer   the generated text
     * @param box      the first {@code <obj>} box of the answer, or null when it has none that reads
     * @param nearest  the object the box overlaps most (null without a box or objects)
     * @param iou      3D IoU of {@code box} and {@code nearest} (0 when either is missing)
     */
    public record Grounded(String question, String answer, Box3 box, SceneObject nearest, double iou) {}

    /** Asks {@code model}, whose vocabulary {@code tokenizer} reads and writes. */
    public VlmAsk(Vlm3d model, TextTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        int[] end = tokenizer.encode(TaskPrompt.END);
        if (end.length != 1) {
            throw new IllegalArgumentException("the tokenizer has no single token for " + TaskPrompt.END
                    + ": it is not a nano model tokenizer");
        }
        this.greedy = GenerationConfig.builder().maxNewTokens(MAX_NEW_TOKENS).stopTokenIds(end[0]).build();
    }

    /** Resolves the scene's objects (proposals for an unlabelled scan) and extracts the model's features. */
    public Input prepare(Scene scene) {
        SceneObjects objects = SceneObjects.resolve(scene);
        return new Input(objects, SceneFeatures.extract(objects.scene(), model.config()));
    }

    /** The greedy answer to {@code question}, without the closing {@code <|im_end|>}. */
    public String answer(SceneFeatures features, String question) {
        int[] prompt = tokenizer.encode(TaskPrompt.prompt(question));
        int[] out = model.generate(features, prompt, greedy, tokenizer).tokens();
        return TaskPrompt.stripEnd(tokenizer.decodeWithoutSpecial(model.readable(out, features)));
    }

    /** A caption of every encoded object (the first {@code maxObjects} by id), asked with its box. */
    public List<Caption> denseCaptions(Input in) {
        List<Caption> out = new ArrayList<>();
        for (ObjectSample o : in.features().objects()) {
            String question = TaskPrompt.denseCaption(BoxCodec.tag(o.grid()));
            SceneObject object = in.scene().object(o.objectId()).orElseThrow();
            out.add(new Caption(object, question, answer(in.features(), question)));
        }
        return out;
    }

    /**
     * The box the model gives for {@code text} ({@link TaskPrompt#grounding}) and the object it overlaps
     * most; {@code nearest} is null when the answer has no readable box or the box overlaps no object.
     */
    public Grounded ground(Input in, String text) {
        String question = TaskPrompt.grounding(text);
        String answer = answer(in.features(), question);
        Box3 box = new BoxCodec(in.features().bounds()).firstBox(answer).orElse(null);
        SceneObject nearest = null;
        double best = 0;
        if (box != null) {
            for (SceneObject o : in.scene().objects()) {
                double iou = box.iou(o.box());
                if (iou > best) {                            // a box that overlaps nothing names no object
                    nearest = o;
                    best = iou;
                }
            }
        }
        return new Grounded(question, answer, box, nearest, best);
    }
}
