package io.r1kit.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * METEOR's normalisation, synonym and paraphrase modules and alignment search on small tables written
 * here, with every expected score computed by hand. Agreement with the official jar on real data is
 * checked by {@code environment/check_coco.py}.
 */
class MeteorTest {

    private static final Set<String> FUNCTION = Set.of("the", "is", "to", "a");
    private static final String SYNSETS = "sofa\n1\ncouch\n1 7\nbig\n2\nlarge\n2\ngoose\n3\n";
    private static final String EXCEPTIONS = "goose\ngeese\n";
    private static final String PARAPHRASES = "0.5\nnext to\nbeside\n0.5\nbeside\nnext to\n0.4\nboxes\nbox\n";

    private static MeteorResources tables(boolean synonyms, boolean paraphrases) throws IOException {
        return MeteorResources.of(FUNCTION,
                synonyms ? MeteorSynonyms.read(reader(SYNSETS), reader(EXCEPTIONS)) : null,
                paraphrases ? MeteorParaphrases.read(reader(PARAPHRASES)) : null);
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }

    private static double score(MeteorResources data, String hyp, String... refs) {
        return Meteor.score(CaptionCorpus.pretokenized(Map.of("s", List.of(hyp)), Map.of("s", List.of(refs))), data)
                .score();
    }

    @Test
    void normalisationSplitsAsMeteorDoes() {
        MeteorNormalizer n = new MeteorNormalizer(Map.of("Dr", MeteorNormalizer.Abbreviation.ALWAYS));
        assertArrayEquals(new String[] {"a", "well", "lit", "room"}, n.tokens("a well-lit room"));
        assertArrayEquals(new String[] {"a", "b-c"}, n.tokens("a-b-c"), "only the first dash of a chain goes");
        assertArrayEquals(new String[] {"it", "'", "s", "the", "man", "'s", "tv"}, n.tokens("it 's the man's TV"));
        assertArrayEquals(new String[] {"at", "10", ":", "30", "3.5", "m"}, n.tokens("at 10:30 3.5 m"));
        assertArrayEquals(new String[] {"1,000", "chairs", ",", "yes"}, n.tokens("1,000 chairs,yes"));
        assertArrayEquals(new String[] {"the", "end", "."}, n.tokens("the end."));
        assertArrayEquals(new String[] {"us", "army", "dr.", "who", "wait", "..."}, n.tokens("U.S. army Dr. Who wait..."));
        assertEquals(0, n.tokens("").length);
    }

    @Test
    void synonymsMatchThroughSynsetsAndInflections() throws IOException {
        MeteorResources data = tables(true, false);
        // "the sofa" / "the couch": the (function, exact) and sofa~couch (content, synonym 0.8) in one
        // whole chunk: P = R = (0.75*0.8 + 0.25*1) / (0.75 + 0.25) = 0.85, no penalty.
        assertEquals(0.85, score(data, "the sofa", "the couch"), 1e-12);
        // Without synonyms only "the" matches: P = R = 0.25 / 1, one chunk of one word: Pen = 0.6.
        assertEquals(0.25 * 0.4, score(tables(false, false), "the sofa", "the couch"), 1e-12);
        // Irregular form from the exceptions list, regular plural by the "ches" -> "ch" rule.
        assertEquals(0.8, score(data, "geese", "goose"), 1e-12);
        assertEquals(0.8, score(data, "couches", "sofa"), 1e-12);
        assertEquals(0.0, score(data, "geese", "sofa"));
    }

    @Test
    void paraphrasesLinkPhrasesOfDifferentLengths() throws IOException {
        double s = score(tables(false, true), "the lamp is beside the bed", "the lamp is next to the bed");
        // Hypothesis: lamp, beside, bed content; the, is, the function. Reference: lamp, next, bed content;
        // the, is, to, the function. Exact links cover lamp, bed, the x2, is; "beside" ~ "next to"
        // (paraphrase, 0.6). One chunk, every word matched: no penalty.
        double p = (1.0 * (0.75 * 2 + 0.25 * 3) + 0.6 * (0.75 * 1)) / (0.75 * 3 + 0.25 * 3);
        double r = (1.0 * (0.75 * 2 + 0.25 * 3) + 0.6 * (0.75 * 1 + 0.25 * 1)) / (0.75 * 3 + 0.25 * 4);
        assertEquals(0.9, p, 1e-12);
        assertEquals(p * r / (0.85 * p + 0.15 * r), s, 1e-12);
    }

