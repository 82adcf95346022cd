package io.r1kit.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.display.Table;
import io.r1kit.render.Images;
import io.r1kit.render.Overlays;
import io.r1kit.render.RenderedView;
import io.r1kit.render.ViewGrid;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link ViewSelector#select}: every candidate's scores (candidate order), the k
 * chosen (best first) with their renders, the objects the query names, and the objects scored:
 * the scene's own, or its proposals when it had none ({@link SceneObjects#proposed()}).
 */
public record ViewSelection(String sceneId, String query, ViewSelectionConfig config, List<ViewScore> scores,
                            List<ViewScore> chosen, List<RenderedView> views, List<SceneObject> targets,
                            SceneObjects objects) implements HtmlRenderable {

    public ViewSelection {
        scores = List.copyOf(scores);
        chosen = List.copyOf(chosen);
        views = List.copyOf(views);
        targets = List.copyOf(targets);
    }

    /** Every candidate's three scores and utility; the rank column names the chosen ones. */
    public Table table() {
        List<List<Object>> rows = new ArrayList<>();
        for (ViewScore s : scores) {
            int rank = chosen.indexOf(s);
            rows.add(List.of(s.candidate(), fmt0(s.azimuth()), fmt0(s.elevation()), fmt(s.text()), fmt(s.coverage()),
                    fmt(s.clip()), fmt(s.utility()), s.targetPixels(), s.objectsSeen(), rank < 0 ? "" : rank + 1));
        }
        return Table.of("View selection for \"" + query + "\" in " + sceneId + " (U = " + config.wText() + " S_text + "
                        + config.wCoverage() + " S_coverage + " + config.wClip() + " S_clip"
                        + (objects.proposed() ? "; over " + objects.count() + " object proposals, S_text 0" : "") + ")",
                List.of("view", "azimuth", "elevation", "S_text", "S_coverage", "S_clip", "U", "target px", "objects seen",
                        "chosen"), rows);
    }

    /**
     * The chosen views, best first, captioned with view number and utility; the named objects are
     * boxed, or, over proposals (which the query never names), every proposal, tagged {@code object N}.
     */
    public BufferedImage grid() {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            RenderedView v = views.get(i);
            if (!targets.isEmpty()) {
                images.add(Overlays.boxes(v, targets));
            } else if (objects.proposed()) {
                images.add(Overlays.boxes(v, objects.scene().objects()));
            } else {
                images.add(v.image());
            }
            ViewScore s = chosen.get(i);
            captions.add(String.format(Locale.ROOT, "#%d view %d  U %.3f", i + 1, s.candidate(), s.utility()));
        }
        return ViewGrid.grid(images, captions, Math.min(3, images.size()));
    }

    /** Writes {@link #grid()} as PNG. */
    public Path write(Path png) throws IOException {
        return Images.write(grid(), png);
    }

    /** Scene, query, config, targets, every candidate's scores and the chosen candidates. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("scene", sceneId);
        o.addProperty("query", query);
        o.add("config", com.google.gson.JsonParser.parseString(config.toJson()));
        JsonArray t = new JsonArray();
        targets.forEach(x -> {
            JsonObject j = new JsonObject();
            j.addProperty("id", x.id());
            j.addProperty("label", x.label());
            t.add(j);
        });
        o.add("targets", t);
        o.addProperty("objects", objects.count());
        o.addProperty("objects_are_proposals", objects.proposed());
        JsonArray all = new JsonArray();
        for (ViewScore s : scores) {
            JsonObject j = new JsonObject();
            j.addProperty("view", s.candidate());
            j.addProperty("azimuth", s.azimuth());
            j.addProperty("elevation", s.elevation());
            j.addProperty("s_text", s.text());
            j.addProperty("s_coverage", s.coverage());
            j.addProperty("s_clip", s.clip());
            j.addProperty("utility", s.utility());
            j.addProperty("target_pixels", s.targetPixels());
            j.addProperty("objects_seen", s.objectsSeen());
            all.add(j);
        }
        o.add("views", all);
        JsonArray c = new JsonArray();
        chosen.forEach(s -> c.add(s.candidate()));
        o.add("chosen", c);
        return o;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** In a notebook: the chosen views as one image above every candidate's scores. */
    @Override
    public String toHtml() {
        return "<div><img alt=\"chosen views\" style=\"max-width:100%\" src=\"" + Html.pngDataUri(grid()) + "\">"
                + table().toHtml() + "</div>";
    }

    /** One line: the chosen views, best first, and the objects the query names. */
    @Override
    public String toString() {
        return "views for \"" + query + "\" in " + sceneId + ": " + chosen.stream()
                .map(v -> String.format(Locale.ROOT, "%d (U %.3f)", v.candidate(), v.utility()))
                .collect(java.util.stream.Collectors.joining(", ")) + "; targets " + (targets.isEmpty() ? "none"
                : targets.stream().map(t -> t.label() + " #" + t.id()).collect(java.util.stream.Collectors.joining(", ")));
    }
}
