package io.r1kit.scene.gen;

import java.util.Objects;

/**
 * A generated room named as people type it, {@code KIND[:SEED]}: {@code "bedroom:7"},
 * {@code "living-room"} (seed {@value #DEFAULT_SEED}). KIND is a {@link RoomKind#slug()}. The
 * room is {@link SceneGenerator#generate(RoomKind, long)} of the kind and seed, so its scene id is
 * {@code KIND-SEED} ({@code "bedroom-0007"}) and its objects are the generator's labelled objects.
 *
 * <pre>{@code
 * RoomSpec spec = RoomSpec.parse("office:3");
 * spec.generate().scene().id();      // "office-0003"
 * RoomSpec.parse("garage");          // IllegalArgumentException: garage: unknown room kind (known: ...)
 * }</pre>
 *
 * @param kind the kind of room
 * @param seed the generator's seed
 */
public record RoomSpec(RoomKind kind, long seed) {

    /** The seed when the text gives none. */
    public static final long DEFAULT_SEED = 7;

    public RoomSpec {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The room named by {@code spec}, {@code KIND[:SEED]}.
     *
     * @throws IllegalArgumentException with one line starting with {@code spec} when KIND is not a
     *                                  room kind (the message lists the kinds) or SEED is not an integer
     */
    public static RoomSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        RoomKind k = RoomKind.fromSlug(colon < 0 ? spec : spec.substring(0, colon)).orElseThrow(() -> new IllegalArgumentException(
                spec + ": unknown room kind (known: " + String.join(", ", RoomKind.slugs()) + ")"));
        if (colon < 0) {
            return new RoomSpec(k, DEFAULT_SEED);
        }
        try {
            return new RoomSpec(k, Long.parseLong(spec.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(spec + ": the seed after ':' must be an integer", e);
        }
    }

    /** Whether {@code text} starts with a room kind, as {@code KIND} or {@code KIND:...} ({@link #parse} may still refuse its seed). */
    public static boolean names(String text) {
        int colon = text.indexOf(':');
        return RoomKind.fromSlug(colon < 0 ? text : text.substring(0, colon)).isPresent();
    }

    /**
     * The spec of the room whose scene id is {@code sceneId} ({@code KIND-SEED}, e.g. {@code "bedroom-0007"}
     * gives {@code bedroom:7}), or empty when the id names no generated room.
     */
    public static java.util.Optional<RoomSpec> ofSceneId(String sceneId) {
        for (RoomKind k : RoomKind.values()) {
            String prefix = k.slug() + "-";
            if (sceneId.startsWith(prefix) && sceneId.length() > prefix.length()
                    && sceneId.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
                try {
                    return java.util.Optional.of(new RoomSpec(k, Long.parseLong(sceneId.substring(prefix.length()))));
                } catch (NumberFormatException e) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The room, from a generator with {@link GeneratorConfig#defaults()}. */
    public GeneratedRoom generate() {
        return generate(new SceneGenerator());
    }

    /** The room, from {@code generator}. */
    public GeneratedRoom generate(SceneGenerator generator) {
        return generator.generate(kind, seed);
    }

    /** {@code KIND:SEED}, which {@link #parse} reads back, e.g. {@code "living-room:7"}. */
    @Override
    public String toString() {
        return kind.slug() + ":" + seed;
    }
}
