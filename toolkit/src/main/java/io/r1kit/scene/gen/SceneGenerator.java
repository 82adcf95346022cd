package io.r1kit.scene.gen;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.SceneSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates furnished rooms from a seed: the same seed and config give the same points, labels and
 * graph on every run.
 *
 * <pre>{@code
 * GeneratedRoom room = new SceneGenerator().generate(RoomKind.OFFICE, 7);
 * room.scene().id();                 // "office-0007"
 * room.scene().points().size();      // 40000
 * room.graph().count("chair");       // as many as the office has desks
 * }</pre>
 *
 * <p>Room coordinates: metres, z up, the room spanning {@code [0, width] x [0, depth] x [0, height]},
 * the door in the wall {@code y = 0}. Floor and walls are points with instance id 0 and NYU40
 * semantic ids 2 (floor) and 1 (wall); they are not objects. Objects have ids 1..n, their points
 * carry that instance id and their NYU40 semantic id, and their box is the tight box around them.
 */
public final class SceneGenerator {

    private static final int ROOM_TRIES = 50;
    /** Weight of floor and wall area against object area when sharing out the point budget. */
    private static final double STRUCTURE_WEIGHT = 0.35;
    private static final int FLOOR = 2;
    private static final int WALL = 1;
    private static final float[][] FLOOR_COLOURS = {{0.62f, 0.52f, 0.40f}, {0.55f, 0.55f, 0.55f}, {0.70f, 0.62f, 0.50f}};
    private static final float[][] WALL_COLOURS = {{0.90f, 0.90f, 0.88f}, {0.86f, 0.83f, 0.76f}, {0.80f, 0.85f, 0.88f}};

    private final GeneratorConfig config;

    /** A generator with {@link GeneratorConfig#defaults()}. */
    public SceneGenerator() {
        this(GeneratorConfig.defaults());
    }

    public SceneGenerator(GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public GeneratorConfig config() {
        return config;
    }

    /** A room of a kind chosen by the seed. */
    public GeneratedRoom generate(long seed) {
        RoomKind[] kinds = RoomKind.values();
        return generate(kinds[(int) Math.floorMod(new SplittableRandom(seed).nextLong(), (long) kinds.length)], seed);
    }

    /**
     * The room whose id is {@code sceneId}, {@code KIND-SEED} as {@link #generate(RoomKind, long)} names
     * it (e.g. {@code "living-room-0003"}): with the same config, the same room again.
     *
     * @throws IllegalArgumentException when the id does not name a generated room
     */
    public GeneratedRoom generate(String sceneId) {
        for (RoomKind kind : RoomKind.values()) {
            String prefix = kind.slug() + "-";
            if (sceneId.startsWith(prefix)) {
                try {
                    GeneratedRoom room = generate(kind, Long.parseLong(sceneId.substring(prefix.length())));
                    if (room.scene().id().equals(sceneId)) {
                        return room;
                    }
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("scene id \"" + sceneId + "\" is not KIND-SEED of a generated room (e.g. "
                + "office-0007; kinds: " + String.join(", ", RoomKind.slugs()) + ")");
    }

    /**
     * A room of {@code kind}.
     *
     * @throws IllegalStateException when the core furniture fits in none of 50 rooms drawn from the seed
     *                               (only possible with room sides near the smallest allowed)
     */
    public GeneratedRoom generate(RoomKind kind, long seed) {
        Objects.requireNonNull(kind, "kind");
        SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (kind.ordinal() + 1)));
        RoomPlanner plan = null;
        for (int t = 0; t < ROOM_TRIES && plan == null; t++) {
            RoomPlanner p = new RoomPlanner(uniform(rng, config.minRoomSide(), config.maxRoomSide()),
                    uniform(rng, config.minRoomSide(), config.maxRoomSide()), uniform(rng, 2.6, 3.0), rng,
                    config.maxObjects());
            if (new Furnisher(p).furnish(kind, config.minObjects())) {
                plan = p;
            }
        }
        if (plan == null) {
            throw new IllegalStateException("could not fit the core furniture of a " + kind.words() + " for seed "
                    + seed + " in " + ROOM_TRIES + " rooms; raise minRoomSide");
        }
        return build(kind, seed, plan, rng);
    }

    private GeneratedRoom build(RoomKind kind, long seed, RoomPlanner plan, SplittableRandom rng) {
        List<Placed> placed = plan.placed;
        int k = placed.size();
        List<List<double[]>> parts = new ArrayList<>();
        double[] weights = new double[k + 1];
        for (int i = 0; i < k; i++) {
            Placed o = placed.get(i);
            List<double[]> world = new ArrayList<>();
            for (double[] local : Shapes.parts(o.category(), o.width(), o.depth(), o.height())) {
                world.add(o.worldBox(local));
            }
            parts.add(world);
            weights[i] = SurfaceSampler.area(world);
        }
        double w = plan.width, d = plan.depth, h = plan.height;
        weights[k] = STRUCTURE_WEIGHT * (w * d + 2 * (w + d) * h);
        int[] minimum = new int[k + 1];
        Arrays.fill(minimum, 0, k, GeneratorConfig.MIN_POINTS_PER_OBJECT);
        int[] counts = share(config.pointBudget(), weights, minimum);

        int n = config.pointBudget();
        SurfaceSampler s = new SurfaceSampler(n, rng, config.colourNoise(), config.positionNoise());
        int[] instance = new int[n];
        int[] semantic = new int[n];
        List<SceneObject> objects = new ArrayList<>();
        List<RoomObject> nodes = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < k; i++) {
            Placed o = placed.get(i);
            Category c = o.category();
            s.sampleParts(parts.get(i), start, counts[i], new float[] {o.colour().r(), o.colour().g(), o.colour().b()});
            int[] idx = new int[counts[i]];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = start + j;
            }
            Arrays.fill(instance, start, start + counts[i], i + 1);
            Arrays.fill(semantic, start, start + counts[i], c.nyu40());
            Box3 box = Box3.around(s.xyz, idx);
            objects.add(new SceneObject(i + 1, c.label(), c.nyu40(), box, idx));
            nodes.add(new RoomObject(i + 1, c, c.label(), c.nyu40(), o.colour(), o.material(), box, o.facing(),
                    c.function(), o.support() + 1, o.wall()));
            start += counts[i];
        }
        structure(s, start, counts[k], semantic, plan, rng);

        SceneGraph graph = new SceneGraph(kind, (float) w, (float) d, (float) h, nodes, Relations.compute(nodes));
        String id = String.format(Locale.ROOT, "%s-%04d", kind.slug(), seed);
        SceneSource source = new SceneSource(null, "generated", List.of(
                String.format(Locale.ROOT, "generated %s, seed %d: %.2f x %.2f x %.2f m, %d objects, %d relations",
                        kind.words(), seed, w, d, h, k, graph.relations().size()),
                "floor and walls are points with instance 0 and semantic ids 2 (floor) and 1 (wall), not objects"));
        Scene scene = Scene.builder(id)
                .points(new PointCloud(s.xyz, s.rgb, config.normals() ? s.normals : null))
                .instanceLabels(instance).semanticLabels(semantic).objects(objects).source(source).build();
        return new GeneratedRoom(scene, graph);
    }

