package io.r1kit.scene.gen;

import static org.junit.jupiter.api.Assertions.*;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Queries and JSON of a small graph built by hand. */
class SceneGraphTest {

    /** A desk against the north wall, a red chair facing it, a blue chair 2 m east, a mug on the desk. */
    private static SceneGraph graph() {
        List<RoomObject> objs = List.of(
                obj(1, Category.DESK, Colour.BROWN, Box3.ofMinMax(1, 3.3f, 0, 2.2f, 4, 0.75f), Direction.SOUTH, 0),
                obj(2, Category.CHAIR, Colour.RED, Box3.ofMinMax(1.35f, 2.7f, 0, 1.85f, 3.2f, 0.9f), Direction.NORTH, 0),
                obj(3, Category.CHAIR, Colour.BLUE, Box3.ofMinMax(3.9f, 0.5f, 0, 4.4f, 1.0f, 0.9f), Direction.WEST, 0),
                obj(4, Category.MUG, Colour.RED, Box3.ofMinMax(1.2f, 3.5f, 0.75f, 1.3f, 3.6f, 0.85f), Direction.SOUTH, 1));
        return new SceneGraph(RoomKind.OFFICE, 5, 4, 2.8f, objs, Relations.compute(objs));
    }

    private static RoomObject obj(int id, Category c, Colour colour, Box3 box, Direction facing, int support) {
        return new RoomObject(id, c, c.label(), c.nyu40(), colour, c.materials().get(0), box, facing, c.function(),
                support, null);
    }

    @Test
    void relationsFollowTheGeometry() {
        SceneGraph g = graph();
        assertTrue(g.holds(4, Predicate.ON, 1));
        assertTrue(g.holds(1, Predicate.UNDER, 4));
        assertTrue(g.holds(2, Predicate.FACING, 1));
        assertTrue(g.holds(2, Predicate.NEXT_TO, 1));      // 0.1 m apart, both on the floor
        assertFalse(g.holds(3, Predicate.NEXT_TO, 1));
        assertTrue(g.holds(1, Predicate.FACING, 2));       // the desk's front points south, at the chair
        assertFalse(g.holds(3, Predicate.FACING, 1));      // 49 degrees off the blue chair's front
        assertEquals(List.of(new Relation(4, Predicate.ON, 1)), g.relationsOf(4));
    }

    @Test
    void countsAndLookups() {
        SceneGraph g = graph();
        assertEquals(2, g.count("chair"));
        assertEquals(0, g.count("sofa"));
        assertEquals(List.of(3), g.objects("chair", Colour.BLUE).stream().map(RoomObject::id).toList());
        assertEquals("{chair=2, desk=1, mug=1}", g.labelCounts().toString());
        assertEquals("red chair", g.object(2).orElseThrow().name());
        assertTrue(g.object(5).isEmpty());
    }

    @Test
    void referringExpressionsPickOutObjects() {
        SceneGraph g = graph();
        ReferringExpression chair = ReferringExpression.of("chair");
        assertFalse(g.isUnique(chair));
        assertEquals(3, g.resolveUnique(chair.withColour(Colour.BLUE)).orElseThrow().id());
        ReferringExpression byDesk = chair.related(Predicate.NEXT_TO, ReferringExpression.of("desk"));
        assertEquals(2, g.resolveUnique(byDesk).orElseThrow().id());
        assertEquals("the chair next to the desk", byDesk.text());
        ReferringExpression redThing = ReferringExpression.of("mug").withColour(Colour.RED)
                .related(Predicate.ON, ReferringExpression.of("desk").withColour(Colour.BROWN));
        assertTrue(g.isUnique(redThing));
        assertEquals("the red mug on the brown desk", redThing.text());
        assertTrue(g.resolve(ReferringExpression.of("mug").related(Predicate.ON, chair)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ReferringExpression("chair", null, Predicate.ON, null));
    }

    @Test
    void jsonRoundTripAndBadJson() {
        SceneGraph g = graph();
        String json = g.toJson();
        assertEquals(g, SceneGraph.fromJson(json));
        assertTrue(json.contains("\"label\":\"chair\",\"semanticId\":5,\"colour\":\"RED\""), json);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SceneGraph.fromJson("{\"kind\":"));
        assertTrue(bad.getMessage().startsWith("scene graph JSON is not valid: "), bad.getMessage());
        IllegalArgumentException ids = assertThrows(IllegalArgumentException.class,
                () -> SceneGraph.fromJson(json.replace("\"subject\":4", "\"subject\":9")));
        assertEquals("scene graph JSON is not valid: relation Relation[subject=9, predicate=ON, object=1] names an object"
                + " outside 1..4", ids.getMessage());
        assertEquals("scene graph JSON is empty", assertThrows(IllegalArgumentException.class,
                () -> SceneGraph.fromJson("")).getMessage());
    }
}
