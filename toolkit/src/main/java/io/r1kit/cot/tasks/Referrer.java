package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.Relation;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds referring expressions that pick out one object and no other (ScanRefer/Nr3D style): by label,
 * by colour and label, or by a relation to an anchor that is itself unique. Every expression
 * returned is checked with {@link SceneGraph#resolveUnique}.
 */
public final class Referrer {

    private Referrer() {}

    /**
     * A unique expression for {@code o}; with {@code preferRelation} one with a relation is tried
     * first (grounding wants those), otherwise the shortest one wins.
     */
    public static Optional<ReferringExpression> unique(SceneGraph g, RoomObject o, boolean preferRelation, Phrasing p) {
        return unique(g, o, preferRelation, true, p);
    }

    /** As {@link #unique(SceneGraph, RoomObject, boolean, Phrasing)}; without {@code allowColour} the
     *  expression never names the object's own colour (for questions that ask for it). */
    public static Optional<ReferringExpression> unique(SceneGraph g, RoomObject o, boolean preferRelation,
                                                       boolean allowColour, Phrasing p) {
        List<ReferringExpression> plain = new ArrayList<>(List.of(ReferringExpression.of(o.label())));
        if (allowColour) {
            plain.add(ReferringExpression.of(o.label()).withColour(o.colour()));
        }
        List<ReferringExpression> related = new ArrayList<>();
        List<Relation> rels = new ArrayList<>(g.relationsOf(o.id()));
        for (int i = rels.size() - 1; i > 0; i--) {
            java.util.Collections.swap(rels, i, p.nextInt(i + 1));
        }
        for (Relation r : rels) {
            if (r.predicate() == Predicate.FACING && !p.chance(0.3)) {
                continue; // "facing" is the least natural relation; keep it rare
            }
            RoomObject anchor = g.object(r.object()).orElseThrow();
            for (ReferringExpression a : List.of(ReferringExpression.of(anchor.label()),
                    ReferringExpression.of(anchor.label()).withColour(anchor.colour()))) {
                if (g.resolveUnique(a).filter(x -> x.id() == anchor.id()).isPresent()) {
                    related.add(ReferringExpression.of(o.label()).related(r.predicate(), a));
                    if (allowColour) {
                        related.add(ReferringExpression.of(o.label()).withColour(o.colour()).related(r.predicate(), a));
                    }
                    break;
                }
            }
        }
        List<ReferringExpression> order = new ArrayList<>();
        if (preferRelation) {
            order.addAll(related);
            order.addAll(plain);
        } else {
            order.addAll(plain);
            order.addAll(related);
        }
        return order.stream().filter(e -> g.resolveUnique(e).filter(x -> x.id() == o.id()).isPresent()).findFirst();
    }
}
