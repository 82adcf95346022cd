package io.r1kit.cot.tasks;

import io.r1kit.cot.tasks.TextReading.Item;
import io.r1kit.cot.tasks.TextReading.Kind;
import io.r1kit.cot.tasks.TextReading.Ref;
import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.SceneGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a text states a {@link Fact} about a scene graph, contradicts it or does not say. It reads
 * short answers as the data sets write them ({@code "black"}, {@code "three"}, {@code "yes"},
 * {@code "for sitting on"}, {@code "against the wall opposite the door"}) and whole sentences alike,
 * in the vocabulary of the task generators (see {@link TextReading}).
 *
 * <pre>{@code
 * FactCheck.check(g, new Fact.ColourOf(deskId, Colour.BLACK), "It's black.")        // STATED
 * FactCheck.check(g, new Fact.ColourOf(deskId, Colour.BLACK), "The desk is brown.") // CONTRADICTED
 * FactCheck.check(g, new Fact.ColourOf(deskId, Colour.BLACK), "It is a desk.")      // ABSENT
 * }</pre>
 *
 * <p>A phrase is said of the object named right before it ({@code "the brown desk along the far wall"},
 * {@code "the chair is green"}, {@code "the books, which stand on the desk"}), of the head of a referring
 * expression before "is" ({@code "the chair next to the desk is green"} is about the chair), or, when it
 * opens the text or follows a pronoun, of the text's topic: its first object in an earlier sentence, else
 * the fact's own object (the one the question asks about). A phrase after a verb ({@code "sit on the
 * sofa"}, {@code "switch on the monitor"}) or after "not" is said of nothing. A name fits the objects whose label, colour
 * and material agree with its words; a name that fits no object of the room is taken for a wrong name of
 * the objects with its label. A claim about a fitting object states the fact when it gives the fact's
 * value; a claim that gives another value contradicts the fact unless the value is true of the object
 * anyway, or of another object the same name fits ("the green plant along the far wall" beside "the green
 * plant along the near wall"). A contradiction wins over a statement. The rules per fact:
 * <ul>
 * <li>{@link Fact.Count}: a count before the label ({@code "three chairs"}, {@code "one set of books"},
 *     "no chairs" is zero); in a text that names no object, any number ({@code "3"}, {@code "three"}).</li>
 * <li>{@link Fact.Exists}: a leading yes or no; the label named (present) or denied ({@code "no laptop"}).</li>
 * <li>{@link Fact.ColourOf}, {@link Fact.MaterialOf}: the colour or material in a name of the object
 *     ({@code "a black metal desk"}) or said of it ({@code "it is black"}, {@code "made of wood"}).</li>
 * <li>{@link Fact.Purpose}: the function's words, with or without "for" and a closing "at"/"on"; stated
 *     wherever they stand once the text names the object's label or names nothing; another function
 *     said of the object contradicts.</li>
 * <li>{@link Fact.Support}, {@link Fact.AgainstWall}: the place said of the object: "on"/"on top of" a named
 *     object, "on the floor" ("free-standing" also says: not against a wall), or a wall phrase ("the far
 *     wall", "the wall opposite the door", "the near wall", "the left wall", ...). "Under" is read the other
 *     way round. For a wall fact, "on the floor" is neither.</li>
 * <li>{@link Fact.Holds}: a relation phrase between names of the two objects (either way round where the
 *     relation has an inverse); another relation that does not hold between them contradicts.</li>
 * <li>{@link Fact.AllRelated}: the objects listed before the relation phrase whose object is the anchor
 *     ({@code "a lamp and a mug are on it"}, {@code "nothing is on it"}), or, in a text with no relation
 *     phrase at all, every object it names ({@code "a black lamp and a red mug"}, {@code "nothing"}); stated
 *     when the names pair off one to one with the subjects, contradicted by any other list.</li>
 * <li>{@link Fact.Identifies}: the expression's words (label, colour, relation, anchor) appear; followed by
 *     "is" and a name of the same label that does not fit the object, it is contradicted.</li>
 * </ul>
 */
public final class FactCheck {

    /** What a text does with a fact. */
    public enum Verdict {
        /** The text gives the fact's value. */
        STATED,
        /** The text gives another value where the fact's belongs (another colour, number, wall, object...). */
        CONTRADICTED,
        /** The text does not say. */
        ABSENT
    }

    private FactCheck() {}

    /** What {@code text} does with fact {@code f} of graph {@code g}. */
    public static Verdict check(SceneGraph g, Fact f, String text) {
        return check(g, f, TextReading.of(text));
    }

    static Verdict check(SceneGraph g, Fact f, TextReading r) {
        FactRules t = new FactRules(g, r);
        if (f instanceof Fact.Count c) {
            t.count(c);
        } else if (f instanceof Fact.Exists e) {
            t.exists(e);
        } else if (f instanceof Fact.ColourOf c) {
            t.attribute(c.id(), Kind.COLOUR, c.colour(), true, o -> o.colour());
        } else if (f instanceof Fact.MaterialOf m) {
            t.attribute(m.id(), Kind.MATERIAL, m.material(), false, o -> o.material());
        } else if (f instanceof Fact.Purpose p) {
            t.purpose(p);
        } else if (f instanceof Fact.Support s) {
            t.place(s.id(), s.supportId(), null);
        } else if (f instanceof Fact.AgainstWall a) {
            t.place(a.id(), -1, a.wall());
        } else if (f instanceof Fact.Holds h) {
            t.holds(h);
        } else if (f instanceof Fact.AllRelated a) {
            t.allRelated(a);
        } else if (f instanceof Fact.Identifies i) {
            t.identifies(i);
        }
        return t.contradicted ? Verdict.CONTRADICTED : t.stated ? Verdict.STATED : Verdict.ABSENT;
    }

    /** A relation said in the text: subjects, predicate, object. */
    record Claim(List<Ref> subjects, Predicate predicate, Ref object) {}

    /** The relation claims of a text, each also read the other way round where the predicate has an inverse. */
    static List<Claim> claims(TextReading r, boolean inverses) {
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < r.items.size(); i++) {
            Item it = r.items.get(i);
            Ref object = it.kind() == Kind.RELATION && !r.denied(i) ? r.objectAfter(i) : null;
            if (object == null) {
                continue;
            }
            Predicate p = (Predicate) it.value();
            List<Ref> subjects = r.subjects(i);
            out.add(new Claim(subjects, p, object));
            if (inverses && p.inverse() != null) {
                for (Ref s : subjects) {
                    if (!s.nothing()) {
                        out.add(new Claim(List.of(object), p.inverse(), s));
                    }
                }
            }
        }
        return out;
    }
}
