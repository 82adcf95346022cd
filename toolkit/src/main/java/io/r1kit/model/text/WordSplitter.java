package io.r1kit.model.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the nano model's word-level tokenizer cuts text into words, in Java: the same rule that
 * {@link WordTokenizerJson} writes into {@code tokenizer.json} for the Hugging Face tokenizers to
 * apply, so that counting words here and encoding there agree.
 *
 * <p>First the {@linkplain WordVocabulary#FIXED_SPECIAL special} and {@linkplain WordVocabulary#MARKUP markup}
 * tokens are cut out whole, exactly as written; the rest is lower-cased and split into pieces that
 * are each a newline, a run of {@code #}, a run of digits, a run of letters or any other single
 * non-space character. Spaces and tabs are dropped. Newlines are kept: ChatML puts one after each role.
 *
 * <pre>{@code
 * WordSplitter.split("Step 1: <obj>12, 200</obj>")   // [step, 1, :, <obj>, 12, ",", 200, </obj>]
 * }</pre>
 */
public final class WordSplitter {

    /**
     * One piece of lower-cased text. The Hugging Face side runs this very pattern (Oniguruma, whose
     * {@code \p{L}}, {@code \p{N}} and {@code \s} agree with Java's on ASCII text).
     */
    static final String PIECE = "\\n|#+|\\p{N}+|\\p{L}+|[^\\s\\p{L}\\p{N}]";

    private static final Pattern PIECES = Pattern.compile(PIECE);
    private static final Pattern WHOLE;

    static {
        StringBuilder alt = new StringBuilder();
        for (String t : whole()) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(t));
        }
        WHOLE = Pattern.compile(alt.toString());
    }

    private WordSplitter() {}

    /** The words of {@code text} as the tokenizer sees them. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WHOLE.matcher(text);
        int from = 0;
        while (m.find()) {
            pieces(text.substring(from, m.start()), out);
            out.add(m.group());
            from = m.end();
        }
        pieces(text.substring(from), out);
        return out;
    }

    private static void pieces(String part, List<String> out) {
        Matcher m = PIECES.matcher(part.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
    }

    /** Tokens matched whole before lower-casing, longest first so that none hides another. */
    static List<String> whole() {
        List<String> all = new ArrayList<>(WordVocabulary.FIXED_SPECIAL);
        all.addAll(WordVocabulary.MARKUP);
        all.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        return all;
    }
}
