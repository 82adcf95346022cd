package io.r1kit.scene.gen;

import java.util.Objects;

/**
 * A phrase that picks out objects of a room: a label, optionally a colour, optionally a relation
 * to another object that is itself described by a referring expression, as in
 * "the red chair next to the desk".
 *
 * <pre>{@code
 * var desk = ReferringExpression.of("desk");
 * var expr = ReferringExpression.of("chair").withColour(Colour.RED).related(Predicate.NEXT_TO, desk);
 * graph.isUnique(expr);          // true when exactly one red chair stands next to some desk
 * expr.text();                   // "the red chair next to the desk"
 * }</pre>
 *
 * @param label    the label the object must carry
 * @param colour   the colour it must have, or {@code null} for any
 * @param relation the relation it must have to an object matching {@code anchor}, or {@code null}
 * @param anchor   the other object, given exactly when {@code relation} is
 */
public record ReferringExpression(String label, Colour colour, Predicate relation, ReferringExpression anchor) {

    public ReferringExpression {
        Objects.requireNonNull(label, "label");
        if ((relation == null) != (anchor == null)) {
            throw new IllegalArgumentException("a relation needs an anchor and an anchor needs a relation");
        }
    }

    /** Any object with this label. */
    public static ReferringExpression of(String label) {
        return new ReferringExpression(label, null, null, null);
    }

    public ReferringExpression withColour(Colour c) {
        return new ReferringExpression(label, c, relation, anchor);
    }

    public ReferringExpression related(Predicate p, ReferringExpression other) {
        return new ReferringExpression(label, colour, Objects.requireNonNull(p, "predicate"),
                Objects.requireNonNull(other, "anchor"));
    }

    /** Whether {@code o} has the label and colour asked for (the relation is checked by {@link SceneGraph}). */
    public boolean matchesAttributes(RoomObject o) {
        return o.label().equals(label) && (colour == null || o.colour() == colour);
    }

    /** The expression in words, e.g. {@code "the red chair next to the desk"}. */
    public String text() {
        String head = "the " + (colour == null ? "" : colour.word() + " ") + label;
        return relation == null ? head : head + " " + relationWords() + " " + anchor.text();
    }

    private String relationWords() {
        return switch (relation) {
            case LEFT_OF -> "to the left of";
            case RIGHT_OF -> "to the right of";
            case UNDER -> "under";
            default -> relation.words();
        };
    }
}
