package io.r1kit.cot.tasks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Word choice for generated text: synonyms and templates picked by a seeded generator (so a model
 * cannot learn one sentence, yet the same seed gives the same text), numbers as words, plurals
 * and articles.
 */
public final class Phrasing {

    private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty"};

    private final SplittableRandom rng;   // null: always the first option

    public Phrasing(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    private Phrasing() {
        this.rng = null;
    }

    /**
     * Word choice without variety: every {@code pick} is its first option, for texts that are matched
     * exactly (a short answer scored by exact match must have one wording per meaning).
     */
    public static Phrasing canonical() {
        return new Phrasing();
    }

    /** One of {@code options}, uniformly. */
    @SafeVarargs
    public final <T> T pick(T... options) {
        return options[rng == null ? 0 : rng.nextInt(options.length)];
    }

    /** One element of a non-empty list, uniformly. */
    public <T> T pick(List<T> options) {
        return options.get(rng == null ? 0 : rng.nextInt(options.size()));
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return rng != null && rng.nextDouble() < p;
    }

    /** A uniform int in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return rng == null ? 0 : rng.nextInt(bound);
    }

    /** {@code n} in words up to twenty, digits above. */
    public static String number(int n) {
        return n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
    }

    /** The plural of a label: {@code bookshelf -> bookshelves}, {@code books -> books}, {@code bench -> benches}. */
    public static String plural(String label) {
        if (label.endsWith("shelf")) {
            return label.substring(0, label.length() - 1) + "ves";
        }
        if (label.endsWith("s")) {
            return label;
        }
        if (label.endsWith("ch") || label.endsWith("sh") || label.endsWith("x")) {
            return label + "es";
        }
        return label + "s";
    }

    /** {@code "one chair"}, {@code "three chairs"}; a plural label counts sets: {@code "one set of books"}. */
    public static String counted(int n, String label) {
        if (label.endsWith("s") && !label.endsWith("ss")) {
            return number(n) + (n == 1 ? " set of " : " sets of ") + label;
        }
        return number(n) + " " + (n == 1 ? label : plural(label));
    }

    /** {@code phrase} with "a" or "an" before it, by its first letter. */
    public static String article(String phrase) {
        return ("aeiou".indexOf(Character.toLowerCase(phrase.charAt(0))) >= 0 ? "an " : "a ") + phrase;
    }

    /** The text with its first letter in upper case. */
    public static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** {@code "a"}, {@code "a and b"}, {@code "a, b and c"}. */
    public static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