    /** Floor (minus what furniture covers) and the four walls' inner faces, from {@code start} to the end. */
    private static void structure(SurfaceSampler s, int start, int count, int[] semantic, RoomPlanner plan,
                                  SplittableRandom rng) {
        double w = plan.width, d = plan.depth, h = plan.height;
        float[] floorColour = FLOOR_COLOURS[rng.nextInt(FLOOR_COLOURS.length)];
        float[] wallColour = WALL_COLOURS[rng.nextInt(WALL_COLOURS.length)];
        List<double[]> covered = plan.placed.stream().filter(o -> o.minZ() < 0.05)
                .map(o -> new double[] {o.minX(), o.minY(), 0, o.maxX(), o.maxY(), 0}).toList();
        double[] areas = {w * d, w * h, w * h, d * h, d * h};
        int[] c = share(count, areas, new int[areas.length]);
        double[][] rects = {{0, 0, 0, w, d, 0}, {0, 0, 0, w, 0, h}, {0, d, 0, w, d, h}, {0, 0, 0, 0, d, h}, {w, 0, 0, w, d, h}};
        int[][] inward = {{0, 0, 1}, {0, 1, 0}, {0, -1, 0}, {1, 0, 0}, {-1, 0, 0}};
        int at = start;
        for (int r = 0; r < rects.length; r++) {
            s.sampleRect(rects[r], at, c[r], inward[r][0], inward[r][1], inward[r][2], r == 0 ? floorColour : wallColour,
                    r == 0 ? covered : List.of());
            Arrays.fill(semantic, at, at + c[r], r == 0 ? FLOOR : WALL);
            at += c[r];
        }
    }

    /**
     * Splits {@code total} into {@code minimum[i]} each plus the rest in proportion to {@code weights},
     * by largest remainder so the parts add up to {@code total} exactly.
     */
    static int[] share(int total, double[] weights, int[] minimum) {
        int m = weights.length;
        int[] out = minimum.clone();
        int rest = total - Arrays.stream(minimum).sum();
        double sum = Arrays.stream(weights).sum();
        double[] frac = new double[m];
        int given = 0;
        for (int i = 0; i < m; i++) {
            double exact = rest * weights[i] / sum;
            int whole = (int) Math.floor(exact);
            out[i] += whole;
            frac[i] = exact - whole;
            given += whole;
        }
        for (int left = rest - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < m; i++) {
                if (frac[i] > frac[best]) {
                    best = i;
                }
            }
            out[best]++;
            frac[best] = -1;
        }
        return out;
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }
}
