package io.r1kit.scene.gen;

import static io.r1kit.scene.gen.Colour.*;
import static io.r1kit.scene.gen.Material.*;

import java.util.List;

/**
 * The kinds of object a generated room may hold, each with its label, its NYU40 id (taken from
 * ScanNet's {@code scannetv2-labels.combined.tsv}, so {@code stove} is 38 otherstructure and
 * {@code rug} 40 otherprop as there), what it is for, the colours and materials it may have and its
 * size range.
 *
 * <p>Sizes are {@code width x depth x height} in metres with the object facing south: width runs
 * across its front, depth from front to back. Several categories may share a label ({@code lamp}
 * stands on a table or on the floor); questions and counts go by label.
 */
public enum Category {
    DOOR("door", 8, "for entering and leaving the room", Role.FURNITURE, true,
            r(0.80, 0.95, 0.07, 0.09, 2.00, 2.10), List.of(WHITE, BROWN, GREY), List.of(WOOD)),
    BED("bed", 4, "for sleeping", Role.SUPPORT, true,
            r(1.00, 1.80, 1.95, 2.10, 0.45, 0.60), List.of(WHITE, BROWN, GREY, BLUE, PINK, PURPLE), List.of(WOOD, FABRIC)),
    NIGHTSTAND("nightstand", 32, "for keeping things within reach of the bed", Role.SUPPORT, true,
            r(0.40, 0.55, 0.35, 0.45, 0.45, 0.60), List.of(WHITE, BROWN, BLACK, GREY), List.of(WOOD)),
    WARDROBE("wardrobe", 39, "for storing clothes", Role.FURNITURE, true,
            r(0.90, 1.60, 0.55, 0.65, 1.80, 2.20), List.of(WHITE, BROWN, BLACK, GREY), List.of(WOOD)),
    DESK("desk", 14, "for working at", Role.SUPPORT, true,
            r(1.00, 1.60, 0.60, 0.80, 0.72, 0.78), List.of(WHITE, BROWN, BLACK, GREY), List.of(WOOD, METAL)),
    CHAIR("chair", 5, "for sitting on", Role.FURNITURE, true,
            r(0.42, 0.55, 0.45, 0.55, 0.80, 1.00), List.of(BLACK, BROWN, RED, BLUE, GREEN, GREY, WHITE),
            List.of(WOOD, PLASTIC, FABRIC, LEATHER)),
    SOFA("sofa", 6, "for sitting and relaxing", Role.FURNITURE, true,
            r(1.60, 2.40, 0.80, 0.95, 0.75, 0.90), List.of(GREY, BLUE, GREEN, RED, BROWN, BLACK, YELLOW),
            List.of(FABRIC, LEATHER)),
    COFFEE_TABLE("coffee table", 7, "for putting drinks and books on", Role.SUPPORT, false,
            r(0.80, 1.20, 0.50, 0.70, 0.38, 0.48), List.of(BROWN, WHITE, BLACK, GREY), List.of(WOOD, GLASS)),
    TV_STAND("tv stand", 39, "for holding the tv", Role.SUPPORT, true,
            r(1.20, 1.80, 0.40, 0.50, 0.45, 0.60), List.of(BLACK, BROWN, WHITE, GREY), List.of(WOOD)),
    TV("tv", 25, "for watching shows", Role.SMALL, true,
            r(0.80, 1.30, 0.20, 0.25, 0.50, 0.80), List.of(BLACK, GREY), List.of(PLASTIC)),
    BOOKSHELF("bookshelf", 10, "for storing books", Role.FURNITURE, true,
            r(0.70, 1.20, 0.30, 0.40, 1.50, 2.00), List.of(BROWN, WHITE, BLACK), List.of(WOOD)),
    CABINET("cabinet", 3, "for storing things", Role.SUPPORT, true,
            r(0.60, 1.20, 0.40, 0.60, 0.80, 1.20), List.of(WHITE, BROWN, GREY, BLUE, GREEN), List.of(WOOD, METAL)),
    FLOOR_LAMP("lamp", 35, "for giving light", Role.FURNITURE, false,
            r(0.30, 0.40, 0.30, 0.40, 1.40, 1.80), List.of(WHITE, BLACK, YELLOW, GREY), List.of(METAL)),
    PLANT("plant", 40, "for decoration", Role.FURNITURE, false,
            r(0.30, 0.50, 0.30, 0.50, 0.60, 1.20), List.of(GREEN), List.of(CERAMIC)),
    TRASH_CAN("trash can", 39, "for throwing away rubbish", Role.FURNITURE, false,
            r(0.25, 0.35, 0.25, 0.35, 0.35, 0.60), List.of(GREY, BLACK, BLUE, GREEN, WHITE), List.of(PLASTIC, METAL)),
    RUG("rug", 40, "for covering the floor", Role.FLOOR_COVER, false,
            r(1.40, 2.40, 1.00, 1.80, 0.012, 0.012), List.of(RED, BLUE, GREY, PURPLE, GREEN),
            List.of(FABRIC)),
    FRIDGE("refrigerator", 24, "for keeping food cold", Role.FURNITURE, true,
            r(0.60, 0.85, 0.60, 0.75, 1.60, 1.90), List.of(WHITE, GREY, BLACK), List.of(METAL)),
    STOVE("stove", 38, "for cooking food", Role.FURNITURE, true,
            r(0.55, 0.75, 0.58, 0.62, 0.88, 0.92), List.of(WHITE, BLACK, GREY), List.of(METAL)),
    COUNTER("kitchen counter", 12, "for preparing food", Role.SUPPORT, true,
            r(0.80, 1.80, 0.58, 0.62, 0.88, 0.92), List.of(WHITE, GREY, BROWN, BLACK), List.of(WOOD)),
    SINK("sink", 34, "for washing dishes", Role.FURNITURE, true,
            r(0.60, 0.90, 0.58, 0.62, 1.05, 1.15), List.of(WHITE, GREY), List.of(CERAMIC, METAL)),
    DINING_TABLE("dining table", 7, "for eating meals", Role.SUPPORT, false,
            r(1.20, 1.80, 0.80, 1.00, 0.72, 0.78), List.of(BROWN, WHITE, BLACK, GREY), List.of(WOOD, GLASS)),
    TABLE_LAMP("lamp", 35, "for giving light", Role.SMALL, false,
            r(0.20, 0.30, 0.20, 0.30, 0.35, 0.55), List.of(WHITE, BLACK, YELLOW, GREY, ORANGE), List.of(METAL, CERAMIC)),
    PILLOW("pillow", 18, "for resting your head", Role.SMALL, false,
            r(0.50, 0.65, 0.30, 0.42, 0.10, 0.15), List.of(WHITE, BLUE, PINK, YELLOW, GREY), List.of(FABRIC)),
    BOOKS("books", 23, "for reading", Role.SMALL, false,
            r(0.15, 0.25, 0.20, 0.28, 0.04, 0.12), List.of(RED, BLUE, GREEN, YELLOW, ORANGE, PURPLE), List.of(WOOD)),
    MUG("mug", 40, "for drinking", Role.SMALL, false,
            r(0.10, 0.13, 0.08, 0.10, 0.09, 0.12), List.of(WHITE, RED, BLUE, YELLOW, BLACK), List.of(CERAMIC)),
    LAPTOP("laptop", 40, "for working and browsing", Role.SMALL, true,
            r(0.30, 0.38, 0.22, 0.26, 0.20, 0.25), List.of(GREY, BLACK, WHITE), List.of(METAL, PLASTIC)),
    MONITOR("monitor", 40, "for showing a computer's screen", Role.SMALL, true,
            r(0.50, 0.70, 0.18, 0.22, 0.40, 0.55), List.of(BLACK, GREY, WHITE), List.of(PLASTIC)),
    MICROWAVE("microwave", 40, "for heating food", Role.SMALL, true,
            r(0.45, 0.55, 0.32, 0.40, 0.26, 0.32), List.of(WHITE, BLACK, GREY), List.of(METAL));

