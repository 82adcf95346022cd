package io.r1kit.model.text;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * How {@link WordVocabulary#build} picks words. {@link #defaults()} is the one place the defaults live.
 *
 * <pre>{@code
 * VocabularyConfig c = VocabularyConfig.defaults().withMinCount(2);
 * VocabularyConfig.fromJson(c.toJson()).equals(c);   // true
 * }</pre>
 *
 * @param minCount fewest times a corpus word must occur to get its own id (rarer words read as {@code <|unk|>})
 * @param maxSize  most entries in the vocabulary, the fixed tokens included
 */
public record VocabularyConfig(int minCount, int maxSize) {

    private static final Gson GSON = new Gson();

    public VocabularyConfig {
        if (minCount < 1) {
            throw new IllegalArgumentException("--min-count must be at least 1 (a word seen once), got " + minCount);
        }
        if (maxSize < WordVocabulary.FIXED_SIZE) {
            throw new IllegalArgumentException("--max-size " + maxSize + " is below the " + WordVocabulary.FIXED_SIZE
                    + " fixed tokens (special, markup, roles, grid numbers 0..255); use at least " + WordVocabulary.FIXED_SIZE);
        }
    }

    /** Every word seen at least once, up to 8,192 entries: the data engine's corpus has far fewer. */
    public static VocabularyConfig defaults() {
        return new VocabularyConfig(1, 8192);
    }

    public VocabularyConfig withMinCount(int n) {
        return new VocabularyConfig(n, maxSize);
    }

    public VocabularyConfig withMaxSize(int n) {
        return new VocabularyConfig(minCount, n);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Reads {@link #toJson()}; a missing field is an error naming it. */
    public static VocabularyConfig fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        for (String f : new String[] {"minCount", "maxSize"}) {
            if (!o.has(f)) {
                throw new IllegalArgumentException("vocabulary config JSON lacks \"" + f + "\"");
            }
        }
        return new VocabularyConfig(o.get("minCount").getAsInt(), o.get("maxSize").getAsInt());
    }
}
