package io.r1kit.scene.gen;

import io.r1kit.scene.Box3;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes the relations of a room from its objects' final boxes, so every relation is true of
 * the geometry by construction. Room axes: z up; the viewpoint is the door in the south wall
 * ({@code y = 0}) looking north ({@code +y}), so "left" is {@code -x} and "right" is {@code +x}.
 *
 * <p>Definitions, for boxes A (subject) and B (object), "footprint" being the box's x-y rectangle:
 * <ul>
 *   <li><b>A ON B</b>: {@code |A.minZ - B.maxZ| <= }{@value #CONTACT_TOLERANCE} m and the footprints
 *       overlap by more than {@value #MIN_OVERLAP_AREA} m².</li>
 *   <li><b>A UNDER B</b>: exactly B ON A.</li>
 *   <li><b>A NEXT_TO B</b>: {@code |A.minZ - B.minZ| <= }{@value #LEVEL_TOLERANCE} m (same level),
 *       footprints overlap by at most {@value #MIN_OVERLAP_AREA} m², and the horizontal distance
 *       between the footprints is at most {@value #NEXT_TO_GAP} m.</li>
 *   <li><b>A LEFT_OF B</b>: {@code A.maxX <= B.minX + }{@value #CONTACT_TOLERANCE}, the gap
 *       {@code B.minX - A.maxX} is at most {@value #SIDE_GAP} m, and their y ranges and their z
 *       ranges both overlap (side by side as seen from the door, not one behind the other).</li>
 *   <li><b>A RIGHT_OF B</b>: exactly B LEFT_OF A.</li>
 *   <li><b>A FACING B</b>: A's category has a front, the footprints overlap by at most
 *       {@value #MIN_OVERLAP_AREA} m², the horizontal distance between the box centres is in
 *       {@code (0, }{@value #FACING_RANGE}{@code ]} m, and the angle between A's front direction and
 *       the horizontal vector from A's centre to B's centre is at most {@value #FACING_ANGLE_DEG}°.</li>
 * </ul>
 */
public final class Relations {

    /** Largest gap (m) between touching faces, and slack for boxes computed from float points. */
    public static final double CONTACT_TOLERANCE = 0.005;
    /** Footprint overlap (m²) above which two footprints count as overlapping. */
    public static final double MIN_OVERLAP_AREA = 1e-4;
    /** Largest difference of bottom heights (m) for two objects to stand at the same level. */
    public static final double LEVEL_TOLERANCE = 0.05;
    /** Largest horizontal gap (m) between footprints for NEXT_TO. */
    public static final double NEXT_TO_GAP = 0.30;
    /** Largest x gap (m) for LEFT_OF / RIGHT_OF. */
    public static final double SIDE_GAP = 1.0;
    /** Largest centre distance (m) for FACING. */
    public static final double FACING_RANGE = 4.0;
    /** Largest angle (degrees) between the front and the direction to the other object for FACING. */
    public static final double FACING_ANGLE_DEG = 30.0;

    private Relations() {}

    /** All relations that hold between ordered pairs of {@code objects}, grouped by subject in list order. */
    public static List<Relation> compute(List<RoomObject> objects) {
        List<Relation> out = new ArrayList<>();
        for (RoomObject a : objects) {
            for (RoomObject b : objects) {
                if (a.id() == b.id()) {
                    continue;
                }
                for (Predicate p : Predicate.values()) {
                    if (holds(a, p, b)) {
                        out.add(new Relation(a.id(), p, b.id()));
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code a p b} holds by the definitions above. */
    public static boolean holds(RoomObject a, Predicate p, RoomObject b) {
        Box3 x = a.box();
        Box3 y = b.box();
        return switch (p) {
            case ON -> on(x, y);
            case UNDER -> on(y, x);
            case NEXT_TO -> Math.abs(x.minZ() - y.minZ()) <= LEVEL_TOLERANCE
                    && footprintOverlap(x, y) <= MIN_OVERLAP_AREA && footprintGap(x, y) <= NEXT_TO_GAP;
            case LEFT_OF -> leftOf(x, y);
            case RIGHT_OF -> leftOf(y, x);
            case FACING -> facing(a, y);
        };
    }

    private static boolean on(Box3 a, Box3 b) {
        return Math.abs(a.minZ() - b.maxZ()) <= CONTACT_TOLERANCE && footprintOverlap(a, b) > MIN_OVERLAP_AREA;
    }

    private static boolean leftOf(Box3 a, Box3 b) {
        return a.maxX() <= b.minX() + CONTACT_TOLERANCE && b.minX() - a.maxX() <= SIDE_GAP
                && overlap(a.minY(), a.maxY(), b.minY(), b.maxY()) > 0
                && overlap(a.minZ(), a.maxZ(), b.minZ(), b.maxZ()) > 0;
    }

    private static boolean facing(RoomObject a, Box3 b) {
        if (!a.category().hasFront() || footprintOverlap(a.box(), b) > MIN_OVERLAP_AREA) {
            return false;
        }
        double vx = b.cx() - a.box().cx();
        double vy = b.cy() - a.box().cy();
        double dist = Math.hypot(vx, vy);
        if (dist == 0 || dist > FACING_RANGE) {
            return false;
        }
        double cos = (vx * a.facing().dx() + vy * a.facing().dy()) / dist;
        return cos >= Math.cos(Math.toRadians(FACING_ANGLE_DEG));
    }

    /** Area (m²) of the intersection of the two footprints. */
    static double footprintOverlap(Box3 a, Box3 b) {
        return overlap(a.minX(), a.maxX(), b.minX(), b.maxX()) * overlap(a.minY(), a.maxY(), b.minY(), b.maxY());
    }

    /** Horizontal distance (m) between the two footprints, 0 when they touch or overlap. */
    static double footprintGap(Box3 a, Box3 b) {
        double gx = Math.max(0, Math.max(a.minX(), b.minX()) - Math.min(a.maxX(), b.maxX()));
        double gy = Math.max(0, Math.max(a.minY(), b.minY()) - Math.min(a.maxY(), b.maxY()));
        return Math.hypot(gx, gy);
    }

    private static double overlap(double lo1, double hi1, double lo2, double hi2) {
        return Math.max(0, Math.min(hi1, hi2) - Math.max(lo1, lo2));
    }
}
