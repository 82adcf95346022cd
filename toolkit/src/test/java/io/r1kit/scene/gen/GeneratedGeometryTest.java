package io.r1kit.scene.gen;

import static org.junit.jupiter.api.Assertions.*;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the invariants of generated rooms over a few hundred seeds, re-deriving every relation
 * with a geometric check written here, independently of {@link Relations}.
 */
class GeneratedGeometryTest {

    private static final SceneGenerator GEN = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6_000));
    private static final double TOL = 1e-4;

    @Test
    void twoHundredSeedsKeepEveryInvariant() {
        for (long seed = 0; seed < 200; seed++) {
            GeneratedRoom room = GEN.generate(seed);
            String where = room.scene().id();
            checkPlacement(room.graph(), where);
            checkPoints(room.scene(), room.graph(), where);
            checkRelations(room.graph(), where);
            checkCounts(room.scene(), room.graph(), where);
            assertEquals(room.graph(), SceneGraph.fromJson(room.graph().toJson()), where + ": JSON round trip");
        }
    }

    private static void checkPlacement(SceneGraph g, String where) {
        List<RoomObject> objs = g.objects();
        for (RoomObject a : objs) {
            Box3 b = a.box();
            assertTrue(b.minX() >= -TOL && b.minY() >= -TOL && b.minZ() >= -TOL && b.maxX() <= g.width() + TOL
                    && b.maxY() <= g.depth() + TOL && b.maxZ() <= g.height() + TOL, where + ": " + a + " leaves the room");
            for (RoomObject o : objs) {
                if (a.id() < o.id()) {
                    Box3 c = o.box();
                    boolean apart = Math.min(b.maxX(), c.maxX()) - Math.max(b.minX(), c.minX()) <= TOL
                            || Math.min(b.maxY(), c.maxY()) - Math.max(b.minY(), c.minY()) <= TOL
                            || Math.min(b.maxZ(), c.maxZ()) - Math.max(b.minZ(), c.minZ()) <= TOL;
                    assertTrue(apart, where + ": " + a.name() + " " + a.id() + " and " + o.name() + " " + o.id() + " interpenetrate");
                }
            }
            if (a.isSupported()) {
                RoomObject s = g.object(a.supportId()).orElseThrow();
                assertEquals(s.box().maxZ(), b.minZ(), TOL, where + ": " + a.name() + " does not rest on its support");
                assertTrue(g.holds(a.id(), Predicate.ON, s.id()), where + ": " + a.name() + " not ON its support");
            } else {
                assertEquals(0, b.minZ(), 0.013, where + ": " + a.name() + " floats above the floor");
            }
            if (a.category().role() == Category.Role.SMALL) {
                assertTrue(a.isSupported(), where + ": small object " + a.name() + " stands on the floor");
            }
            if (a.wall() != null) {
                assertEquals(a.wall().opposite(), a.facing(), where + ": " + a.name() + " does not face into the room");
                double plane = switch (a.wall()) {
                    case NORTH -> b.maxY() - g.depth();
                    case SOUTH -> b.minY();
                    case EAST -> b.maxX() - g.width();
                    case WEST -> b.minX();
                };
                assertEquals(0, plane, TOL, where + ": " + a.name() + " is not against the " + a.wall() + " wall");
            }
        }
    }

    private static void checkPoints(Scene s, SceneGraph g, String where) {
        int[] ins = s.instanceLabels().orElseThrow();
        int[] sem = s.semanticLabels().orElseThrow();
        PointCloud pc = s.points();
        boolean[] seen = new boolean[pc.size()];
        assertEquals(g.objects().size(), s.objects().size());
        for (SceneObject o : s.objects()) {
            RoomObject node = g.object(o.id()).orElseThrow();
            assertEquals(node.box(), o.box(), where);
            assertEquals(node.label(), o.label());
            assertEquals(node.semanticId(), o.semanticId());
            Box3 b = o.box();
            for (int i : o.pointIndices()) {
                assertFalse(seen[i], where + ": point " + i + " in two objects");
                seen[i] = true;
                assertEquals(o.id(), ins[i], where);
                assertEquals(o.semanticId(), sem[i], where);
                assertTrue(pc.x(i) >= b.minX() - 1e-5 && pc.x(i) <= b.maxX() + 1e-5 && pc.y(i) >= b.minY() - 1e-5
                        && pc.y(i) <= b.maxY() + 1e-5 && pc.z(i) >= b.minZ() - 1e-5 && pc.z(i) <= b.maxZ() + 1e-5,
                        where + ": point " + i + " outside the box of " + o);
            }
        }
        for (int i = 0; i < pc.size(); i++) {
            if (!seen[i]) {
                assertEquals(0, ins[i], where + ": unclaimed point " + i + " has instance " + ins[i]);
                assertTrue(sem[i] == 1 || sem[i] == 2, where + ": structure point " + i + " has semantic " + sem[i]);
            }
        }
    }

    private static void checkRelations(SceneGraph g, String where) {
        Set<Relation> expected = new HashSet<>();
        for (RoomObject a : g.objects()) {
            for (RoomObject b : g.objects()) {
                if (a.id() != b.id()) {
                    for (Predicate p : Predicate.values()) {
                        if (oracle(a, p, b)) {
                            expected.add(new Relation(a.id(), p, b.id()));
                        }
                    }
                }
            }
        }
        assertEquals(expected, new HashSet<>(g.relations()), where + ": relations differ from the geometry");
        assertEquals(g.relations().size(), new HashSet<>(g.relations()).size(), where + ": duplicate relations");
        for (Relation r : g.relations()) {
            Predicate inv = r.predicate().inverse();
            if (inv != null) {
                assertTrue(g.holds(r.object(), inv, r.subject()), where + ": " + r + " lacks its inverse");
            }
        }
    }

    /** The relation definitions of the {@link Relations} javadoc, written out again on min/max corners. */
    private static boolean oracle(RoomObject a, Predicate p, RoomObject b) {
        double[] x = mm(a.box());
        double[] y = mm(b.box());
        double ox = Math.min(x[3], y[3]) - Math.max(x[0], y[0]);
        double oy = Math.min(x[4], y[4]) - Math.max(x[1], y[1]);
        double oz = Math.min(x[5], y[5]) - Math.max(x[2], y[2]);
        double area = Math.max(0, ox) * Math.max(0, oy);
        return switch (p) {
            case ON -> Math.abs(x[2] - y[5]) <= 0.005 && area > 1e-4;
            case UNDER -> Math.abs(y[2] - x[5]) <= 0.005 && area > 1e-4;
            case NEXT_TO -> Math.abs(x[2] - y[2]) <= 0.05 && area <= 1e-4
                    && Math.hypot(Math.max(0, -ox), Math.max(0, -oy)) <= 0.3;
            case LEFT_OF -> x[3] <= y[0] + 0.005 && y[0] - x[3] <= 1.0 && oy > 0 && oz > 0;
            case RIGHT_OF -> y[3] <= x[0] + 0.005 && x[0] - y[3] <= 1.0 && oy > 0 && oz > 0;
            case FACING -> {
                double vx = b.box().cx() - a.box().cx();
                double vy = b.box().cy() - a.box().cy();
                double len = Math.hypot(vx, vy);
                double angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1,
                        (vx * a.facing().dx() + vy * a.facing().dy()) / len))));
                yield a.category().hasFront() && area <= 1e-4 && len > 0 && len <= 4.0 && angle <= 30.0 + 1e-9;
            }
        };
    }

    private static double[] mm(Box3 b) {
        return new double[] {b.minX(), b.minY(), b.minZ(), b.maxX(), b.maxY(), b.maxZ()};
    }

    private static void checkCounts(Scene s, SceneGraph g, String where) {
        int total = 0;
        for (var e : g.labelCounts().entrySet()) {
            long inScene = s.objects().stream().filter(o -> o.label().equals(e.getKey())).count();
            assertEquals(inScene, e.getValue().longValue(), where + ": count of " + e.getKey());
            assertEquals(g.objects(e.getKey()).size(), g.count(e.getKey()));
            total += e.getValue();
        }
        assertEquals(s.objects().size(), total, where);
        for (RoomObject o : g.objects()) {
            assertTrue(g.objects(o.label(), o.colour()).contains(o));
            assertTrue(g.relationsOf(o.id()).stream().allMatch(r -> r.subject() == o.id()));
        }
    }
}
