package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit ask PATH|--room KIND[:SEED] --task TASK [--model DIR] [TEXT] [--json]}: runs the nano 3D
 * model greedily on a scene ({@link VlmAsk}). {@code dense-caption} captions every object;
 * {@code grounding TEXT} prints the generated box and the object it overlaps most; the other tasks
 * print the answer to TEXT. Scans without labelled objects are read over object proposals, and the
 * output says so. With {@code --room}, TEXT is the only positional argument. Without
 * {@code --model}, the checkpoint shipped in the jar ({@link NanoModel}).
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask the nano 3D model about a scene: dense-caption, grounding TEXT, or any other task's question.")
final class AskCommand implements Callable<Integer> {

    /** PATH is the first positional; with --room, TEXT is ({@link SceneInput#after}). */
    @Mixin
    SceneInput input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT",
            description = "the question; for grounding a referring expression (\"the red chair\") or a question")
    String text;

    @Option(names = "--task", required = true,
            description = "dense-caption, object-caption, grounding, qa, dialogue, reasoning or planning")
    String task;

    @Option(names = "--model", description = "checkpoint folder (default: the model shipped in the toolkit)")
    Path model;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        Task t = Task.fromSlug(task);
        text = input.after(text, "TEXT");
        if (t != Task.DENSE_CAPTION && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("--task " + t.slug() + " needs TEXT, e.g. r1kit ask " + input.typed()
                    + " --task " + t.slug() + (t == Task.GROUNDING ? " \"the red chair\"" : " \"How many chairs are there?\""));
        }
        Path dir = model != null ? model : NanoModel.embedded().orElseThrow(() -> new IllegalArgumentException(NanoModel.NONE));
        Scene scene = input.scene();
        try (Vlm3d vlm = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            VlmAsk ask = new VlmAsk(vlm, tokenizer);
            VlmAsk.Input in = ask.prepare(scene);
            JsonObject json = new JsonObject();
            json.addProperty("scene", scene.id());
            json.addProperty("task", t.slug());
            json.addProperty("model", model == null ? "embedded" : dir.toString());
            json.addProperty("objects", in.objects().count());
            json.addProperty("objects_are_proposals", in.objects().proposed());
            StringBuilder sb = new StringBuilder(scene.id() + "  (model " + (model == null ? "embedded" : dir) + ")\n");
            sb.append("objects  ").append(in.objects().describe()).append('\n');
            switch (t) {
                case DENSE_CAPTION -> denseCaptions(ask, in, sb, json);
                case GROUNDING -> grounding(ask.ground(in, text), sb, json);
                default -> {
                    TaskAnswer a = ask.ask(in, t, text);
                    json.addProperty("question", text);
                    json.addProperty("answer", a.answer());
                    sb.append(a);
                }
            }
            output.print(() -> sb.toString().stripTrailing(), () -> JsonOutput.pretty(json));
        }
        return 0;
    }

    private static void denseCaptions(VlmAsk ask, VlmAsk.Input in, StringBuilder sb, JsonObject json) {
        List<VlmAsk.Caption> captions = ask.denseCaptions(in);
        if (captions.size() < in.objects().count()) {
            sb.append(String.format(Locale.ROOT, "note     the model encodes %d objects: the first %d by id are captioned%n",
                    captions.size(), captions.size()));
        }
        JsonArray rows = new JsonArray();
        for (VlmAsk.Caption c : captions) {
            sb.append(String.format(Locale.ROOT, "  %4d  %-14s %-40s %s%n", c.object().id(),
                    SceneObjects.tag(c.object()), box(c.object().box()), c.caption()));
            JsonObject r = new JsonObject();
            r.addProperty("id", c.object().id());
            r.addProperty("label", c.object().label());
            r.add("box", SceneInfoCommand.box(c.object().box()));
            r.addProperty("caption", c.caption());
            rows.add(r);
        }
        json.add("captions", rows);
    }

    private static void grounding(VlmAsk.Grounded g, StringBuilder sb, JsonObject json) {
        json.addProperty("question", g.question());
        json.addProperty("answer", g.answer());
        sb.append("question ").append(g.question()).append('\n');
        sb.append("answer   ").append(g.answer()).append('\n');
        if (g.box() == null) {
            sb.append("box      none (the answer holds no readable <obj> box)");
            return;
        }
        json.add("box", SceneInfoCommand.box(g.box()));
        sb.append("box      ").append(box(g.box())).append('\n');
        if (g.nearest() != null) {
            JsonObject n = new JsonObject();
            n.addProperty("id", g.nearest().id());
            n.addProperty("label", g.nearest().label());
            n.add("box", SceneInfoCommand.box(g.nearest().box()));
            n.addProperty("iou", g.iou());
            json.add("nearest", n);
            sb.append(String.format(Locale.ROOT, "nearest  %d %s, IoU %.3f", g.nearest().id(),
                    SceneObjects.tag(g.nearest()), g.iou()));
        } else {
            sb.append("nearest  none (the box overlaps no object)");
        }
    }

    /** Centre and size in metres. */
    static String box(Box3 b) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f) %.2f x %.2f x %.2f", b.cx(), b.cy(), b.cz(),
                b.dx(), b.dy(), b.dz());
    }
}
