package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scene descriptions from the graph (the first stage of the data engine, Sec. 3.1, Algorithm 1:
 * the description an LLM reasons from), in three styles of growing length.
 */
public final class SceneDescriber {

    /** How much a description says. */
    public enum Style {
        /** One sentence: the room and its main furniture. */
        BRIEF,
        /** The room's size and every label with its count. */
        INVENTORY,
        /** A walk around the room from the door: each object, its colour, its place and one neighbour. */
        TOUR
    }

    private SceneDescriber() {}

    /** The description of {@code g} in {@code style}; word choice from {@code w}. */
    public static String describe(SceneGraph g, Style style, Phrasing w) {
        return switch (style) {
            case BRIEF -> brief(g, w);
            case INVENTORY -> inventory(g);
            case TOUR -> tour(g, w);
        };
    }

    /** One description per style, shortest first (what {@code scene_caption.json} stores per scene). */
    public static List<String> all(SceneGraph g, Phrasing w) {
        return List.of(describe(g, Style.BRIEF, w), describe(g, Style.INVENTORY, w), describe(g, Style.TOUR, w));
    }

    private static String brief(SceneGraph g, Phrasing w) {
        List<String> big = g.objects().stream().filter(o -> !o.isSupported() && o.box().dz() > 0.3f)
                .map(RoomObject::label).distinct().limit(4).toList();
        return w.pick("This is ", "The scene shows ", "A view of ") + Phrasing.article(g.kind().words()) + " with "
                + Phrasing.join(big.stream().map(Phrasing::article).toList()) + ".";
    }

    private static String inventory(SceneGraph g) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : g.labelCounts().entrySet()) {
            parts.add(Phrasing.counted(e.getValue(), e.getKey()));
        }
        return String.format(Locale.ROOT, "The %s measures %.1f by %.1f metres and holds %d objects: %s.",
                g.kind().words(), g.width(), g.depth(), g.objects().size(), Phrasing.join(parts));
    }

    private static String tour(SceneGraph g, Phrasing w) {
        StringBuilder sb = new StringBuilder("Standing in the door of the " + g.kind().words() + ", you look into a room of "
                + String.format(Locale.ROOT, "%.1f by %.1f metres.", g.width(), g.depth()));
        for (Direction d : List.of(Direction.NORTH, Direction.WEST, Direction.EAST, Direction.SOUTH)) {
            // The door is where the tour stands, not something along its own wall.
            List<RoomObject> on = g.objects().stream().filter(o -> d == o.wall() && !o.isSupported() && !Locator.isDoor(o))
                    .toList();
            if (!on.isEmpty()) {
                sb.append(' ').append(Phrasing.capitalise(w.pick("against ", "along ")) + Locator.wall(d, w)).append(" there ")
                        .append(on.size() == 1 ? "is " : "are ")
                        .append(Phrasing.join(on.stream().map(o -> Phrasing.article(o.name())).toList())).append('.');
            }
        }
        List<RoomObject> free = g.objects().stream().filter(o -> o.wall() == null && !o.isSupported()).toList();
        if (!free.isEmpty()) {
            sb.append(" Standing free on the floor: ").append(Phrasing.join(free.stream().map(o -> Phrasing.article(o.name()))
                    .toList())).append('.');
        }
        for (RoomObject o : g.objects()) {
            if (o.isSupported()) {
                sb.append(' ').append(Phrasing.capitalise(Phrasing.article(o.name()))).append(" is on the ")
                        .append(g.object(o.supportId()).orElseThrow().name()).append('.');
            }
        }
        return sb.toString();
    }
}
