package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reasoning task: questions whose answer follows from several cues of the scene together, e.g.
 * "a monitor on the desk and a chair next to it, so the desk is where one works". Each rule looks
 * for its cues in the graph and states every cue it used as a fact.
 */
public final class Reasoning {

    private static final Set<String> SEATS = Set.of("sofa", "chair", "bed");

    private Reasoning() {}

    public static List<Example> generate(SceneContext c) {
        List<Example> out = new ArrayList<>();
        for (Optional<Example> e : List.of(work(c), reading(c), television(c), cooking(c), drink(c))) {
            e.ifPresent(out::add);
        }
        return out;
    }

    /** A desk with a screen on it and a chair next to or facing it is a work place. */
    private static Optional<Example> work(SceneContext c) {
        for (RoomObject desk : c.graph().objects("desk")) {
            List<RoomObject> screens = c.related(Predicate.ON, desk.id()).stream()
                    .filter(o -> o.label().equals("monitor") || o.label().equals("laptop")).toList();
            Optional<RoomObject> chair = seatBy(c, desk, "chair");
            if (!screens.isEmpty() && chair.isPresent()) {
                Phrasing w = c.words();
                Predicate how = c.graph().holds(chair.get().id(), Predicate.NEXT_TO, desk.id()) ? Predicate.NEXT_TO : Predicate.FACING;
                String q = w.pick("Where would someone sit down to work in this room, and why?",
                        "I need to work on a computer. Which spot in the " + c.room() + " suits best?");
                String a = "The best spot is the " + desk.name() + ": the " + screens.get(0).name() + " is on it and the "
                        + chair.get().name() + " is " + SceneContext.relation(how) + " it, so one can sit there and work.";
                return Optional.of(ex(c, q, a, desk, List.of(new Fact.Support(screens.get(0).id(), desk.id()),
                        new Fact.Holds(chair.get().id(), how, desk.id()))));
            }
        }
        return Optional.empty();
    }

    /** A lamp on something next to the bed means one can read in bed. */
    private static Optional<Example> reading(SceneContext c) {
        for (RoomObject bed : c.graph().objects("bed")) {
            for (RoomObject side : c.related(Predicate.NEXT_TO, bed.id())) {
                for (RoomObject lamp : c.related(Predicate.ON, side.id())) {
                    if (lamp.label().equals("lamp")) {
                        Phrasing w = c.words();
                        String q = w.pick("Could someone read in bed here at night? Explain.",
                                "Is there light for reading in bed in this room?");
                        String a = "Yes. The " + lamp.name() + " stands on the " + side.name() + ", and the " + side.name()
                                + " is next to the " + bed.name() + ", so the lamp can light the bed for reading.";
                        return Optional.of(ex(c, q, a, bed, List.of(new Fact.Support(lamp.id(), side.id()),
                                new Fact.Holds(side.id(), Predicate.NEXT_TO, bed.id()))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A seat facing the tv stand that carries the tv is where one watches. */
    private static Optional<Example> television(SceneContext c) {
        for (RoomObject tv : c.graph().objects("tv")) {
            if (!tv.isSupported()) {
                continue;
            }
            RoomObject stand = c.object(tv.supportId());
            for (RoomObject seat : c.graph().objects()) {
                if (SEATS.contains(seat.label()) && c.graph().holds(seat.id(), Predicate.FACING, stand.id())) {
                    String q = c.words().pick("Where should I sit to watch tv?", "Which seat gives the best view of the tv?");
                    String a = "Sit on the " + seat.name() + ": it faces the " + stand.name() + ", and the " + tv.name()
                            + " is on the " + stand.name() + ", so the screen is in front of you.";
                    return Optional.of(ex(c, q, a, seat, List.of(new Fact.Holds(seat.id(), Predicate.FACING, stand.id()),
                            new Fact.Support(tv.id(), stand.id()))));
                }
            }
        }
        return Optional.empty();
    }

    /** A counter next to the stove is where one prepares food before cooking it. */
    private static Optional<Example> cooking(SceneContext c) {
        for (RoomObject stove : c.graph().objects("stove")) {
            for (RoomObject counter : c.related(Predicate.NEXT_TO, stove.id())) {
                if (counter.label().equals("kitchen counter")) {
                    String q = c.words().pick("I want to chop vegetables and then cook them. Where should I work?",
                            "Where is the handiest place to prepare food before cooking it?");
                    String a = "Chop them on the " + counter.name() + ", which is next to the " + stove.name()
                            + ", then cook them on the " + stove.name() + " without carrying them across the room.";
                    return Optional.of(ex(c, q, a, counter, List.of(new Fact.Holds(counter.id(), Predicate.NEXT_TO, stove.id()),
                            new Fact.Purpose(stove.id(), stove.function()))));
                }
            }
        }
        return Optional.empty();
    }

    /** A table next to or facing a seat is where a drink goes. */
    private static Optional<Example> drink(SceneContext c) {
        for (RoomObject seat : c.graph().objects()) {
            if (!SEATS.contains(seat.label())) {
                continue;
            }
            for (Predicate p : List.of(Predicate.NEXT_TO, Predicate.FACING)) {
                for (RoomObject o : c.graph().objects()) {
                    if (o.id() != seat.id() && o.category().role() == io.r1kit.scene.gen.Category.Role.SUPPORT && c.graph().holds(seat.id(), p, o.id())) {
                        String q = "I am sitting on the " + seat.name() + ". " + c.words().pick("Where can I put my drink?",
                                "Where could I set down a cup within reach?");
                        String a = "Put it on the " + o.name() + ": the " + seat.name() + " is " + SceneContext.relation(p)
                                + " it, and the " + o.label() + " has a flat top " + o.function() + ".";
                        return Optional.of(ex(c, q, a, o, List.of(new Fact.Holds(seat.id(), p, o.id()),
                                new Fact.Purpose(o.id(), o.function()))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<RoomObject> seatBy(SceneContext c, RoomObject target, String label) {
        return c.graph().objects(label).stream().filter(s -> c.graph().holds(s.id(), Predicate.NEXT_TO, target.id())
                || c.graph().holds(s.id(), Predicate.FACING, target.id())).findFirst();
    }

    private static Example ex(SceneContext c, String q, String a, RoomObject target, List<Fact> facts) {
        return new Example(c.sceneId(), Task.REASONING, null, q, a, a, List.of(target.id()), facts);
    }
}
