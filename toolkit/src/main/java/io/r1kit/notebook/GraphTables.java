package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.scene.gen.Relation;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tables about a generated room's scene graph: its objects with attributes, and its relations. */
public final class GraphTables {

    private GraphTables() {}

    /** One row per object: id, label, colour, material, position (box centre), support, function. */
    public static Table objects(SceneGraph graph) {
        List<List<Object>> rows = new ArrayList<>();
        for (RoomObject o : graph.objects()) {
            String support = o.isSupported() ? graph.object(o.supportId()).map(RoomObject::name).orElse("?") : "floor";
            rows.add(List.of(o.id(), o.label(), o.colour().word(), o.material().word(),
                    String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", o.box().cx(), o.box().cy(), o.box().cz()),
                    support, o.function()));
        }
        return Table.of(String.format(Locale.ROOT, "%s, %.1f x %.1f m: %d objects", graph.kind().words(),
                        graph.width(), graph.depth(), graph.objects().size()),
                List.of("id", "label", "colour", "material", "centre", "stands on", "function"), rows);
    }

    /** One row per relation, as a sentence: "the red mug (12) on the brown desk (4)". */
    public static Table relations(SceneGraph graph) {
        List<List<Object>> rows = new ArrayList<>();
        for (Relation r : graph.relations()) {
            RoomObject s = graph.object(r.subject()).orElseThrow();
            RoomObject o = graph.object(r.object()).orElseThrow();
            rows.add(List.of(s.name() + " (" + s.id() + ")", r.predicate().words(), o.name() + " (" + o.id() + ")"));
        }
        return Table.of(graph.relations().size() + " relations", List.of("subject", "relation", "object"), rows);
    }
}
