package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Colour;
import io.r1kit.scene.gen.Material;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text read for {@link FactCheck}, in the words the task generators use. The text is put in lower
 * case, boxes and tags are dropped, contractions opened ({@code it's -> it is}, {@code isn't -> is not}),
 * digits read as numbers, articles dropped and plurals of labels read as the label. The words are then
 * grouped, longest phrase first, into items: object mentions ({@code "two black chairs"} is one
 * mention with its count, colour, material and label), wall phrases ({@code "against the wall opposite
 * the door"}), floor phrases, relation phrases ({@code "to the left of"}, {@code "on top of"}),
 * colours, materials, functions ({@code "for sleeping"}), numbers, yes, no, negations, "nothing",
 * pronouns, commas and other words. Sentences end at {@code . ; : ! ?}.
 *
 * <p>{@link #subjects} says of whom a phrase is said, {@link #objectAfter} what a relation points at.
 */
final class TextReading {

    /** What an item is. */
    enum Kind {
        MENTION, PRONOUN, RELATION, WALL, FLOOR, COLOUR, MATERIAL, FUNCTION, NUMBER, YES, NO, NOTHING, NEG, COMMA, WORD
    }

    /** An object named in the text: the labels the words fit, colour, material and count when given. */
    record Mention(Set<String> labels, Colour colour, Material material, Integer count, boolean negated) {}

    /**
     * One item of a sentence; {@code value} is a Mention, Predicate, Direction (wall), Colour, Material,
     * function text, Integer, free-standing flag (floor) or the word itself.
     */
    record Item(Kind kind, int sentence, Object value) {
        Mention mention() {
            return (Mention) value;
        }

        boolean is(Kind k, Object v) {
            return kind == k && value.equals(v);
        }
    }

    /** Who a phrase is said of: a mention, the text's own subject (the object the question asks about), or nothing. */
    record Ref(Mention mention, boolean nothing) {
        static final Ref OWN = new Ref(null, false);
        static final Ref NONE = new Ref(null, true);
    }

    private static final Set<String> LINKS = Set.of("is", "are", "was", "were", "be", "been", "being", "stands", "stand",
            "standing", "stood", "sits", "lies", "lying", "rests", "resting", "placed", "located", "positioned", "situated",
            "kept", "found", "can", "there", "free", "just", "right", "directly", "also", "still", "too", "made", "of",
            "material", "colour", "color", "painted", "coloured", "looks", "appears", "seems", "used", "both", "all",
            "here", "or", "dark", "light", "bright", "pale");
    private static final Set<Kind> VALUES = Set.of(Kind.WALL, Kind.FLOOR, Kind.FUNCTION, Kind.COLOUR, Kind.MATERIAL);
    static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "stands", "stand", "sits", "lies", "rests");
    private static final Set<String> CLAUSE_STARTS = Set.of("and", "so", "then", "but", "because", "while", "since",
            "where");

    final List<Item> items = new ArrayList<>();

    private TextReading() {}

    /** Reads {@code text}. */
    static TextReading of(String text) {
        TextReading r = new TextReading();
        List<String> words = ReadingWords.words(text);
        int sentence = 0;
        for (int i = 0; i < words.size(); ) {
            String w = words.get(i);
            if (w.equals(".")) {
                sentence++;
                i++;
                continue;
            }
            ReadingWords.Phrase p = ReadingWords.longest(words, i);
            if (p != null) {
                r.add(p, sentence);
                i += p.words().size();
            } else {
                r.word(w, sentence, r.items.isEmpty(), i + 1 < words.size() ? words.get(i + 1) : ".");
                i++;
            }
        }
        return r;
    }

    /** Whether the text names any object. */
    boolean mentionsAny() {
        return items.stream().anyMatch(it -> it.kind() == Kind.MENTION);
    }

    /**
     * Of whom the phrase at {@code i} is said: the mentions right before it, with only linking words
     * between ({@code "the chair is"}, {@code "a lamp and a mug stand"}); the head of a referring
     * expression before a copula ({@code "the chair next to the desk is"} is said of the chair); what
     * {@code which} follows; the topic for a pronoun that opens a clause or for a phrase that opens a
     * sentence ({@code "by the left wall"}). Empty when a verb comes first ({@code "sit on the sofa"}).
     */
    List<Ref> subjects(int i) {
        List<Ref> out = new ArrayList<>();
        int s = items.get(i).sentence();
        boolean copula = false;
        boolean comma = false;
        for (int j = i - 1; j >= 0 && items.get(j).sentence() == s; j--) {
            Item it = items.get(j);
            switch (it.kind()) {
                case WORD -> {
                    String w = (String) it.value();
                    boolean between = w.equals("and") && j > 0 && VALUES.contains(items.get(j - 1).kind());
                    if (LINKS.contains(w) || between) { // "black and white", "black or brown": both said of one subject
                        copula |= COPULAS.contains(w);
                    } else {
                        return out;
                    }
                }
                case COMMA -> comma = true;
                case WALL, FLOOR, FUNCTION, COLOUR, MATERIAL -> { } // "a chair on the floor, for sitting on"
                case MENTION -> {
                    if ((copula || comma) && j >= 2 && items.get(j - 1).kind() == Kind.RELATION
                            && items.get(j - 2).sentence() == s
                            && (items.get(j - 2).kind() == Kind.MENTION || items.get(j - 2).kind() == Kind.PRONOUN)) {
                        j--; // the mention ends a referring expression: go on to its head
                        continue;
                    }
                    out.add(new Ref(it.mention(), false));
                    boolean list = j >= 2 && items.get(j - 2).kind() == Kind.MENTION && items.get(j - 2).sentence() == s
                            && (items.get(j - 1).kind() == Kind.COMMA || items.get(j - 1).is(Kind.WORD, "and"));
                    if (!list) {
                        return out;
                    }
                    j--;
                }
                case PRONOUN -> {
                    if (it.value().equals("which")) {
                        out.add(before(j));
                    } else if (opensClause(j)) {
                        out.add(topic(j));
                    }
                    return out;
                }
                case NOTHING -> {
                    out.add(Ref.NONE);
                    return out;
                }
                case YES, NO -> {
                    out.add(topic(j));
                    return out;
                }
                default -> {
                    return out;
                }
            }
        }
        out.add(topic(i));
        return out;
    }

    /** What the relation at {@code i} points at: the mention or pronoun right after it, or null. */
    Ref objectAfter(int i) {
        if (i + 1 >= items.size() || items.get(i + 1).sentence() != items.get(i).sentence()) {
            return null;
        }
        Item next = items.get(i + 1);
        if (next.kind() == Kind.MENTION) {
            return new Ref(next.mention(), false);
        }
        if (next.kind() == Kind.PRONOUN) {
            return next.value().equals("which") ? before(i + 1) : topic(i + 1);
        }
        return null;
    }

    /** The text's topic as seen from item {@code j}: its first mention in an earlier sentence, else its own subject. */
    Ref topic(int j) {
        int s = items.get(j).sentence();
        return items.stream().filter(it -> it.kind() == Kind.MENTION && it.sentence() < s).findFirst()
                .map(it -> new Ref(it.mention(), false)).orElse(Ref.OWN);
    }

    /** What "which" at {@code j} stands for: the mention before it, or the head of the referring expression it ends. */
    private Ref before(int j) {
        for (int k = j - 1; k >= 0; k--) {
            if (items.get(k).kind() == Kind.MENTION) {
                while (k >= 2 && items.get(k - 1).kind() == Kind.RELATION && items.get(k - 2).kind() == Kind.MENTION) {
                    k -= 2; // "the desk next to the chair, which ...": the desk
                }
                return new Ref(items.get(k).mention(), false);
            }
        }
        return Ref.OWN;
    }

    private boolean opensClause(int j) {
        if (j == 0 || items.get(j - 1).sentence() != items.get(j).sentence()) {
            return true;
        }
        Item prev = items.get(j - 1);
        return prev.kind() == Kind.COMMA || prev.kind() == Kind.YES || prev.kind() == Kind.NO
                || prev.kind() == Kind.WORD && CLAUSE_STARTS.contains((String) prev.value());
    }

    private void add(ReadingWords.Phrase p, int sentence) {
        if (p.kind() != Kind.MENTION) {
            items.add(new Item(p.kind(), sentence, p.value()));
            return;
        }
        // fold the words before a label into its mention: count, "set of", colour, material, negation
        Material material = take(Kind.MATERIAL, sentence) instanceof Material m ? m : null;
        Colour colour = take(Kind.COLOUR, sentence) instanceof Colour c ? c : null;
        if (material == null && colour != null) {
            material = take(Kind.MATERIAL, sentence) instanceof Material m ? m : null;
        }
        if (tail(sentence) != null && tail(sentence).is(Kind.WORD, "of") && items.size() >= 2
                && Set.of("set", "sets", "pair", "pairs").contains(String.valueOf(items.get(items.size() - 2).value()))) {
            items.remove(items.size() - 1);
            items.remove(items.size() - 1);
        }
        Integer count = take(Kind.NUMBER, sentence) instanceof Integer n ? n : null;
        boolean negated = false;
        for (int k = items.size() - 1, seen = 0; k >= 0 && seen < 3 && items.get(k).sentence() == sentence; k--, seen++) {
            Item it = items.get(k);
            if (it.kind() == Kind.NEG) {
                negated = true;
                break;
            }
            if (it.kind() != Kind.WORD || it.is(Kind.WORD, "and") || it.is(Kind.WORD, "but")) {
                break;
            }
        }
        @SuppressWarnings("unchecked") Set<String> labels = (Set<String>) p.value();
        negated |= count != null && count == 0;
        items.add(new Item(Kind.MENTION, sentence, new Mention(labels, colour, material, count, negated)));
    }

    private Item tail(int sentence) {
        return items.isEmpty() || items.get(items.size() - 1).sentence() != sentence ? null : items.get(items.size() - 1);
    }

    private Object take(Kind k, int sentence) {
        Item t = tail(sentence);
        if (t == null || t.kind() != k) {
            return null;
        }
        items.remove(items.size() - 1);
        return t.value();
    }

    private void word(String w, int sentence, boolean first, String next) {
        Kind k;
        Object v = w;
        if (ReadingWords.NUMBERS.containsKey(w) || w.matches("\\d{1,6}")) {
            k = Kind.NUMBER;
            v = ReadingWords.NUMBERS.getOrDefault(w, w.matches("\\d+") ? Integer.parseInt(w) : 0);
        } else if (Set.of("yes", "yeah", "yep", "yup").contains(w)) {
            k = Kind.YES;
        } else if (w.equals("nope") || w.equals("no") && first && !ReadingWords.names(next)) {
            k = Kind.NO;
        } else if (Set.of("no", "not", "never", "without").contains(w)) {
            k = Kind.NEG;
        } else if (Set.of("it", "its", "they", "them", "which").contains(w)) {
            k = Kind.PRONOUN;
        } else if (w.equals(",")) {
            k = Kind.COMMA;
        } else {
            k = Kind.WORD;
        }
        items.add(new Item(k, sentence, v));
    }

    /** Whether the value at {@code i} is denied: "not" or "no" before it, with only linking words between. */
    boolean denied(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4 && items.get(k).sentence() == items.get(i).sentence(); k--) {
            Item it = items.get(k);
            if (it.kind() == Kind.NEG) {
                return true;
            }
            if (it.kind() != Kind.WORD || !LINKS.contains((String) it.value())) {
                return false;
            }
        }
        return false;
    }
}
