package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Colour;
import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.Material;
import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.ReferringExpression;

import java.util.List;

/**
 * One claim an example's answer makes about its scene graph, kept beside the text so that the
 * claim can be checked against the graph and so that the built-in CoT writer can reason over it.
 * Object ids are those of the {@link io.r1kit.scene.gen.SceneGraph}.
 */
public sealed interface Fact {

    /** The objects the claim is about, in the order it names them (0, the floor, left out); none for a label. */
    default List<Integer> objects() {
        return List.of();
    }

    /** A claim about one object, {@code id}. */
    sealed interface OneObject extends Fact {
        int id();

        @Override
        default List<Integer> objects() {
            return List.of(id());
        }
    }

    /** The room holds exactly {@code n} objects labelled {@code label} (of {@code colour}, when not null). */
    record Count(String label, Colour colour, int n) implements Fact {}

    /** Whether the room holds an object labelled {@code label}. */
    record Exists(String label, boolean present) implements Fact {}

    /** Object {@code id} has colour {@code colour}. */
    record ColourOf(int id, Colour colour) implements OneObject {}

    /** Object {@code id} is made of {@code material}. */
    record MaterialOf(int id, Material material) implements OneObject {}

    /** Object {@code id} is for {@code function}. */
    record Purpose(int id, String function) implements OneObject {}

    /** Object {@code id} stands on object {@code supportId}, or on the floor when it is 0. */
    record Support(int id, int supportId) implements Fact {
        @Override
        public List<Integer> objects() {
            return supportId == 0 ? List.of(id) : List.of(id, supportId);
        }
    }

    /** Object {@code id} has its back against the wall on side {@code wall}. */
    record AgainstWall(int id, Direction wall) implements OneObject {}

    /** {@code subject predicate object} holds. */
    record Holds(int subject, Predicate predicate, int object) implements Fact {
        @Override
        public List<Integer> objects() {
            return List.of(subject, object);
        }
    }

    /** Exactly the objects {@code subjects} stand in relation {@code predicate} to object {@code anchor}. */
    record AllRelated(Predicate predicate, int anchor, List<Integer> subjects) implements Fact {
        public AllRelated {
            subjects = List.copyOf(subjects);
        }

        @Override
        public List<Integer> objects() {
            List<Integer> ids = new java.util.ArrayList<>(List.of(anchor));
            ids.addAll(subjects);
            return ids;
        }
    }

    /** {@code expression} picks out object {@code id} and no other. */
    record Identifies(ReferringExpression expression, int id) implements OneObject {}
}
