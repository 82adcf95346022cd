package io.r1kit.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The language data {@link Meteor} matches with: function words, and optionally the WordNet synonyms
 * and the paraphrase table of METEOR 1.5. That data is not ours to ship; the PyPI package
 * {@code pycocoevalcap} (installed by {@code environment/setup.sh}) carries it as
 * {@code pycocoevalcap/meteor/meteor-1.5.jar} and {@code pycocoevalcap/meteor/data/paraphrase-en.gz},
 * and this class reads it from there.
 *
 * <p>{@link #defaults()} looks for that folder in the system property {@code r1kit.meteor}, then the
 * environment variable {@code R1KIT_METEOR_DIR} (the {@code r1kit} launcher and the notebook kernel
 * set it to the project's virtual environment); without it METEOR runs with the exact and stem
 * modules and our own function word list, which is what the official jar computes with
 * {@code -m "exact stem"} and a slightly different function word list.
 *
 * <pre>{@code
 * MeteorResources data = MeteorResources.load(Path.of(".venv/lib/python3.11/site-packages/pycocoevalcap/meteor"));
 * MetricScore m = Meteor.score(corpus, data);   // exact, stem, synonym, paraphrase
 * }</pre>
 */
public final class MeteorResources {

    /** The system property naming the folder with {@code meteor-1.5.jar} and {@code data/paraphrase-en.gz}. */
    public static final String PROPERTY = "r1kit.meteor";
    /** The environment variable read when the property is not set. */
    public static final String ENVIRONMENT = "R1KIT_METEOR_DIR";

    private static final Map<Path, MeteorResources> LOADED = new ConcurrentHashMap<>();
    private static final MeteorResources BUILT_IN = new MeteorResources(Meteor.FUNCTION_WORDS, Map.of(), null, null,
            "exact and stem modules (no synonym or paraphrase data: see MeteorResources)");

    private final Set<String> functionWords;
    private final MeteorNormalizer normalizer;
    private final MeteorSynonyms synonyms;
    private final MeteorParaphrases paraphrases;
    private final String description;

    MeteorResources(Set<String> functionWords, Map<String, MeteorNormalizer.Abbreviation> abbreviations,
                    MeteorSynonyms synonyms, MeteorParaphrases paraphrases, String description) {
        this.functionWords = Set.copyOf(functionWords);
        this.normalizer = new MeteorNormalizer(abbreviations);
        this.synonyms = synonyms;
        this.paraphrases = paraphrases;
        this.description = description;
    }

    /** Exact and stem modules with r1kit's function word list: no external data. */
    public static MeteorResources builtIn() {
        return BUILT_IN;
    }

    /**
     * The METEOR 1.5 data of {@link #PROPERTY} or {@link #ENVIRONMENT} when one is set (loaded once per
     * process: the paraphrase table takes about ten seconds), else {@link #builtIn()}.
     *
     * @throws IllegalArgumentException when the folder is set but unusable, naming the file
     */
    public static MeteorResources defaults() {
        return configuredFolder().map(MeteorResources::load).orElse(BUILT_IN);
    }

    /** The folder the property or environment variable names, if either is set. */
    public static Optional<Path> configuredFolder() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENVIRONMENT);
        }
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /**
     * Reads {@code meteor-1.5.jar} (function words, synonyms) and {@code data/paraphrase-en.gz} from a
     * folder laid out as pycocoevalcap's {@code meteor} folder; cached per folder.
     *
     * @throws IllegalArgumentException naming the missing or unreadable file
     */
    public static MeteorResources load(Path folder) {
        return LOADED.computeIfAbsent(folder.toAbsolutePath().normalize(), MeteorResources::read);
    }

    private static MeteorResources read(Path folder) {
        Path jar = folder.resolve("meteor-1.5.jar");
        Path table = folder.resolve("data").resolve("paraphrase-en.gz");
        for (Path p : new Path[] {jar, table}) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": not found (METEOR data is read from pycocoevalcap's "
                        + "meteor folder: it holds meteor-1.5.jar and data/paraphrase-en.gz)");
            }
        }
        Set<String> functionWords = new HashSet<>();
        Map<String, MeteorNormalizer.Abbreviation> abbreviations = new HashMap<>();
        MeteorSynonyms synonyms;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            try (BufferedReader in = entry(zip, jar, "function/english.words")) {
                in.lines().map(String::trim).filter(w -> !w.isEmpty()).forEach(functionWords::add);
            }
            try (BufferedReader in = entry(zip, jar, "nonbreaking/english.prefixes")) {
                in.lines().forEach(line -> abbreviation(line, abbreviations));
            }
            try (BufferedReader syn = entry(zip, jar, "synonym/english.synsets");
                 BufferedReader exc = entry(zip, jar, "synonym/english.exceptions")) {
                synonyms = MeteorSynonyms.read(syn, exc);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(jar + ": " + message(e), e);
        }
        MeteorParaphrases paraphrases;
        try (InputStream raw = Files.newInputStream(table);
             BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                     StandardCharsets.UTF_8), 1 << 16)) {
            paraphrases = MeteorParaphrases.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(table + ": " + message(e), e);
        }
        return new MeteorResources(functionWords, abbreviations, synonyms, paraphrases,
                "exact, stem, synonym and paraphrase modules (METEOR 1.5 data in " + folder + ")");
    }

    /** One line of the abbreviation list: "Dr", or "No #NUMERIC_ONLY#"; "#" starts a comment. */
    private static void abbreviation(String line, Map<String, MeteorNormalizer.Abbreviation> out) {
        String[] parts = line.trim().split("\\s+");
        if (parts[0].isEmpty() || parts[0].startsWith("#")) {
            return;
        }
        boolean numeric = parts.length > 1 && parts[1].equals("#NUMERIC_ONLY#");
        out.put(parts[0], numeric ? MeteorNormalizer.Abbreviation.BEFORE_NUMBER : MeteorNormalizer.Abbreviation.ALWAYS);
    }

    private static BufferedReader entry(ZipFile zip, Path jar, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("has no entry " + name + " (is it the METEOR 1.5 jar?)");
        }
        return new BufferedReader(new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8));
    }

    private static String message(Exception e) {
        return e instanceof UncheckedIOException u ? u.getCause().getMessage() : String.valueOf(e.getMessage());
    }

    /** The METEOR tokens of a text (see {@link MeteorNormalizer}). */
    String[] tokens(String text) {
        return normalizer.tokens(text);
    }

    /** Whether a word (lower case) is a function word. */
    boolean isFunctionWord(String word) {
        return functionWords.contains(word);
    }

    /** The synonym data, or {@code null} when the synonym module is off. */
    MeteorSynonyms synonyms() {
        return synonyms;
    }

    /** The paraphrase table, or {@code null} when the paraphrase module is off. */
    MeteorParaphrases paraphrases() {
        return paraphrases;
    }

    /** Whether the synonym and paraphrase modules are on. */
    public boolean complete() {
        return synonyms != null && paraphrases != null;
    }

    /** Which modules run and where their data comes from, e.g. for a report's footnote. */
    public String description() {
        return description;
    }

    /** Resources built from small in-memory tables (tests). */
    static MeteorResources of(Set<String> functionWords, MeteorSynonyms synonyms, MeteorParaphrases paraphrases) {
        return new MeteorResources(functionWords, Map.of(), synonyms, paraphrases, "test tables");
    }

    @Override
    public String toString() {
        return "METEOR " + description;
    }
}