    @Test
    void aLoneContestedWordLinkLosesToSkippingIt() throws IOException {
        // "box" / "boxes": stem and paraphrase both propose the link, so the search decides; a one-word
        // non-exact link counts floor(0.5) = 0 and would open a chunk, so skipping wins: 0, as the jar.
        assertEquals(0.0, score(tables(false, true), "box", "boxes"));
        // With the stem module alone the link is uncontested and fixed: P = R = 0.6.
        assertEquals(0.6, score(tables(false, false), "box", "boxes"), 1e-12);
        // Next to an exact match it joins that chunk at no cost: P = R = (1 + 0.6) / 2.
        assertEquals(0.8, score(tables(false, true), "red box", "red boxes"), 1e-12);
    }

    @Test
    void corpusLeavesOutTheChunkOfWholeMatches() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        Map<String, List<String>> g = new LinkedHashMap<>();
        p.put("a", List.of("red chair"));
        g.put("a", List.of("red chair"));
        p.put("b", List.of("chair red"));
        g.put("b", List.of("red chair"));
        MetricScore m = Meteor.score(CaptionCorpus.pretokenized(p, g), MeteorResources.builtIn());
        // Summed: 4 of 4 words matched on each side, P = R = 1; chunks 2 (b's two, not a's one).
        assertEquals(1 - 0.6 * Math.pow(2 / 4.0, 0.2), m.score(), 1e-12);
        assertEquals(1.0, m.perSample()[0], 1e-12);
        assertEquals(1 - 0.6 * Math.pow(2 / 2.0, 0.2), m.perSample()[1], 1e-12);
    }

    @Test
    void loadsPycocoevalcapsMeteorFolder(@TempDir Path dir) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("meteor-1.5.jar")))) {
            put(zip, "function/english.words", "the\nis\nto\na\n");
            put(zip, "nonbreaking/english.prefixes", "# comment\nDr\nNo #NUMERIC_ONLY#\n");
            put(zip, "synonym/english.synsets", SYNSETS);
            put(zip, "synonym/english.exceptions", EXCEPTIONS);
        }
        Files.createDirectories(dir.resolve("data"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("data/paraphrase-en.gz")))) {
            out.write(PARAPHRASES.getBytes(StandardCharsets.UTF_8));
        }
        MeteorResources data = MeteorResources.load(dir);
        assertTrue(data.complete());
        assertTrue(data.description().startsWith("exact, stem, synonym and paraphrase modules"), data.description());
        assertSame(data, MeteorResources.load(dir), "loaded once per folder");
        assertEquals(0.85, score(data, "the sofa", "the couch"), 1e-12);
        assertEquals(0.0, score(data, "box", "boxes"));
        assertEquals(3, data.paraphrases().size());
        assertEquals(5, data.synonyms().size());
    }

    @Test
    void aBadFolderIsNamed(@TempDir Path dir) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeteorResources.load(dir));
        assertEquals(dir.toAbsolutePath().resolve("meteor-1.5.jar") + ": not found (METEOR data is read from "
                + "pycocoevalcap's meteor folder: it holds meteor-1.5.jar and data/paraphrase-en.gz)", e.getMessage());
        Path other = Files.createDirectories(dir.resolve("other"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other.resolve("meteor-1.5.jar")))) {
            put(zip, "README", "not meteor");
        }
        Files.createDirectories(other.resolve("data"));
        Files.writeString(other.resolve("data/paraphrase-en.gz"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> MeteorResources.load(other));
        assertEquals(other.toAbsolutePath().resolve("meteor-1.5.jar")
                + ": has no entry function/english.words (is it the METEOR 1.5 jar?)", e.getMessage());
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
