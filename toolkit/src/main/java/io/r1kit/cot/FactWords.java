package io.r1kit.cot;

import io.r1kit.cot.tasks.Fact;
import io.r1kit.cot.tasks.Locator;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

/** One sentence per {@link Fact}, for the steps of the built-in reasoning. */
final class FactWords {

    private FactWords() {}

    static String say(SceneGraph g, Fact f, Phrasing w) {
        if (f instanceof Fact.Count c) {
            String what = (c.colour() == null ? "" : c.colour().word() + " ") + c.label();
            return "Counting the " + Phrasing.plural(what) + ", the room has " + Phrasing.counted(c.n(), what) + ".";
        } else if (f instanceof Fact.Exists e) {
            return e.present() ? "The room does contain " + Phrasing.article(e.label()) + "."
                    : "Checking every object, none of them is " + Phrasing.article(e.label()) + ".";
        } else if (f instanceof Fact.ColourOf c) {
            return "Its points are " + c.colour().word() + ", so the " + o(g, c.id()).label() + " is " + c.colour().word() + ".";
        } else if (f instanceof Fact.MaterialOf m) {
            return "The " + o(g, m.id()).name() + " is made of " + m.material().word() + ".";
        } else if (f instanceof Fact.Purpose p) {
            return "A " + o(g, p.id()).label() + " is " + p.function() + ".";
        } else if (f instanceof Fact.Support s) {
            return "The " + o(g, s.id()).name() + " stands " + (s.supportId() == 0 ? "on the floor"
                    : "on the " + o(g, s.supportId()).name()) + ".";
        } else if (f instanceof Fact.AgainstWall a && Locator.isDoor(o(g, a.id()))) {
            return "The " + o(g, a.id()).name() + " is set in " + Locator.wall(a.wall(), w) + ".";
        } else if (f instanceof Fact.AgainstWall a) {
            return "The " + o(g, a.id()).name() + " has its back against " + Locator.wall(a.wall(), w) + ".";
        } else if (f instanceof Fact.Holds h) {
            return "The " + o(g, h.subject()).name() + " is " + SceneContext.relation(h.predicate()) + " the "
                    + o(g, h.object()).name() + ".";
        } else if (f instanceof Fact.AllRelated a) {
            String rel = SceneContext.relation(a.predicate()) + " the " + o(g, a.anchor()).name();
            return a.subjects().isEmpty() ? "Nothing is " + rel + "."
                    : "Looking " + rel + ", I find " + Phrasing.join(a.subjects().stream()
                        .map(id -> Phrasing.article(o(g, id).name())).toList()) + ".";
        } else if (f instanceof Fact.Identifies i) {
            return identifies(i, o(g, i.id()).name());
        }
        throw new IllegalArgumentException("no words for " + f);
    }

    /** The words of {@code i}, the object it picks out named by {@code object} ("grey lamp", "lamp at ..."). */
    static String identifies(Fact.Identifies i, String object) {
        return "Only one object matches \"" + i.expression().text() + "\": the " + object + ".";
    }

    private static RoomObject o(SceneGraph g, int id) {
        return g.object(id).orElseThrow();
    }
}
