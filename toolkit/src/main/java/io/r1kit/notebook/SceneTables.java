package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Tables about a scene, for notebooks (HTML) and JShell (text). */
public final class SceneTables {

    private SceneTables() {}

    /** One row per object: id, label, box centre and size (metres), point count. */
    public static Table objects(Scene scene) {
        List<List<Object>> rows = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            Box3 b = o.box();
            // Boxes read without per-point labels have no points: "-" rather than a misleading 0.
            Object points = o.pointCount() == 0 && scene.instanceLabels().isEmpty() ? "-" : o.pointCount();
            rows.add(List.of(o.id(), o.label(), f(b.cx()), f(b.cy()), f(b.cz()), f(b.dx()), f(b.dy()), f(b.dz()),
                    points));
        }
        return Table.of(scene.id() + ": " + scene.objects().size() + " objects",
                List.of("id", "label", "cx", "cy", "cz", "dx", "dy", "dz", "points"), rows);
    }

    /** Objects per label, most frequent first (ties by name). */
    public static Table labelCounts(Scene scene) {
        Map<String, Integer> counts = counts(scene);
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                        : b.getValue() - a.getValue())
                .forEach(e -> rows.add(List.of(e.getKey(), e.getValue())));
        return Table.of(scene.id() + ": objects per label", List.of("label", "count"), rows);
    }

    /** A summary: points, bounds, labels, objects, source and the loader's notes. */
    public static Table summary(Scene scene) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("source", scene.source().format() + (scene.source().path() == null ? ""
                : " " + scene.source().path())));
        rows.add(List.of("points", String.format(Locale.ROOT, "%,d%s", scene.points().size(),
                scene.points().hasNormals() ? " (with normals)" : "")));
        if (scene.points().size() > 0) {
            Box3 b = scene.bounds();
            rows.add(List.of("size (m)", f(b.dx()) + " x " + f(b.dy()) + " x " + f(b.dz())));
        }
        rows.add(List.of("per-point labels", (scene.instanceLabels().isPresent() ? "instance" : "no instance")
                + ", " + (scene.semanticLabels().isPresent() ? "semantic" : "no semantic")));
        rows.add(List.of("objects", scene.objects().size()));
        for (String note : scene.source().notes()) {
            rows.add(List.of("note", note));
        }
        return Table.of(scene.id(), List.of("", ""), rows);
    }

    static Map<String, Integer> counts(Scene scene) {
        Map<String, Integer> counts = new TreeMap<>();
        scene.objects().forEach(o -> counts.merge(o.label(), 1, Integer::sum));
        return counts;
    }

    private static String f(float v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
