package io.r1kit.scene.gen;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of room {@link SceneGenerator} furnishes. Each has core furniture that every room of
 * the kind holds (listed per constant) and optional furniture and small objects added at random.
 */
public enum RoomKind {
    /** Door, bed with pillows, nightstand, wardrobe; maybe lamps, rug, desk and chair, plant, bookshelf. */
    BEDROOM,
    /** Door, sofa, coffee table, tv stand with a tv; maybe rug, armchairs, bookshelves, plants, lamp. */
    LIVING_ROOM,
    /** Door, refrigerator, kitchen counter, stove, sink, dining table with chairs, trash can; maybe microwave, mugs. */
    KITCHEN,
    /** Door, desks each with a chair, a monitor on the first desk, bookshelf, trash can; maybe cabinets, plants. */
    OFFICE;

    /** The name used in scene ids, e.g. {@code "living-room"}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name used in text, e.g. {@code "living room"}. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The kind whose {@link #slug()} is {@code slug}, e.g. {@code "living-room"}; empty for any other text. */
    public static Optional<RoomKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug().equals(slug)).findFirst();
    }

    /** Every kind's {@link #slug()}, in declaration order: bedroom, living-room, kitchen, office. */
    public static List<String> slugs() {
        return Arrays.stream(values()).map(RoomKind::slug).toList();
    }
}
