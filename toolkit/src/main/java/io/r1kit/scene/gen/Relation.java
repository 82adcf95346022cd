package io.r1kit.scene.gen;

import java.util.Objects;

/**
 * "subject PREDICATE object" between two objects of a {@link SceneGraph}, by object id.
 *
 * @param subject   id of the object the relation is about
 * @param predicate the relation
 * @param object    id of the other object
 */
public record Relation(int subject, Predicate predicate, int object) {

    public Relation {
        Objects.requireNonNull(predicate, "predicate");
        if (subject == object) {
            throw new IllegalArgumentException("relation " + predicate + " of object " + subject + " with itself");
        }
    }
}
