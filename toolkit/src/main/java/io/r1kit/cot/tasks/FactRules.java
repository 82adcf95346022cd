package io.r1kit.cot.tasks;

import io.r1kit.cot.tasks.TextReading.Item;
import io.r1kit.cot.tasks.TextReading.Kind;
import io.r1kit.cot.tasks.TextReading.Mention;
import io.r1kit.cot.tasks.TextReading.Ref;
import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The rules of {@link FactCheck}, one method per kind of fact: the votes of one text on one fact. */
final class FactRules {

    private final SceneGraph g;
    private final TextReading r;
    /** Whether some claim of the text gives the fact's value, or another value. */
    boolean stated;
    boolean contradicted;
    /** The fact's own object: what a bare phrase or a pronoun without antecedent is said of. */
    private int own;

    FactRules(SceneGraph g, TextReading r) {
        this.g = g;
        this.r = r;
    }

    void count(Fact.Count c) {
        for (Item it : r.items) {
            if (it.kind() == Kind.MENTION && it.mention().labels().contains(c.label()) && it.mention().material() == null
                    && it.mention().colour() == c.colour() && (it.mention().count() != null || it.mention().negated())) {
                vote(c.n() == (it.mention().negated() ? 0 : it.mention().count()));
            } else if (it.kind() == Kind.NUMBER && !r.mentionsAny()) {
                vote(c.n() == (Integer) it.value());
            }
        }
    }

    void exists(Fact.Exists e) {
        for (Item it : r.items) {
            if (it.kind() == Kind.YES || it.kind() == Kind.NO) {
                vote(e.present() == (it.kind() == Kind.YES));
            } else if (it.kind() == Kind.MENTION && it.mention().labels().contains(e.label())) {
                vote(e.present() != it.mention().negated());
            }
        }
    }

    <V> void attribute(int id, Kind kind, V truth, boolean colour, Function<RoomObject, V> of) {
        own = id;
        for (int i = 0; i < r.items.size(); i++) {
            Item it = r.items.get(i);
            if (it.kind() == Kind.MENTION) {
                Mention m = it.mention();
                Object v = colour ? m.colour() : m.material();
                if (v != null && !m.negated()) {
                    Ref ref = new Ref(m, false);
                    judge(ref, colour, !colour, v.equals(truth), o -> v.equals(of.apply(o)));
                }
            } else if (it.kind() == kind && !r.denied(i)) {
                for (Ref s : r.subjects(i)) {
                    judge(s, colour, !colour, it.value().equals(truth), o -> it.value().equals(of.apply(o)));
                }
            }
        }
    }

    void purpose(Fact.Purpose p) {
        own = p.id();
        String label = object(p.id()).label();
        boolean named = !r.mentionsAny() || r.items.stream().anyMatch(it -> it.kind() == Kind.MENTION
                && it.mention().labels().contains(label) && !it.mention().negated());
        for (int i = 0; i < r.items.size(); i++) {
            Item it = r.items.get(i);
            if (it.kind() != Kind.FUNCTION || r.denied(i)) {
                continue;
            }
            if (named && it.value().equals(p.function())) {
                stated = true;
            }
            for (Ref s : r.subjects(i)) {
                judge(s, false, false, it.value().equals(p.function()), o -> it.value().equals(o.function()));
            }
        }
    }

    /** A place: support {@code support} (0 the floor) when {@code wall} is null, else against {@code wall}. */
    void place(int id, int support, Direction wall) {
        own = id;
        for (FactCheck.Claim c : FactCheck.claims(r, true)) {
            if (c.predicate() == Predicate.ON) {
                Set<Integer> on = denote(c.object(), false, false);
                for (Ref s : c.subjects()) {
                    judge(s, false, false, wall == null && on.contains(support), o -> on.contains(o.supportId()));
                }
            }
        }
        for (int i = 0; i < r.items.size(); i++) {
            Item it = r.items.get(i);
            if ((it.kind() == Kind.WALL || it.kind() == Kind.FLOOR) && !r.denied(i)) {
                boolean states = it.kind() == Kind.WALL ? it.value() == wall : wall == null && support == 0;
                for (Ref s : r.subjects(i)) {
                    judge(s, false, false, states, o -> it.kind() == Kind.WALL ? o.wall() == it.value()
                            : o.supportId() == 0 && (!(Boolean) it.value() || o.wall() == null));
                }
            }
        }
    }

    void holds(Fact.Holds h) {
        own = h.subject();
        for (FactCheck.Claim c : FactCheck.claims(r, true)) {
            Set<Integer> to = denote(c.object(), false, false);
            if (!refers(c.object(), false, false).contains(h.object())) {
                continue;
            }
            for (Ref s : c.subjects()) {
                judge(s, false, false, c.predicate() == h.predicate() && to.contains(h.object()),
                        o -> to.stream().anyMatch(z -> z != o.id() && g.holds(o.id(), c.predicate(), z)));
            }
        }
    }

