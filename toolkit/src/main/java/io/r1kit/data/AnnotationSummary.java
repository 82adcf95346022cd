package io.r1kit.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many records an annotation file holds, for how many scenes, and how they spread over scenes.
 *
 * <pre>{@code
 * System.out.println(AnnotationSummary.read(Path.of("3d_llm_dialogue_filtered_val.sample.json")).toText());
 * // 3D-LLM: 60 records, 11 scenes (per scene: min 1, max 7, mean 5.5)
 * //   scene0605_00  7
 * //   ...
 * }</pre>
 *
 * @param format   the file's format
 * @param records  number of records
 * @param perScene records per scene id, sorted by scene id
 */
public record AnnotationSummary(AnnotationFormat format, int records, SortedMap<String, Integer> perScene) {

    public AnnotationSummary {
        Objects.requireNonNull(format, "format");
        perScene = Collections.unmodifiableSortedMap(new TreeMap<>(perScene));
        if (perScene.values().stream().mapToInt(Integer::intValue).sum() != records) {
            throw new IllegalArgumentException("per-scene counts do not add up to " + records);
        }
    }

    /** Counts {@code annotations} per scene. */
    public static AnnotationSummary of(AnnotationFormat format, List<? extends SceneAnnotation> annotations) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        annotations.forEach(a -> counts.merge(a.sceneId(), 1, Integer::sum));
        return new AnnotationSummary(format, annotations.size(), counts);
    }

    /**
     * Detects the format of {@code file} ({@link AnnotationFormat#detect}), reads it and counts.
     *
     * @throws DataFormatException if the format cannot be told or the file is malformed
     */
    public static AnnotationSummary read(Path file) throws IOException {
        AnnotationFormat format = AnnotationFormat.detect(file).orElseThrow(() -> new DataFormatException(file,
                "not a known annotation format (ScanRefer, Nr3D, ScanQA, SQA3D, 3D-LLM, Scene-30K)"));
        return of(format, format.read(file));
    }

    /** Number of distinct scenes. */
    public int scenes() {
        return perScene.size();
    }

    /** Human-readable: a headline, then one {@code scene count} line per scene. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(format.displayName()).append(": ").append(records).append(" records, ").append(scenes())
                .append(scenes() == 1 ? " scene" : " scenes");
        if (!perScene.isEmpty()) {
            var stats = perScene.values().stream().mapToInt(Integer::intValue).summaryStatistics();
            sb.append(String.format(java.util.Locale.ROOT, " (per scene: min %d, max %d, mean %.1f)",
                    stats.getMin(), stats.getMax(), stats.getAverage()));
        }
        sb.append('\n');
        perScene.forEach((scene, n) -> sb.append("  ").append(scene).append("  ").append(n).append('\n'));
        return sb.toString();
    }

    /** One JSON object: {@code {"format", "records", "scenes", "per_scene": {...}}}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", format.id());
        o.addProperty("records", records);
        o.addProperty("scenes", scenes());
        JsonObject counts = new JsonObject();
        perScene.forEach(counts::addProperty);
        o.add("per_scene", counts);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(o);
    }
}
