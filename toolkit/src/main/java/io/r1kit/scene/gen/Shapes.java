package io.r1kit.scene.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Each category as a composite of boxes ("parts") in local coordinates {@code {u0, v0, z0, u1, v1, z1}}:
 * {@code u} across the front in {@code [0, w]}, {@code v} from the front ({@code 0}) to the back
 * ({@code d}), {@code z} up in {@code [0, h]}. The parts of one object together span exactly
 * {@code [0, w] x [0, d] x [0, h]}, so the tight box around points sampled on them is the object's box.
 */
final class Shapes {

    private Shapes() {}

    static List<double[]> parts(Category c, double w, double d, double h) {
        List<double[]> p = new ArrayList<>();
        switch (c) {
            case BED -> {
                legs(p, w, d, 0.12, 0.06);
                p.add(box(0, 0, 0.12, w, d, 0.30));                                // frame
                p.add(box(0.02, 0.02, 0.30, w - 0.02, d - 0.02, h));               // mattress
            }
            case DESK, DINING_TABLE, COFFEE_TABLE -> {
                legs(p, w, d, h - 0.04, 0.05);
                p.add(box(0, 0, h - 0.04, w, d, h));                               // top
            }
            case NIGHTSTAND, TV_STAND, CABINET, COUNTER -> {
                p.add(box(0.02, 0.02, 0, w - 0.02, d, 0.08));                      // plinth
                p.add(box(0, 0.02, 0.08, w, d, h - 0.03));                         // body
                p.add(box(0.03, 0, 0.11, w - 0.03, 0.02, h - 0.06));               // door or drawer front
                p.add(box(0, 0, h - 0.03, w, d, h));                               // top
            }
            case WARDROBE, FRIDGE -> {
                p.add(box(0, 0.03, 0, w, d, h));                                   // body
                double split = c == Category.FRIDGE ? 0.35 * h : 0;
                if (split > 0) {
                    p.add(box(0.01, 0, 0.01, w - 0.01, 0.03, h - split - 0.01));   // fridge door
                    p.add(box(0.01, 0, h - split + 0.01, w - 0.01, 0.03, h - 0.01)); // freezer door
                } else {
                    p.add(box(0.01, 0, 0.01, w / 2 - 0.005, 0.03, h - 0.01));      // left door
                    p.add(box(w / 2 + 0.005, 0, 0.01, w - 0.01, 0.03, h - 0.01));  // right door
                }
            }
            case BOOKSHELF -> {
                double t = 0.02;
                p.add(box(0, 0, 0, t, d, h));                                      // sides
                p.add(box(w - t, 0, 0, w, d, h));
                p.add(box(t, d - t, 0, w - t, d, h));                              // back
                int boards = 2 + (int) Math.round(h / 0.4);
                for (int i = 0; i < boards; i++) {
                    double z = i * (h - t) / (boards - 1);
                    p.add(box(t, 0, z, w - t, d - t, z + t));                      // boards, bottom and top included
                }
            }
            case CHAIR -> {
                legs(p, w, d, 0.44, 0.04);
                p.add(box(0, 0, 0.44, w, d, 0.48));                                // seat
                p.add(box(0, d - 0.05, 0.48, w, d, h));                            // back
            }
            case SOFA -> {
                p.add(box(0.15, 0, 0, w - 0.15, d - 0.20, 0.42));                  // seat
                p.add(box(0, d - 0.20, 0, w, d, h));                               // back
                p.add(box(0, 0, 0, 0.15, d - 0.20, 0.62));                         // arms
                p.add(box(w - 0.15, 0, 0, w, d - 0.20, 0.62));
            }
            case STOVE -> {
                p.add(box(0, 0.02, 0, w, d, h - 0.01));                            // body
                p.add(box(0.05, 0, 0.15, w - 0.05, 0.02, h - 0.25));               // oven door
                p.add(box(0.08, 0.08, h - 0.01, w / 2 - 0.04, d / 2 - 0.04, h));   // burners
                p.add(box(w / 2 + 0.04, d / 2 + 0.04, h - 0.01, w - 0.08, d - 0.08, h));
            }
            case SINK -> {
                double top = 0.9;
                p.add(box(0, 0, 0, w, d, top - 0.15));                             // cabinet
                p.add(box(0, 0, top - 0.15, w, 0.1, top));                         // basin rim, front
                p.add(box(0, 0.1, top - 0.15, 0.1, d, top));                       // basin rim, sides and back
                p.add(box(w - 0.1, 0.1, top - 0.15, w, d, top));
                p.add(box(0.1, d - 0.12, top - 0.15, w - 0.1, d, top));
                p.add(box(w / 2 - 0.02, d - 0.1, top, w / 2 + 0.02, d - 0.06, h)); // tap
            }
            case FLOOR_LAMP, TABLE_LAMP -> {
                double shade = Math.min(0.35 * h, 0.3);
                p.add(box(0.15 * w, 0.15 * d, 0, 0.85 * w, 0.85 * d, 0.03));        // base
                p.add(box(0.45 * w, 0.45 * d, 0.03, 0.55 * w, 0.55 * d, h - shade)); // pole
                p.add(box(0, 0, h - shade, w, d, h));                              // shade
            }
            case PLANT -> {
                p.add(box(0.2 * w, 0.2 * d, 0, 0.8 * w, 0.8 * d, 0.3 * h));         // pot
                p.add(box(0, 0, 0.3 * h, w, d, h));                                // leaves
            }
            case TRASH_CAN -> {
                double t = 0.01;
                p.add(box(0, 0, 0, w, d, t));                                      // bottom
                p.add(box(0, 0, t, w, t, h));                                      // four walls, open top
                p.add(box(0, d - t, t, w, d, h));
                p.add(box(0, t, t, t, d - t, h));
                p.add(box(w - t, t, t, w, d - t, h));
            }
            case TV, MONITOR -> {
                p.add(box(0.3 * w, 0, 0, 0.7 * w, d, 0.02));                       // foot
                p.add(box(0.47 * w, d / 2, 0.02, 0.53 * w, d / 2 + 0.03, 0.12));    // neck
                p.add(box(0, d / 2 - 0.02, 0.12, w, d / 2 + 0.02, h));             // screen
            }
            case LAPTOP -> {
                p.add(box(0, 0, 0, w, d, 0.02));                                   // keyboard half
                p.add(box(0, d - 0.01, 0.02, w, d, h));                            // screen half, opened upright
            }
            case BOOKS -> {
                int n = h < 0.06 ? 1 : h < 0.09 ? 2 : 3;
                for (int i = 0; i < n; i++) {
                    double inset = i == 0 ? 0 : 0.01 * i;
                    p.add(box(inset, inset / 2, h * i / n, w - inset / 2, d - inset, h * (i + 1) / n));
                }
            }
            case MUG -> {
                p.add(box(0, 0, 0, w - 0.025, d, h));                              // cup
                p.add(box(w - 0.025, d / 2 - 0.01, 0.02, w, d / 2 + 0.01, h - 0.02)); // handle
            }
            case MICROWAVE -> {
                p.add(box(0, 0.02, 0, w, d, h));                                   // body
                p.add(box(0.02, 0, 0.02, 0.7 * w, 0.02, h - 0.02));                // door window
            }
            case DOOR -> {
                p.add(box(0, d - 0.04, 0, w, d, h));                               // panel
                p.add(box(0.80 * w, 0, 0.95, 0.90 * w, d - 0.04, 1.0));            // handle
            }
            case PILLOW, RUG -> p.add(box(0, 0, 0, w, d, h));
        }
        return p;
    }

    /** Four square legs of side {@code t} and height {@code h} at the corners. */
    private static void legs(List<double[]> p, double w, double d, double h, double t) {
        p.add(box(0, 0, 0, t, t, h));
        p.add(box(w - t, 0, 0, w, t, h));
        p.add(box(0, d - t, 0, t, d, h));
        p.add(box(w - t, d - t, 0, w, d, h));
    }

    private static double[] box(double u0, double v0, double z0, double u1, double v1, double z1) {
        return new double[] {u0, v0, z0, u1, v1, z1};
    }
}
