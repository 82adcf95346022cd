package io.r1kit.cot.tasks;

import io.r1kit.cot.tasks.TextReading.Kind;
import io.r1kit.scene.gen.Category;
import io.r1kit.scene.gen.Colour;
import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.Material;
import io.r1kit.scene.gen.Predicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words {@link TextReading} knows, as phrases of normalised words: labels and their plurals (and a
 * few synonyms: "fridge", "couch", "table"), colours, materials ("wooden"), the functions of the
 * categories, wall phrases as {@link Locator} writes them (and "the north wall", "the back wall", ...),
 * floor phrases, relation phrases, number words and "nothing".
 */
final class ReadingWords {

    /** Words read as one item of a kind, with its value. */
    record Phrase(List<String> words, Kind kind, Object value) {}

    /** The number words zero..twenty. */
    static final Map<String, Integer> NUMBERS = numbers();
    private static final Map<String, List<Phrase>> PHRASES = phrases();

    private ReadingWords() {}

    /** Whether {@code w} can open a mention (a label, colour or material). */
    static boolean names(String w) {
        return PHRASES.getOrDefault(w, List.of()).stream()
                .anyMatch(p -> p.kind() == Kind.MENTION || p.kind() == Kind.COLOUR || p.kind() == Kind.MATERIAL);
    }

    /** The longest phrase that starts at word {@code i}, or null. */
    static Phrase longest(List<String> words, int i) {
        for (Phrase p : PHRASES.getOrDefault(words.get(i), List.of())) {
            int n = p.words().size();
            if (i + n <= words.size() && words.subList(i, i + n).equals(p.words())) {
                return p;
            }
        }
        return null;
    }

