package io.r1kit.view;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a query and of object labels, normalised so they can be matched: lower case,
 * letters only, function words dropped, a few synonyms mapped to the ScanNet/NYU40 label word
 * ({@code fridge -> refrigerator}, {@code couch -> sofa}), and plurals to singular
 * ({@code chairs -> chair}, {@code shelves -> shelf}, {@code bodies -> body}). Colour words are kept
 * apart ({@link #colours()}): S_clip uses them, S_text does not.
 *
 * <p>This is a word-overlap text similarity, the one the toolkit has without a text encoder; it
 * knows no paraphrase beyond the synonym list. "object" and "thing" are function words here: they
 * name no category, and object proposals, which have no class, are all labelled {@code object}
 * ({@link io.r1kit.scene.proposal.Proposals#LABEL}), so a query never names a proposal.
 *
 * <pre>{@code
 * QueryText q = QueryText.of("Where are the white fridges?");
 * q.words();                       // [refrigerator]
 * q.colours();                     // [white]
 * q.relevance("refrigerator");     // 1.0
 * q.relevance("kitchen cabinet");  // 0.0
 * }</pre>
 */
public final class QueryText {

    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "is", "are", "was",
            "be", "it", "its", "this", "that", "these", "those", "there", "where", "what", "which", "who", "how", "many",
            "much", "find", "show", "me", "and", "or", "with", "by", "for", "from", "near", "next", "i", "you", "my",
            "can", "do", "does", "see", "look", "please", "some", "any", "one", "room", "scene", "object", "thing");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("fridge", "refrigerator"), Map.entry("couch", "sofa"), Map.entry("settee", "sofa"),
            Map.entry("television", "tv"), Map.entry("bookcase", "bookshelf"), Map.entry("wastebasket", "trash"),
            Map.entry("bin", "trash"), Map.entry("garbage", "trash"), Map.entry("wc", "toilet"),
            Map.entry("armchair", "chair"), Map.entry("stool", "chair"), Map.entry("drapes", "curtain"),
            Map.entry("drape", "curtain"), Map.entry("cupboard", "cabinet"), Map.entry("closet", "wardrobe"),
            Map.entry("gray", "grey"), Map.entry("basin", "sink"), Map.entry("worktop", "counter"));
    /** Basic colour words S_clip understands (see {@link ColourNames}). */
    static final List<String> COLOUR_WORDS = List.of("black", "white", "grey", "red", "green", "blue", "yellow",
            "brown", "orange", "pink", "purple");
    // Words ending in -s that are not plurals.
    private static final Set<String> KEEP_S = Set.of("glass", "bus", "lens", "gas", "canvas", "dress", "mattress",
            "chess", "boss", "class", "grass", "tennis", "this", "his", "is", "was", "does", "ss");

    private final Set<String> words;
    private final Set<String> colours;

    private QueryText(Set<String> words, Set<String> colours) {
        this.words = words;
        this.colours = colours;
    }

    /** The normalised words of {@code text}. */
    public static QueryText of(String text) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> colours = new LinkedHashSet<>();
        for (String w : tokens(text)) {
            if (COLOUR_WORDS.contains(w)) {
                colours.add(w);
            } else {
                words.add(w);
            }
        }
        return new QueryText(Set.copyOf(words), Set.copyOf(colours));
    }

    /** Normalised content words of {@code text} (stop words dropped, synonyms and plurals mapped), in order. */
    public static List<String> tokens(String text) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (raw.isEmpty() || STOP.contains(raw)) {
                continue;
            }
            String w = SYNONYMS.getOrDefault(raw, raw);
            w = SYNONYMS.getOrDefault(singular(w), singular(w));
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static String singular(String w) {
        if (w.length() <= 3 || KEEP_S.contains(w) || !w.endsWith("s") || w.endsWith("ss")) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ves")) {
            return w.substring(0, w.length() - 3) + "f";
        }
        if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses")) {
            return w.substring(0, w.length() - 2);
        }
        return w.substring(0, w.length() - 1);
    }

    /** Content words (no colour words). */
    public Set<String> words() { return words; }

    /** Colour words the query names. */
    public Set<String> colours() { return colours; }

    /**
     * How much the query names this label: the share of the label's words that are query words, in
     * [0, 1] ({@code "kitchen counter"} against "the counter" is 0.5); 0 for an empty label.
     */
    public double relevance(String label) {
        List<String> lw = tokens(label);
        if (lw.isEmpty()) {
            return 0;
        }
        long hit = lw.stream().distinct().filter(words::contains).count();
        return hit / (double) lw.stream().distinct().count();
    }

    @Override
    public String toString() {
        return "QueryText[words=" + words + ", colours=" + colours + "]";
    }
}