    void allRelated(Fact.AllRelated a) {
        own = a.anchor();
        List<Mention> listed = new ArrayList<>();
        boolean claimed = false;
        for (FactCheck.Claim c : FactCheck.claims(r, false)) {
            if (c.predicate() == a.predicate() && refers(c.object(), false, false).contains(a.anchor())) {
                claimed = true;
                List<Mention> more = new ArrayList<>(listed);
                for (Ref s : c.subjects()) {
                    if (s.mention() != null && !more.remove(s.mention())) {
                        listed.add(s.mention()); // a name said again in another claim is the same object
                    }
                }
            }
        }
        if (!claimed && r.items.stream().noneMatch(it -> it.kind() == Kind.RELATION)) {
            for (int i = 0; i < r.items.size(); i++) {
                Item it = r.items.get(i);
                if (it.kind() == Kind.MENTION && !it.mention().negated()) {
                    listed.add(it.mention());
                    claimed = true;
                }
                claimed |= it.kind() == Kind.NOTHING;
            }
        }
        if (claimed) {
            vote(matches(listed, a.subjects()));
        }
    }

    void identifies(Fact.Identifies f) {
        own = f.id();
        for (int i = 0; i < r.items.size(); i++) {
            int end = match(f.expression(), i);
            if (end < 0) {
                continue;
            }
            stated = true;
            while (end < r.items.size() && r.items.get(end).kind() == Kind.WORD
                    && TextReading.COPULAS.contains((String) r.items.get(end).value())) {
                end++;
            }
            if (end < r.items.size() && r.items.get(end).kind() == Kind.MENTION
                    && r.items.get(end).mention().labels().contains(f.expression().label())
                    && !denote(new Ref(r.items.get(end).mention(), false), false, false).contains(f.id())) {
                contradicted = true;
            }
        }
    }

    /** The item after the words of {@code e} starting at {@code i}, or -1 when they do not start there. */
    private int match(ReferringExpression e, int i) {
        if (i >= r.items.size() || r.items.get(i).kind() != Kind.MENTION) {
            return -1;
        }
        Mention m = r.items.get(i).mention();
        if (!m.labels().contains(e.label()) || m.colour() != e.colour() || m.material() != null || m.count() != null) {
            return -1;
        }
        if (e.relation() == null) {
            return i + 1;
        }
        return i + 1 < r.items.size() && r.items.get(i + 1).is(Kind.RELATION, e.relation()) ? match(e.anchor(), i + 2) : -1;
    }

    /**
     * One claim that {@code s} has a value: states the fact when it is about the own object, named to
     * fit, and {@code states}; otherwise contradicts it unless the value is true of the own object or of
     * another object the name fits ({@code trueOf}).
     */
    private void judge(Ref s, boolean anyColour, boolean anyMaterial, boolean states,
                       java.util.function.Predicate<RoomObject> trueOf) {
        Set<Integer> refers = refers(s, anyColour, anyMaterial);
        if (!refers.contains(own)) {
            return;
        }
        if (states) {
            stated |= denote(s, anyColour, anyMaterial).contains(own);
        } else if (refers.stream().noneMatch(id -> trueOf.test(object(id)))) {
            contradicted = true;
        }
    }

    private void vote(boolean right) {
        stated |= right;
        contradicted |= !right;
    }

    /** The objects a reference fits: the own object, or those whose label, colour and material agree. */
    Set<Integer> denote(Ref s, boolean anyColour, boolean anyMaterial) {
        if (s.mention() == null) {
            return s.nothing() ? Set.of() : Set.of(own);
        }
        Mention m = s.mention();
        Set<Integer> out = new LinkedHashSet<>();
        for (RoomObject o : g.objects()) {
            if (m.labels().contains(o.label()) && (anyColour || m.colour() == null || m.colour() == o.colour())
                    && (anyMaterial || m.material() == null || m.material() == o.material())) {
                out.add(o.id());
            }
        }
        return out;
    }

    /** The objects a reference fits or, when it fits none, the objects with its label it misnames. */
    Set<Integer> refers(Ref s, boolean anyColour, boolean anyMaterial) {
        Set<Integer> d = denote(s, anyColour, anyMaterial);
        return d.isEmpty() ? denote(s, true, true) : d;
    }

    /** Whether the listed names, each as many times as its count, pair off one to one with the ids. */
    private boolean matches(List<Mention> listed, List<Integer> ids) {
        List<Set<Integer>> slots = new ArrayList<>();
        for (Mention m : listed) {
            for (int k = 0; k < (m.count() == null ? 1 : m.count()); k++) {
                slots.add(denote(new Ref(m, false), false, false));
            }
        }
        return slots.size() == ids.size() && pair(slots, 0, new ArrayList<>(ids), new HashSet<>());
    }

    private static boolean pair(List<Set<Integer>> slots, int k, List<Integer> ids, Set<Integer> used) {
        if (k == slots.size()) {
            return true;
        }
        for (int id : ids) {
            if (!used.contains(id) && slots.get(k).contains(id)) {
                used.add(id);
                if (pair(slots, k + 1, ids, used)) {
                    return true;
                }
                used.remove(id);
            }
        }
        return false;
    }

    private RoomObject object(int id) {
        return g.object(id).orElseThrow();
    }
}
