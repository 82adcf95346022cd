package io.r1kit.scene.scannet;

import io.r1kit.scene.SceneFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ScanNet's label maps: the 40 NYU classes by id, and (when the
 * {@code scannetv2-labels.combined.tsv} file is given) raw annotation categories to NYU40 ids.
 *
 * <pre>{@code
 * ScanNetLabels labels = ScanNetLabels.nyu40();
 * labels.nyu40Name(5);                // "chair"
 * ScanNetLabels.read(tsv).nyu40Id("office chair");  // Optional[5]
 * }</pre>
 */
public final class ScanNetLabels {

    /** NYU40 class names; index i holds the name of id i + 1 (ids are 1..40). */
    private static final List<String> NYU40 = List.of(
            "wall", "floor", "cabinet", "bed", "chair", "sofa", "table", "door", "window", "bookshelf",
            "picture", "counter", "blinds", "desk", "shelves", "curtain", "dresser", "pillow", "mirror", "floor mat",
            "clothes", "ceiling", "books", "refrigerator", "television", "paper", "towel", "shower curtain", "box",
            "whiteboard", "person", "night stand", "toilet", "sink", "lamp", "bathtub", "bag", "otherstructure",
            "otherfurniture", "otherprop");

    private final Map<String, Integer> rawToNyu40;

    private ScanNetLabels(Map<String, Integer> rawToNyu40) {
        this.rawToNyu40 = Map.copyOf(rawToNyu40);
    }

    /** The NYU40 names alone, with no raw-category map. */
    public static ScanNetLabels nyu40() {
        return new ScanNetLabels(Map.of());
    }

    /**
     * Reads {@code scannetv2-labels.combined.tsv}: a tab-separated file with a header naming at least
     * the columns {@code raw_category} and {@code nyu40id}.
     *
     * @throws SceneFormatException naming the file and line on a missing column or a bad id
     */
    public static ScanNetLabels read(Path tsv) throws IOException {
        Map<String, Integer> map = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new SceneFormatException(tsv, "file is empty (expected a header with raw_category and nyu40id)");
            }
            List<String> cols = List.of(header.split("\t", -1));
            int raw = cols.indexOf("raw_category");
            int nyu = cols.indexOf("nyu40id");
            if (raw < 0 || nyu < 0) {
                throw new SceneFormatException(tsv, "header lacks the columns raw_category and nyu40id: " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length <= Math.max(raw, nyu)) {
                    throw new SceneFormatException(tsv, "line " + lineNo + " has " + f.length + " columns, expected "
                            + cols.size());
                }
                try {
                    int id = Integer.parseInt(f[nyu].trim());
                    if (id < 0 || id > NYU40.size()) {
                        throw new SceneFormatException(tsv, "line " + lineNo + ": nyu40id " + id + " is outside 0..40");
                    }
                    map.put(normalise(f[raw]), id);
                } catch (NumberFormatException e) {
                    throw new SceneFormatException(tsv, "line " + lineNo + ": nyu40id '" + f[nyu] + "' is not a number");
                }
            }
        }
        return new ScanNetLabels(map);
    }

    /** The NYU40 class name of {@code id} (1..40), e.g. 5 gives {@code "chair"}. */
    public String nyu40Name(int id) {
        if (id < 1 || id > NYU40.size()) {
            throw new IllegalArgumentException("NYU40 id " + id + " is outside 1..40");
        }
        return NYU40.get(id - 1);
    }

    /** Whether {@code id} is a valid NYU40 id. */
    public static boolean isNyu40(int id) {
        return id >= 1 && id <= NYU40.size();
    }

    /** The NYU40 id of a raw ScanNet category (case and spacing ignored), if the map knows it. */
    public Optional<Integer> nyu40Id(String rawCategory) {
        return Optional.ofNullable(rawToNyu40.get(normalise(rawCategory)));
    }

    /** Number of raw categories this map knows. */
    public int rawCategoryCount() {
        return rawToNyu40.size();
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
