package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Category;
import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

import java.util.List;

/**
 * Says where an object is, in words a person standing in the door would use, together with the
 * fact that makes the words true: on the object it stands on, against a wall, or on the floor.
 * The door is in the south wall, so north is "the far wall", south "the near wall", west "the left
 * wall" (see {@link Direction}). The door itself is <em>in</em> the near wall, never "against" it or
 * "by the wall with the door".
 */
public final class Locator {

    /** A location phrase and the fact behind it. */
    public record Place(String words, Fact fact) {}

    private Locator() {}

    /** Where {@code o} is, e.g. {@code "on the brown desk"} or {@code "against the far wall"}. */
    public static Place place(SceneGraph g, RoomObject o, Phrasing p) {
        if (o.isSupported()) {
            RoomObject s = g.object(o.supportId()).orElseThrow();
            return new Place(p.pick("on", "on top of") + " the " + s.name(), new Fact.Support(o.id(), s.id()));
        }
        if (o.wall() != null && isDoor(o)) {
            return new Place("in " + wall(o.wall(), p), new Fact.AgainstWall(o.id(), o.wall()));
        }
        if (o.wall() != null) {
            return new Place(p.pick("against", "along", "by") + " " + wall(o.wall(), p), new Fact.AgainstWall(o.id(), o.wall()));
        }
        return new Place(p.pick("on the floor", "standing on the floor", "free-standing on the floor"),
                new Fact.Support(o.id(), 0));
    }

    /**
     * The one word that tells where {@code o} is, as the canonical place says it: "on" when it stands on
     * another object, the wall's word ("far", "near", "left", "right") when it is against or in a wall, else
     * "floor". The object-naming loss teaches each object's token this word.
     */
    public static String placeWord(RoomObject o) {
        if (o.isSupported()) {
            return "on";
        }
        if (o.wall() == null) {
            return "floor";
        }
        return switch (o.wall()) {
            case NORTH -> "far";
            case SOUTH -> "near";
            case WEST -> "left";
            case EAST -> "right";
        };
    }

    /** Whether {@code o} is the room's door (it sits in a wall rather than against one). */
    public static boolean isDoor(RoomObject o) {
        return o.category() == Category.DOOR;
    }

    /** The wall on side {@code d} as seen from the door, e.g. {@code "the left wall"}. */
    public static String wall(Direction d, Phrasing p) {
        return switch (d) {
            case NORTH -> p.pick(List.of("the far wall", "the wall opposite the door"));
            case SOUTH -> p.pick(List.of("the near wall", "the wall behind you as you come in"));
            case WEST -> p.pick(List.of("the left wall", "the wall on the left as you come in"));
            case EAST -> p.pick(List.of("the right wall", "the wall on the right as you come in"));
        };
    }
}