    /** The text as words: lower case, no boxes or tags, contractions opened, punctuation as "." and ",", no articles. */
    static List<String> words(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        s = s.replaceAll("<obj>.*?</obj>", " ").replaceAll("<[^>]*>", " . ");
        s = s.replaceAll("\\b(it|that|there|what|here|where|who)'s\\b", "$1 is").replaceAll("\\bcan't\\b", "can not")
                .replaceAll("\\bwon't\\b", "will not").replaceAll("n't\\b", " not").replaceAll("'re\\b", " are")
                .replaceAll("'(s|ll|ve|d|m)\\b", "").replace("'", "");
        s = s.replaceAll("[.;:!?]+", " . ").replace(",", " , ").replaceAll("[^a-z0-9., ]", " ");
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (w.isEmpty() || w.equals("the") || w.equals("a") || w.equals("an")) {
                continue;
            }
            if (w.matches("\\d+")) {
                w = w.length() < 4 ? Phrasing.number(Integer.parseInt(w)) : w;
            }
            out.add(w);
        }
        return out;
    }

    private static Map<String, Integer> numbers() {
        Map<String, Integer> out = new HashMap<>();
        for (int n = 0; n <= 20; n++) {
            out.put(Phrasing.number(n), n);
        }
        return Map.copyOf(out);
    }

    private static Map<String, List<Phrase>> phrases() {
        List<Phrase> all = new ArrayList<>();
        Map<String, Set<String>> labels = new HashMap<>();
        for (Category c : Category.values()) {
            labels.computeIfAbsent(c.label(), k -> new LinkedHashSet<>()).add(c.label());
            labels.computeIfAbsent(Phrasing.plural(c.label()), k -> new LinkedHashSet<>()).add(c.label());
        }
        String[][] synonyms = {{"table", "coffee table", "dining table"}, {"tables", "coffee table", "dining table"},
            {"counter", "kitchen counter"}, {"counters", "kitchen counter"}, {"fridge", "refrigerator"},
            {"fridges", "refrigerator"}, {"television", "tv"}, {"book", "books"}, {"couch", "sofa"}, {"sofas", "sofa"},
            {"bin", "trash can"}, {"trash bin", "trash can"}, {"bookcase", "bookshelf"}, {"night stand", "nightstand"},
            {"bedside table", "nightstand"}, {"cupboard", "cabinet"}, {"carpet", "rug"}, {"armchair", "chair"},
            {"armchairs", "chair"}, {"doors", "door"}};
        for (String[] syn : synonyms) {
            labels.computeIfAbsent(syn[0], k -> new LinkedHashSet<>()).addAll(Arrays.asList(syn).subList(1, syn.length));
        }
        labels.forEach((w, l) -> all.add(new Phrase(words(w), Kind.MENTION, Set.copyOf(l))));
        for (Colour c : Colour.values()) {
            all.add(new Phrase(List.of(c.word()), Kind.COLOUR, c));
        }
        all.add(new Phrase(List.of("gray"), Kind.COLOUR, Colour.GREY));
        for (Material m : Material.values()) {
            all.add(new Phrase(List.of(m.word()), Kind.MATERIAL, m));
        }
        all.add(new Phrase(List.of("wooden"), Kind.MATERIAL, Material.WOOD));
        all.add(new Phrase(List.of("metallic"), Kind.MATERIAL, Material.METAL));
        for (String f : Arrays.stream(Category.values()).map(Category::function).distinct().toList()) {
            List<String> core = words(f).subList(1, words(f).size());
            List<String> alt = core.size() > 1 && Set.of("at", "on").contains(core.get(core.size() - 1))
                    ? core.subList(0, core.size() - 1) : core;
            for (List<String> form : List.of(core, alt)) {
                List<String> with = new ArrayList<>(List.of("for"));
                with.addAll(form);
                all.add(new Phrase(with, Kind.FUNCTION, f));
                if (form.size() > 1) {
                    all.add(new Phrase(form, Kind.FUNCTION, f));
                }
            }
        }
        String[][] walls = {{"NORTH", "far wall", "wall opposite door", "back wall", "opposite wall", "north wall",
            "wall facing door", "wall across from door"},
            {"SOUTH", "near wall", "wall behind you as you come in", "wall behind you", "wall with door", "door wall",
                "front wall", "south wall", "entrance wall"},
            {"WEST", "left wall", "wall on left as you come in", "wall on left", "left hand wall", "west wall",
                "left side wall"},
            {"EAST", "right wall", "wall on right as you come in", "wall on right", "right hand wall", "east wall",
                "right side wall"}};
        for (String[] wall : walls) {
            for (String phrase : Arrays.asList(wall).subList(1, wall.length)) {
                for (String prep : List.of("", "against ", "along ", "by ", "in ", "on ", "at ", "near ", "next to ",
                        "beside ", "to ")) {
                    all.add(new Phrase(words(prep + phrase), Kind.WALL, Direction.valueOf(wall[0])));
                }
            }
        }
        for (String f : List.of("free standing on floor", "free standing on ground", "free standing", "freestanding",
                "standing free")) {
            all.add(new Phrase(words(f), Kind.FLOOR, true));
        }
        for (String f : List.of("on floor", "on ground", "on floor of room")) {
            all.add(new Phrase(words(f), Kind.FLOOR, false));
        }
        Object[][] relations = {{Predicate.ON, "on", "on top of", "atop", "upon"},
            {Predicate.UNDER, "under", "below", "beneath", "underneath"},
            {Predicate.NEXT_TO, "next to", "beside", "alongside"},
            {Predicate.LEFT_OF, "to left of", "left of", "on left of", "to left side of"},
            {Predicate.RIGHT_OF, "to right of", "right of", "on right of", "to right side of"},
            {Predicate.FACING, "facing", "faces", "face", "facing towards", "facing toward", "turned towards"}};
        for (Object[] rel : relations) {
            for (int k = 1; k < rel.length; k++) {
                all.add(new Phrase(words((String) rel[k]), Kind.RELATION, rel[0]));
            }
        }
        for (String n : List.of("nothing", "none", "no object", "no objects", "no thing", "no things", "not anything",
                "no items", "no item", "zero objects")) {
            all.add(new Phrase(words(n), Kind.NOTHING, n));
        }
        Map<String, List<Phrase>> byFirst = new HashMap<>();
        all.stream().sorted(Comparator.comparingInt((Phrase p) -> -p.words().size()))
                .forEach(p -> byFirst.computeIfAbsent(p.words().get(0), k -> new ArrayList<>()).add(p));
        return byFirst;
    }
}
