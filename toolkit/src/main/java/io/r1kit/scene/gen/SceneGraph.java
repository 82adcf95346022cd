package io.r1kit.scene.gen;

import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a generated room holds, as data beside its points: the room kind and size, the objects
 * (with colour, material, function, support, wall) and the relations between them.
 *
 * <pre>{@code
 * SceneGraph g = new SceneGenerator().generate(RoomKind.BEDROOM, 7).graph();
 * g.count("pillow");                              // how many pillows the bedroom has
 * g.objects("chair", Colour.RED);                 // the red chairs
 * g.holds(lampId, Predicate.ON, nightstandId);    // true
 * SceneGraph.fromJson(g.toJson()).equals(g);      // true
 * }</pre>
 *
 * @param kind      the kind of room
 * @param width     room extent along x (m)
 * @param depth     room extent along y (m); the door is in the wall at {@code y = 0}
 * @param height    room extent along z (m)
 * @param objects   the objects, ids 1..n in order
 * @param relations the relations that hold, see {@link Relations} for their definitions
 */
public record SceneGraph(RoomKind kind, float width, float depth, float height, List<RoomObject> objects,
                         List<Relation> relations) {

    private static final Gson GSON = new Gson();

    public SceneGraph {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(relations, "relations");
        objects = List.copyOf(objects);
        relations = List.copyOf(relations);
        if (!(width > 0 && depth > 0 && height > 0)) {
            throw new IllegalArgumentException("room size " + width + " x " + depth + " x " + height + " is not positive");
        }
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).id() != i + 1) {
                throw new IllegalArgumentException("object at position " + i + " has id " + objects.get(i).id()
                        + ", expected " + (i + 1));
            }
        }
        for (Relation r : relations) {
            if (r.subject() < 1 || r.subject() > objects.size() || r.object() < 1 || r.object() > objects.size()) {
                throw new IllegalArgumentException("relation " + r + " names an object outside 1.." + objects.size());
            }
        }
    }

    /** The object with this id. */
    public Optional<RoomObject> object(int id) {
        return id >= 1 && id <= objects.size() ? Optional.of(objects.get(id - 1)) : Optional.empty();
    }

    /** Number of objects carrying {@code label}. */
    public int count(String label) {
        return objects(label).size();
    }

    /** Number of objects per label, labels in alphabetical order. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        objects.forEach(o -> counts.merge(o.label(), 1, Integer::sum));
        return counts;
    }

    /** The objects carrying {@code label}, in id order. */
    public List<RoomObject> objects(String label) {
        return objects.stream().filter(o -> o.label().equals(label)).toList();
    }

    /** The objects carrying {@code label} with colour {@code colour}, in id order. */
    public List<RoomObject> objects(String label, Colour colour) {
        return objects.stream().filter(o -> o.label().equals(label) && o.colour() == colour).toList();
    }

    /** The relations whose subject is object {@code id}. */
    public List<Relation> relationsOf(int id) {
        return relations.stream().filter(r -> r.subject() == id).toList();
    }

    /** Whether {@code subject predicate object} is among the relations. */
    public boolean holds(int subject, Predicate predicate, int object) {
        return relations.contains(new Relation(subject, predicate, object));
    }

    /** The objects {@code expr} describes, in id order. */
    public List<RoomObject> resolve(ReferringExpression expr) {
        List<RoomObject> out = new ArrayList<>();
        Set<Integer> anchors = expr.anchor() == null ? Set.of() : ids(resolve(expr.anchor()));
        for (RoomObject o : objects) {
            if (expr.matchesAttributes(o) && (expr.relation() == null || anchors.stream()
                    .anyMatch(a -> a != o.id() && holds(o.id(), expr.relation(), a)))) {
                out.add(o);
            }
        }
        return out;
    }

    /** The single object {@code expr} describes, or empty when it describes none or several. */
    public Optional<RoomObject> resolveUnique(ReferringExpression expr) {
        List<RoomObject> found = resolve(expr);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Whether {@code expr} picks out exactly one object. */
    public boolean isUnique(ReferringExpression expr) {
        return resolve(expr).size() == 1;
    }

    /** The graph as one line of JSON (enums by name, boxes as {@code cx, cy, cz, dx, dy, dz}). */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Reads a graph written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not such a graph
     */
    public static SceneGraph fromJson(String json) {
        try {
            SceneGraph g = GSON.fromJson(json, SceneGraph.class);
            if (g == null) {
                throw new IllegalArgumentException("scene graph JSON is empty");
            }
            return g;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage().startsWith("scene graph JSON")) {
                throw e;
            }
            // Gson wraps what the record constructors reject; report their reason, not the wrapper's.
            Throwable reason = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
                    reason = t;
                }
            }
            throw new IllegalArgumentException("scene graph JSON is not valid: " + firstLine(reason.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Set<Integer> ids(List<RoomObject> list) {
        Set<Integer> s = new HashSet<>();
        list.forEach(o -> s.add(o.id()));
        return s;
    }

    /** Number of relations per predicate (for summaries). */
    public Map<Predicate, Integer> predicateCounts() {
        Map<Predicate, Integer> m = new java.util.EnumMap<>(Predicate.class);
        relations.forEach(r -> m.merge(r.predicate(), 1, Integer::sum));
        return m;
    }
}
