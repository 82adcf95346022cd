package io.r1kit.train;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Excerpt;
import io.r1kit.JsonFields;
import io.r1kit.StrictJson;
import io.r1kit.Utf8;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import io.r1kit.task.Task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * How training recipes (the records {@code SftConfig} and {@code GrpoConfig}) are written and read: keys
 * are the record's components in snake case, tasks by their command-line names. A recipe's defaults are
 * one resource, {@code defaults.json} beside the record's class, holding every key; a recipe file
 * overrides them key by key, an unknown key is refused with the list of known ones, and every error
 * names the file. The JSON a recipe writes is also what a run's provenance records as its {@code recipe}.
 */
public final class RecipeJson {

    /** The defaults resource, beside each recipe class. */
    public static final String DEFAULTS = "defaults.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(Task.class, (JsonSerializer<Task>) (t, type, ctx) -> new JsonPrimitive(t.slug()))
            .registerTypeAdapter(Task.class, (JsonDeserializer<Task>) (j, type, ctx) -> Task.fromSlug(j.getAsString()))
            .create();

    private RecipeJson() {}

    /**
     * A recipe's per-task map ({@code key}: a task's command-line name to a number), checked: each name is one of
     * {@code tasks} and each value passes {@code valid}, else {@code problem} (name, value) says what to give.
     *
     * @return the map unmodifiable and sorted by name; empty for null
     */
    public static Map<String, Integer> perTask(String key, List<Task> tasks, Map<String, Integer> values,
                                               IntPredicate valid, BiFunction<String, Integer, String> problem) {
        if (values == null) {
            return Map.of();
        }
        for (var e : values.entrySet()) {
            Task t = Task.fromSlug(e.getKey());   // names the known tasks when the key is none
            if (!tasks.contains(t)) {
                throw new IllegalArgumentException(key + " names task " + e.getKey() + ", which is not in tasks "
                        + tasks.stream().map(Task::slug).toList());
            }
            if (e.getValue() == null || !valid.test(e.getValue())) {
                throw new IllegalArgumentException(problem.apply(e.getKey(), e.getValue()));
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** {@code recipe} as pretty-printed JSON, every key. */
    public static String toJson(Record recipe) {
        return GSON.toJson(recipe);
    }

    /** {@code recipe} as a JSON object, every key (what provenance records). */
    public static JsonObject tree(Record recipe) {
        return GSON.toJsonTree(recipe).getAsJsonObject();
    }

    /**
     * The defaults of recipe {@code type}: its {@value #DEFAULTS} resource, which must name exactly the
     * record's components.
     *
     * @throws IllegalStateException when the resource is missing or does not match the record (a build defect)
     */
    public static <T extends Record> T defaults(Class<T> type) {
        String text;
        try (InputStream in = type.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(type.getSimpleName() + ": resource " + DEFAULTS + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        Set<String> components = Arrays.stream(type.getRecordComponents())
                .map(c -> FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES.translateName(field(type, c.getName())))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!components.equals(new TreeSet<>(o.keySet()))) {
            throw new IllegalStateException(type.getSimpleName() + " " + DEFAULTS + " has keys " + new TreeSet<>(o.keySet())
                    + ", the record " + components);
        }
        return GSON.fromJson(o, type);
    }

    private static java.lang.reflect.Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The recipe of {@code json}: the JSON of {@code defaults} with the given keys replaced, read into
     * {@code type} (whose constructor validates).
     *
     * @throws IllegalArgumentException naming an unknown key (and the known ones), a value of the wrong type,
     *                                  or the constructor's message for a value out of range
     */
    public static <T extends Record> T parse(String json, T defaults, Class<T> type) {
        JsonObject merged = tree(defaults);
        JsonElement parsed;
        try {
            parsed = StrictJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("a recipe is a JSON object, got " + JsonFields.show(parsed));
        }
        for (var e : parsed.getAsJsonObject().entrySet()) {
            if (!merged.has(e.getKey())) {
                throw new IllegalArgumentException("unknown key \"" + Excerpt.of(e.getKey()) + "\" (known: "
                        + String.join(", ", merged.keySet()) + ")");
            }
            merged.add(e.getKey(), e.getValue());
        }
        try {
            return GSON.fromJson(merged, type);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException) {
                    throw new IllegalArgumentException(t.getMessage(), e);
                }
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("a value has the wrong type: " + Excerpt.of(why, 200), e);
        }
    }

    /**
     * Checks a recipe key in its record's constructor.
     *
     * @throws IllegalArgumentException {@code "KEY must be at least MIN, got VALUE (WHAT)"}
     */
    public static void atLeast(String key, long value, long min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", got " + value + " (" + what + ")");
        }
    }

    /**
     * Checks that a named choice is one of {@code values}.
     *
     * @throws IllegalArgumentException {@code "KEY \"VALUE\" is none of [VALUES]"}, the value cut to a short excerpt
     */
    public static void oneOf(String key, String value, List<String> values) {
        if (!values.contains(value)) {
            throw new IllegalArgumentException(key + " \"" + Excerpt.of(String.valueOf(value)) + "\" is none of "
                    + values);
        }
    }

    /**
     * Reads a recipe file with {@code fromJson}; a missing file says how to write the defaults
     * ({@code r1kit train VERB --print-default-config}), any other error is prefixed with the file.
     */
    public static <T> T read(Path file, String verb, Function<String, T> fromJson) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not found (write the defaults with r1kit train " + verb
                    + " --print-default-config)");
        }
        try {
            return fromJson.apply(Utf8.decode(Files.readAllBytes(file)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
