package io.r1kit.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.r1kit.BadFileException;
import io.r1kit.reward.FormatReward;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.RewardBreakdown;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.reward.RewardTargets;
import io.r1kit.reward.SemanticReward;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.load.Scenes;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code r1kit reward --task TASK --pred TEXT --gt FILE [--scene PATH] [--json]}: the rewards of
 * 3D-R1 (Sec. 3.2) of one output, each with a note, and their total. The task decides which
 * rewards apply ({@link RewardTargets}).
 *
 * <p>{@code --gt} is a JSON object, every part optional: {@code "answer"} (reference text),
 * {@code "box"} ({@code [cx, cy, cz, dx, dy, dz]} in metres, or an {@code <obj>} tag),
 * {@code "bounds"} ({@code [minx, miny, minz, maxx, maxy, maxz]}); with {@code --scene} the bounds
 * are the scene's and {@code "object_id"} may name the ground-truth object instead of a box.
 */
@Command(name = "reward", mixinStandardHelpOptions = true,
        description = "Score one output with the format, perception and semantic rewards.")
final class RewardCommand implements Callable<Integer> {

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "dense-caption, object-caption, grounding, qa, dialogue, reasoning or planning")
    String task;

    @Option(names = "--pred", required = true, paramLabel = "TEXT", description = "the output to score; - reads standard input")
    String pred;

    @Option(names = "--gt", required = true, paramLabel = "FILE",
            description = "JSON: {\"answer\": ..., \"box\": [cx, cy, cz, dx, dy, dz] or \"<obj>...</obj>\", \"bounds\": [6 values], \"object_id\": N}")
    Path gt;

    @Option(names = "--scene", paramLabel = "PATH", description = "the scene: its bounds, and the object that \"object_id\" names")
    Path scenePath;

    @Mixin
    JsonOutput output;

    /** Reads input before any model loads; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        Task t = Task.fromSlug(task);
        String text = "-".equals(pred) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : pred;
        RewardTarget target = readTarget(t);
        RewardSet rewards = rewardsFor(target);
        RewardBreakdown b = RewardBreakdown.of(rewards, text, target);
        output.print(b::toText, () -> JsonOutput.pretty(toJson(t, b, target)));
        return 0;
    }

    /** Only the rewards the target can feed: the sentence encoder is not loaded for a grounding target. */
    private static RewardSet rewardsFor(RewardTarget target) {
        FormatReward format = new FormatReward();
        if (target.reference() == null) {
            return RewardSet.of(format, new PerceptionReward());
        }
        return target.box() == null ? RewardSet.of(format, new SemanticReward())
                : RewardSet.of(format, new PerceptionReward(), new SemanticReward());
    }

    private RewardTarget readTarget(Task t) throws IOException {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(gt));
            if (!e.isJsonObject()) {
                throw new BadFileException(gt, "not a JSON object with \"answer\", \"box\", \"bounds\" or \"object_id\"");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadFileException(gt, "not valid JSON (" + e.getMessage() + ")");
        }
        Box3 bounds = null;
        Scene scene = null;
        if (scenePath != null) {
            if (o.has("bounds")) {
                throw new BadFileException(gt, "\"bounds\" and --scene both give the bounds: keep one");
            }
            scene = Scenes.load(scenePath);
            bounds = scene.bounds();
        } else if (o.has("bounds")) {
            float[] v = numbers(o.get("bounds"), "bounds");
            if (v[3] < v[0] || v[4] < v[1] || v[5] < v[2]) {
                throw new BadFileException(gt, "\"bounds\" must be [minx, miny, minz, maxx, maxy, maxz] with each max >= min");
            }
            bounds = Box3.ofMinMax(v[0], v[1], v[2], v[3], v[4], v[5]);
        }
        String answer = o.has("answer") ? string(o.get("answer"), "answer") : null;
        Box3 box = null;
        if (o.has("object_id")) {
            if (o.has("box")) {
                throw new BadFileException(gt, "\"object_id\" and \"box\" both give the ground-truth box: keep one");
            }
            if (scene == null) {
                throw new BadFileException(gt, "\"object_id\" names an object of the scene: give --scene");
            }
            try {
                box = RewardTargets.ofObject(scene, o.get("object_id").getAsInt(), null).box();
            } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
                throw new BadFileException(gt, "\"object_id\": " + e.getMessage());
            }
        } else if (o.has("box")) {
            box = box(o.get("box"), bounds);
        }
        try {
            return RewardTargets.forTask(t, answer, box, bounds);
        } catch (IllegalArgumentException e) {
            throw new BadFileException(gt, e.getMessage());
        }
    }

    private Box3 box(JsonElement e, Box3 bounds) throws BadFileException {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            if (bounds == null) {
                throw new BadFileException(gt, "an <obj> \"box\" is read over the scene bounds: give \"bounds\" or --scene");
            }
            try {
                return new BoxCodec(bounds).decode(e.getAsString());
            } catch (IllegalArgumentException x) {
                throw new BadFileException(gt, "\"box\": " + x.getMessage());
            }
        }
        float[] v = numbers(e, "box");
        if (v[3] < 0 || v[4] < 0 || v[5] < 0) {
            throw new BadFileException(gt, "\"box\" sizes dx, dy, dz must not be negative");
        }
        return new Box3(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private float[] numbers(JsonElement e, String key) throws BadFileException {
        if (!e.isJsonArray() || e.getAsJsonArray().size() != 6) {
            throw new BadFileException(gt, "\"" + key + "\" must be an array of 6 numbers");
        }
        float[] v = new float[6];
        for (int i = 0; i < 6; i++) {
            JsonElement x = e.getAsJsonArray().get(i);
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
                throw new BadFileException(gt, "\"" + key + "\" must be an array of 6 numbers");
            }
            v[i] = x.getAsFloat();
        }
        return v;
    }

    private String string(JsonElement e, String key) throws BadFileException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new BadFileException(gt, "\"" + key + "\" must be a string");
        }
        return e.getAsString();
    }

    static JsonObject toJson(Task t, RewardBreakdown b, RewardTarget target) {
        JsonObject o = new JsonObject();
        o.addProperty("task", t.slug());
        JsonObject rewards = new JsonObject();
        b.score().parts().forEach(rewards::addProperty);
        o.add("rewards", rewards);
        o.addProperty("total", b.score().total());
        JsonObject notes = new JsonObject();
        b.notes().forEach(notes::addProperty);
        o.add("notes", notes);
        o.addProperty("answer", b.answer());
        o.add("predicted_box", b.predictedBox().<JsonElement>map(SceneInfoCommand::box).orElse(com.google.gson.JsonNull.INSTANCE));
        if (target.box() != null) {
            o.add("gt_box", SceneInfoCommand.box(target.box()));
            Box3 r = target.bounds();
            com.google.gson.JsonArray bounds = new com.google.gson.JsonArray();
            for (float v : new float[] {r.minX(), r.minY(), r.minZ(), r.maxX(), r.maxY(), r.maxZ()}) {
                bounds.add(v); // min/max, as --gt takes them
            }
            o.add("bounds", bounds);
        }
        return o;
    }
}