    /** How an object of a category takes part in placement. */
    public enum Role {
        /** Stands on the floor (or a rug); nothing is placed on it. */
        FURNITURE,
        /** Stands on the floor and has a flat top that small objects are placed on. */
        SUPPORT,
        /** Stands on top of a {@link #SUPPORT} object. */
        SMALL,
        /** Lies flat on the floor; furniture standing over it stands on it. */
        FLOOR_COVER
    }

    private final String label;
    private final int nyu40;
    private final String function;
    private final Role role;
    private final boolean front;
    private final double[] size;
    private final List<Colour> colours;
    private final List<Material> materials;

    Category(String label, int nyu40, String function, Role role, boolean front, double[] size,
             List<Colour> colours, List<Material> materials) {
        this.label = label;
        this.nyu40 = nyu40;
        this.function = function;
        this.role = role;
        this.front = front;
        this.size = size;
        this.colours = colours;
        this.materials = materials;
    }

    /** The label objects of this category carry, e.g. {@code "coffee table"}. */
    public String label() { return label; }

    /** The NYU40 semantic id (1..40). */
    public int nyu40() { return nyu40; }

    /** What the object is for, e.g. {@code "for sleeping"}. */
    public String function() { return function; }

    public Role role() { return role; }

    /** Whether the object has a front that matters (chairs, sofas, screens) for {@code FACING}. */
    public boolean hasFront() { return front; }

    /** The colours an object of this category may have. */
    public List<Colour> colours() { return colours; }

    /** The materials an object of this category may be made of. */
    public List<Material> materials() { return materials; }

    /** Size range {@code {minW, maxW, minD, maxD, minH, maxH}} in metres (a copy). */
    public double[] sizeRange() { return size.clone(); }

    private static double[] r(double... v) {
        return v;
    }
}
