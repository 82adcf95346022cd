package io.r1kit.facade;

import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.render.Camera;
import io.r1kit.render.Overlays;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.RenderedView;
import io.r1kit.render.SceneViews;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.view.ViewSelection;
import io.r1kit.view.ViewSelectionConfig;
import io.r1kit.view.ViewSelector;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One answer of the model, as a person looks at it: the question, the reasoning steps, the answer, its boxes
 * with the object each overlaps most, a note when the reply is malformed, and a picture with the boxes drawn.
 * In a notebook it shows as HTML with the picture; in JShell it reads as the lines {@code r1kit ask} prints.
 *
 * @param scene    the scene asked about
 * @param model    the model's name
 * @param question what was asked (for an object caption, the object's box as the prompt holds it)
 * @param answer   the reply read as its task's result
 */
public record R1Answer(R1Scene scene, String model, String question, TaskAnswer answer) implements HtmlRenderable {

    public R1Answer {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(answer, "answer");
    }

    /** The task answered. */
    public Task task() {
        return answer.task();
    }

    /** The reasoning steps (empty when the reply has none). */
    public List<String> steps() {
        return answer.steps();
    }

    /** The answer part of the reply. */
    public String text() {
        return answer.answer();
    }

    /** Whether the reply is in the reasoning format. */
    public boolean wellFormed() {
        return answer.wellFormed();
    }

    /** Each box of a dense caption with its caption and the object it overlaps most (null when none). */
    public List<VlmAsk.Caption> captions() {
        return VlmAsk.captions(scene.objects().scene(), answer);
    }

    /** The answer's first box and the object it overlaps most, as a grounding reads it. */
    public VlmAsk.Grounded grounded() {
        return VlmAsk.Grounded.of(scene.objects().scene(), question, answer);
    }

    /** A box of the answer and the object of the scene it overlaps most (null when none). */
    public record BoxMatch(Box3 box, SceneObject object) {
        /** 3D IoU of the box and its object (0 without one). */
        public double iou() {
            return object == null ? 0 : box.iou(object.box());
        }

        /** "-> chair 3, IoU 0.91" or "overlaps no object". */
        String describe() {
            return object == null ? "overlaps no object"
                    : String.format(Locale.ROOT, "-> %s %d, IoU %.2f", SceneObjects.tag(object), object.id(), iou());
        }
    }

    /** Each box of the answer with the object it overlaps most, in the order of the boxes. */
    public List<BoxMatch> matches() {
        Scene s = scene.objects().scene();
        return answer.boxes().stream().map(b -> new BoxMatch(b, s.mostOverlapped(b).orElse(null))).toList();
    }

    /** The objects the answer's boxes overlap most, in the order of the boxes, each once. */
    public List<SceneObject> objects() {
        Set<SceneObject> out = new LinkedHashSet<>();
        matches().stream().map(BoxMatch::object).filter(Objects::nonNull).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * The rewards of this answer against the truth of its scene: for a generated room, the data engine's
     * example asking the same question (its target box, reference answer and facts); for a grounding
     * question, also the one object of the label it names.
     *
     * @throws IllegalArgumentException in one line when the scene's truth has no such question (it names a few
     *                                  it has), or the scene is a file without one; then use {@link #rewards(String)}
     */
    public R1Rewards rewards() {
        return R1Rewards.of(this, AnswerTruth.of(this));
    }

    /**
     * The rewards of this answer against the truth {@code gt}: the reference answer, or for grounding an
     * object id of the scene or an {@code <obj>cx, cy, cz, w, h, l</obj>} box.
     */
    public R1Rewards rewards(String gt) {
        return R1Rewards.of(this, AnswerTruth.given(this, gt));
    }

    /**
     * The answer's boxes drawn on a render: the view dynamic view selection picks for the objects the boxes
     * overlap (the paper's view selection, queried with their labels), or the scene from above when the
     * answer has several boxes or none overlaps an object. Each box is tagged with the object it overlaps.
     */
    public BufferedImage picture() {
        Scene s = scene.objects().scene();
        List<BoxMatch> matches = matches();
        List<SceneObject> drawn = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            SceneObject o = matches.get(i).object();
            drawn.add(new SceneObject(-1 - i, o == null ? "answer: no object" : "answer: " + SceneObjects.tag(o), 0,
                    matches.get(i).box(), new int[0]));
        }
        List<SceneObject> named = objects();
        Camera camera;
        if (named.isEmpty() || answer.boxes().size() > 2) {
            camera = Camera.topDown(s.bounds(), SceneViews.FOV, R1Scene.SIZE, R1Scene.SIZE);
        } else {
            String query = String.join(" ", named.stream().map(SceneObject::label).toList());
            ViewSelection v = ViewSelector.select(scene.objects(), query, ViewSelectionConfig.defaults().withK(1));
            camera = v.views().get(0).camera();
        }
        RenderedView view = PointRenderer.of(s).render(camera, RenderOptions.defaults());
        return drawn.isEmpty() ? view.image() : Overlays.boxes(view, drawn);
    }

    @Override
    public String toHtml() {
        StringBuilder h = new StringBuilder("<div style=\"display:flex;gap:1em;align-items:flex-start\"><div>");
        h.append("<p><b>").append(Html.escape(answer.task().slug())).append("</b> on ").append(Html.escape(scene.name()))
                .append(" (model ").append(Html.escape(model)).append(")</p>");
        if (question != null && !question.isBlank()) {
            h.append("<p><b>question</b> ").append(Html.escape(question)).append("</p>");
        }
        if (!answer.steps().isEmpty()) {
            h.append("<ol>");
            answer.steps().forEach(st -> h.append("<li>").append(Html.escape(st)).append("</li>"));
            h.append("</ol>");
        }
        h.append("<p><b>answer</b> ").append(Html.escape(answer.answer())).append("</p>");
        for (BoxMatch m : matches()) {
            h.append("<div><code>").append(Html.escape(AnswerText.box(m.box()))).append("</code> ")
                    .append(Html.escape(m.describe())).append("</div>");
        }
        if (!answer.wellFormed()) {
            h.append("<p><i>note: ").append(Html.escape(answer.note())).append("</i></p>");
        }
        h.append("</div><img alt=\"the answer's boxes\" width=\"400\" src=\"").append(Html.pngDataUri(picture()))
                .append("\"></div>");
        return h.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(answer.task().slug() + " on " + scene.name() + " (model " + model + ")\n");
        AnswerText.text(sb, "question", question == null || question.isBlank() ? null : question, answer, false);
        for (BoxMatch m : matches()) {
            sb.append("box      ").append(AnswerText.box(m.box())).append("  ").append(m.describe()).append('\n');
        }
        AnswerText.note(sb, answer);
        return sb.toString().stripTrailing();
    }
}
