package io.r1kit.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.r1kit.BadFileException;
import io.r1kit.Excerpt;
import io.r1kit.facade.AnswerText;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.Box3;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.TaskAnswer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code r1kit ask} prints of an answer ({@link AskCommand}) besides its lines of text
 * ({@link AnswerText}): one JSON object per answer with {@code question, reply, steps, answer, boxes, note},
 * a grounding's box and nearest object, captions as rows. Also reads a dialogue's turns file.
 */
final class AskOutput {

    private AskOutput() {}

    /** One answer as JSON: question (null when none), reply, steps, answer, boxes, note ("" when well formed). */
    static JsonObject json(String question, TaskAnswer a) {
        JsonObject o = new JsonObject();
        o.add("question", question == null ? JsonNull.INSTANCE : new JsonPrimitive(question));
        o.addProperty("reply", a.reply());
        JsonArray steps = new JsonArray();
        a.steps().forEach(steps::add);
        o.add("steps", steps);
        o.addProperty("answer", a.answer());
        JsonArray boxes = new JsonArray();
        a.boxes().forEach(b -> boxes.add(SceneInfoCommand.box(b)));
        o.add("boxes", boxes);
        o.addProperty("note", a.note());
        return o;
    }

    /** {@code o} as indented JSON: nulls written, {@code <obj>} and {@code <think>} tags left as they are. */
    static String pretty(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o);
    }

    /** Copies every member of {@code from} into {@code to}. */
    static void merge(JsonObject to, JsonObject from) {
        from.entrySet().forEach(e -> to.add(e.getKey(), e.getValue()));
    }

    /** An object as JSON: id, label, box. */
    static JsonObject object(SceneObject o) {
        JsonObject j = new JsonObject();
        j.addProperty("id", o.id());
        j.addProperty("label", o.label());
        j.add("box", SceneInfoCommand.box(o.box()));
        return j;
    }

    /** A grounding answer's box and the object it overlaps most, as text and JSON. */
    static void grounding(VlmAsk.Grounded g, StringBuilder sb, JsonObject json) {
        if (g.box() == null) {
            sb.append("box      none (the answer holds no readable <obj> box)\n");
            json.add("box", JsonNull.INSTANCE);
            json.add("nearest", JsonNull.INSTANCE);
            return;
        }
        json.add("box", SceneInfoCommand.box(g.box()));
        sb.append("box      ").append(AnswerText.box(g.box())).append('\n');
        if (g.nearest() == null) {
            sb.append("nearest  none (the box overlaps no object)\n");
            json.add("nearest", JsonNull.INSTANCE);
            return;
        }
        JsonObject n = object(g.nearest());
        n.addProperty("iou", g.iou());
        json.add("nearest", n);
        sb.append(String.format(Locale.ROOT, "nearest  %d %s, IoU %.3f%n", g.nearest().id(),
                SceneObjects.tag(g.nearest()), g.iou()));
    }

    /**
     * Captions as text rows and JSON: each box with the object it overlaps most (id and label null, "-" in
     * text, when it overlaps none) and its caption; {@code withIou} adds the IoU of box and object (a caption
     * of the model's own box; not for captions asked object by object, with the object's box).
     */
    static JsonArray captions(List<VlmAsk.Caption> captions, boolean withIou, StringBuilder sb) {
        JsonArray rows = new JsonArray();
        for (VlmAsk.Caption c : captions) {
            SceneObject o = c.object();
            sb.append(String.format(Locale.ROOT, "  %4s  %-14s %-40s %s%n", o == null ? "-" : String.valueOf(o.id()),
                    o == null ? "(no object)" : SceneObjects.tag(o), AnswerText.box(c.box()), AnswerText.line(c.caption())));
            JsonObject r = new JsonObject();
            r.add("id", o == null ? JsonNull.INSTANCE : new JsonPrimitive(o.id()));
            r.add("label", o == null ? JsonNull.INSTANCE : new JsonPrimitive(o.label()));
            r.add("box", SceneInfoCommand.box(c.box()));
            if (withIou) {
                r.addProperty("iou", c.iou());
            }
            r.addProperty("caption", c.caption());
            rows.add(r);
        }
        return rows;
    }

    /**
     * The questions of a dialogue file: one JSON object a line with a {@code "question"} (or {@code "human"})
     * string; blank lines are skipped.
     *
     * @throws BadFileException naming the line of bad JSON or of a missing question, or when there is none
     */
    static List<String> turns(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonElement e;
            try {
                e = JsonParser.parseString(line);
            } catch (JsonParseException ex) {
                e = null;
            }
            if (e == null || !e.isJsonObject()) {
                throw new BadFileException(file, "line " + (i + 1) + ": not a JSON object: " + Excerpt.of(line));
            }
            String q = string(e.getAsJsonObject(), "question");
            if (q == null) {
                q = string(e.getAsJsonObject(), "human");
            }
            if (q == null || q.isBlank()) {
                throw new BadFileException(file, "line " + (i + 1) + ": no \"question\" (or \"human\") text");
            }
            out.add(q.strip());
        }
        if (out.isEmpty()) {
            throw new BadFileException(file, "no turns (one JSON object a line with a \"question\")");
        }
        return out;
    }

    private static String string(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : null;
    }
}
