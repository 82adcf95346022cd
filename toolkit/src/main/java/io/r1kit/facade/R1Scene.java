package io.r1kit.facade;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.DataEngine;
import io.r1kit.cot.preview.RecordCard;
import io.r1kit.cot.preview.RecordPictures;
import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.display.Progress;
import io.r1kit.notebook.SceneTables;
import io.r1kit.render.Camera;
import io.r1kit.render.Overlays;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.RenderedView;
import io.r1kit.render.SceneViews;
import io.r1kit.render.viewer.Viewer3D;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.RoomSpec;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.view.CandidateViews;
import io.r1kit.view.ViewSelection;
import io.r1kit.view.ViewSelectionConfig;
import io.r1kit.view.ViewSelector;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scene as the facade hands it out: loaded from a file or generated from {@code KIND[:SEED]}, with its
 * objects (object proposals for a scan without labels, found once when first needed), renders of the
 * candidate views, view selection and the 3D viewer. In a notebook it shows its summary beside a render
 * from above; as text, the summary.
 *
 * <pre>{@code
 * R1Scene room = R1.scene("bedroom:7");
 * room.render(3);                        // candidate view 3, as view selection numbers them
 * room.render(3, true, null);            // with every object's box
 * room.views("the lamp on the desk", 4); // the four views chosen for the query
 * }</pre>
 */
public final class R1Scene implements HtmlRenderable {

    /** Side of renders, in pixels. */
    public static final int SIZE = 512;

    private final String name;
    private final Scene scene;
    private final GeneratedRoom room;
    private SceneObjects objects;

    private R1Scene(String name, Scene scene, GeneratedRoom room) {
        this.name = name;
        this.scene = scene;
        this.room = room;
    }

