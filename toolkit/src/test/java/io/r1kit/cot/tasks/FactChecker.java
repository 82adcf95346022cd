package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

import java.util.List;

/** Re-checks a fact against a scene graph with the graph's own queries, independently of the generators. */
final class FactChecker {

    private FactChecker() {}

    static boolean holds(SceneGraph g, Fact f) {
        if (f instanceof Fact.Count c) {
            return (c.colour() == null ? g.objects(c.label()) : g.objects(c.label(), c.colour())).size() == c.n();
        } else if (f instanceof Fact.Exists e) {
            return (g.count(e.label()) > 0) == e.present();
        } else if (f instanceof Fact.ColourOf c) {
            return g.object(c.id()).orElseThrow().colour() == c.colour();
        } else if (f instanceof Fact.MaterialOf m) {
            return g.object(m.id()).orElseThrow().material() == m.material();
        } else if (f instanceof Fact.Purpose p) {
            return g.object(p.id()).orElseThrow().function().equals(p.function());
        } else if (f instanceof Fact.Support s) {
            return g.object(s.id()).orElseThrow().supportId() == s.supportId()
                    && (s.supportId() == 0 || g.holds(s.id(), Predicate.ON, s.supportId()));
        } else if (f instanceof Fact.AgainstWall w) {
            return g.object(w.id()).orElseThrow().wall() == w.wall();
        } else if (f instanceof Fact.Holds h) {
            return g.holds(h.subject(), h.predicate(), h.object());
        } else if (f instanceof Fact.AllRelated a) {
            return g.objects().stream().filter(o -> o.id() != a.anchor() && g.holds(o.id(), a.predicate(), a.anchor()))
                    .map(RoomObject::id).toList().equals(a.subjects());
        } else if (f instanceof Fact.Identifies i) {
            return g.resolve(i.expression()).stream().map(RoomObject::id).toList().equals(List.of(i.id()));
        }
        throw new AssertionError("unknown fact " + f);
    }
}