    /**
     * The scene {@code spec} names: a generated room {@code KIND[:SEED]} (bedroom, living-room, kitchen,
     * office) unless a file of that name exists, else a file or folder {@link Scenes#load} reads.
     *
     * @throws IllegalArgumentException in one line naming the spec when it names neither
     * @throws UncheckedIOException     when the file cannot be read, naming it
     */
    public static R1Scene of(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no scene given: a file (scan.ply, scene_vert.npy, a folder) or a room "
                    + "KIND[:SEED] (" + String.join(", ", RoomKind.slugs()) + ")");
        }
        String s = spec.strip();
        if (!Scenes.exists(s) && RoomSpec.names(s)) {
            return of(RoomSpec.parse(s));
        }
        if (!Scenes.exists(s)) {
            throw new IllegalArgumentException(s + ": no such file or folder, and not a room KIND[:SEED] ("
                    + String.join(", ", RoomKind.slugs()) + ")");
        }
        try {
            return new R1Scene(s, Scenes.load(Path.of(s)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated room {@code spec} names, called by its spec ({@code bedroom:7}). */
    public static R1Scene of(RoomSpec spec) {
        GeneratedRoom g = spec.generate();
        return new R1Scene(spec.toString(), g.scene(), g);
    }

    /** A scene already in hand. */
    public static R1Scene of(Scene scene) {
        return new R1Scene(scene.id(), scene, null);
    }

    /** A generated room, with its scene graph. */
    public static R1Scene of(GeneratedRoom room) {
        return new R1Scene(room.scene().id(), room.scene(), room);
    }

    /** How the scene was named: the file, or {@code KIND:SEED}. */
    public String name() {
        return name;
    }

    /** The scene as loaded. */
    public Scene scene() {
        return scene;
    }

    /** The generated room behind the scene, with its graph and exact facts; empty for a file. */
    public Optional<GeneratedRoom> room() {
        return Optional.ofNullable(room);
    }

    /** The objects asked and drawn: the scene's own, or proposals found once for a scan without labels. */
    public synchronized SceneObjects objects() {
        if (objects == null) {
            objects = SceneObjects.resolve(scene);
        }
        return objects;
    }

    /** Candidate view {@code view} ({@code 0..}{@link ViewSelectionConfig#candidateCount()}{@code -1}). */
    public BufferedImage render(int view) {
        return render(view, false, null);
    }

    /**
     * Candidate view {@code view}, with every object's box when {@code boxes}, and object {@code highlight}
     * in colour with the rest dimmed unless it is null.
     *
     * @throws IllegalArgumentException naming the views or the ids when either is out of range
     */
    public BufferedImage render(int view, boolean boxes, Integer highlight) {
        Scene s = boxes || highlight != null ? objects().scene() : scene;
        SceneObject target = highlight == null ? null : object(highlight);
        RenderedView v = view(view, s);
        BufferedImage image = target == null ? v.image() : Overlays.highlight(v, target);
        return boxes ? Overlays.boxesOver(image, v, s.objects()) : image;
    }

    /** The colour-mapped depth of candidate view {@code view} (near is bright). */
    public BufferedImage depth(int view) {
        return view(view, scene).depthImage();
    }

    /** The scene from straight above with its objects' boxes. */
    public BufferedImage birdsEye() {
        return SceneViews.birdsEye(objects().scene(), SIZE);
    }

    /** Dynamic view selection: the {@code k} candidate views that best show what {@code query} names. */
    public ViewSelection views(String query, int k) {
        return views(query, k, Progress.none());
    }

    /**
     * {@link #views(String, int)}, telling {@code progress} first that the scene's objects are being prepared
     * (a scan without objects has its proposals found), then each candidate scored and each chosen view rendered.
     */
    public ViewSelection views(String query, int k, Progress progress) {
        int count = ViewSelectionConfig.defaults().candidateCount();
        if (k < 1 || k > count) {
            throw new IllegalArgumentException("k " + k + " must be in 1.." + count + " (the number of candidate views)");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("view selection needs a query, e.g. \"the lamp on the desk\"");
        }
        progress.update(0, count + k, "views for \"" + query + "\": preparing the objects of " + name);
        return ViewSelector.select(objects(), query, ViewSelectionConfig.defaults().withK(k), progress);
    }

    /** The interactive 3D viewer of the scene (points, boxes, labels), working offline. */
    public Viewer3D viewer() {
        return Viewer3D.of(scene);
    }

    /**
     * The CoT records the data engine writes for this generated room ({@link DataEngine#standard}, its seed
     * phrasing the examples), each with the filters' verdicts; the last is the dense caption of the whole room.
     *
     * @throws IllegalArgumentException for a scene loaded from a file, whose truth the engine does not know
     */
    public List<CotRecord> cot() {
        GeneratedRoom g = room().orElseThrow(() -> new IllegalArgumentException(name
                + " is no generated room: the data engine writes CoT records from a room's scene graph"));
        long seed = RoomSpec.ofSceneId(g.scene().id()).map(RoomSpec::seed).orElse(0L);
        try {
            return DataEngine.standard(seed).scene(g, seed).records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CoT record {@code index} of {@link #cot()} as a card, the room rendered with the target highlighted. */
    public RecordCard cotCard(int index) {
        List<CotRecord> records = cot();
        if (index < 0 || index >= records.size()) {
            throw new IllegalArgumentException(name + ": no CoT record " + index + " (" + records.size() + " records, 0.."
                    + (records.size() - 1) + ")");
        }
        return RecordCard.of(records.get(index), RecordPictures.of(room, records.get(index)));
    }

    /** The object of id {@code id} (or proposal), or an error naming the ids there are. */
    public SceneObject object(int id) {
        return objects().scene().object(id).orElseThrow(() -> new IllegalArgumentException(name + ": no object "
                + id + " (" + objects().describe() + "; ids " + ids() + ")"));
    }

    private String ids() {
        List<String> ids = new ArrayList<>();
        objects().scene().objects().forEach(o -> ids.add(String.valueOf(o.id())));
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private RenderedView view(int view, Scene s) {
        int count = ViewSelectionConfig.defaults().candidateCount();
        if (view < 0 || view >= count) {
            throw new IllegalArgumentException("view " + view + " must be in 0.." + (count - 1)
                    + " (the candidate views of view selection)");
        }
        Camera c = CandidateViews.candidate(scene.bounds(), ViewSelectionConfig.defaults(), view, SIZE);
        return PointRenderer.of(s).render(c, RenderOptions.defaults());
    }

    @Override
    public String toHtml() {
        return "<div style=\"display:flex;gap:1em;align-items:flex-start\"><div>" + SceneTables.summary(scene).toHtml()
                + "</div><img alt=\"" + Html.escape(name) + " from above\" width=\"360\" src=\""
                + Html.pngDataUri(birdsEye()) + "\"></div>";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d points, %s", name, scene.points().size(),
                scene.objects().isEmpty() ? "no labelled objects" : scene.objects().size() + " objects");
    }

}
