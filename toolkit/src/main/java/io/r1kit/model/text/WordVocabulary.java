package io.r1kit.model.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The word-level vocabulary of the nano model, built from a corpus (usually the data engine's texts,
 * see {@code train.sft.EngineCorpus}) and saved as a Hugging Face {@code tokenizer.json} that {@link TextTokenizer}
 * loads like any other, so the nano model and Qwen checkpoints share one tokenizer API.
 *
 * <p>Ids 0..271 ({@link #FIXED_SIZE} of them) are fixed whatever the corpus: the special tokens
 * ({@code <|pad|>} = 0, {@code <|unk|>} = 1, {@code <|endoftext|>}, {@code <|im_start|>}, {@code <|im_end|>}),
 * the markup of 3D-R1's reply and box formats ({@code <think>}, {@code </think>}, {@code <answer>},
 * {@code </answer>}, {@code <obj>}, {@code </obj>}), the 256 grid numbers {@code 0..255} at
 * {@code gridId(v) = 11 + v} (so a box {@code <obj>cx, cy, cz, w, h, l</obj>}
 * costs 13 tokens, six of them numbers; see {@code BoxCodec}), then {@code ","}, the newline and the
 * ChatML roles. Corpus words follow, most frequent first (ties by text), those seen at least
 * {@code minCount} times, until {@code maxSize} entries.
 *
 * <pre>{@code
 * WordVocabulary v = WordVocabulary.build(EngineCorpus.texts(20, 0, (done, total, id) -> {}),
 *         VocabularyConfig.defaults());
 * v.save(Path.of("nano"));
 * try (TextTokenizer tok = TextTokenizer.load(Path.of("nano"))) {
 *     tok.encode("<obj>12, 200, 7, 30, 30, 40</obj>");   // 13 ids: <obj>, 12, ",", 200, ...
 * }
 * }</pre>
 */
public final class WordVocabulary {

    public static final String PAD = "<|pad|>";
    public static final String UNK = "<|unk|>";
    public static final String END_OF_TEXT = "<|endoftext|>";
    /** Special tokens, ids 0..4: dropped by {@link TextTokenizer#decodeWithoutSpecial}. */
    public static final List<String> FIXED_SPECIAL = List.of(PAD, UNK, END_OF_TEXT, ChatTemplate.START, ChatTemplate.END);
    /** The paper's markup, ids 5..10: ordinary (not special) tokens, kept when decoding a reply. */
    public static final List<String> MARKUP = List.of("<think>", "</think>", "<answer>", "</answer>", "<obj>", "</obj>");
    /** The id of grid number 0; number {@code v} is {@code GRID_FIRST + v}. */
    public static final int GRID_FIRST = FIXED_SPECIAL.size() + MARKUP.size();
    /** The largest grid number (as {@code BoxCodec.GRID}). */
    public static final int GRID_MAX = 255;
    /** Fixed after the grid numbers: the box separator, the newline and the ChatML roles. */
    public static final List<String> FIXED_WORDS = List.of(",", "\n", "system", "user", "assistant");
    /** How many ids are fixed. */
    public static final int FIXED_SIZE = GRID_FIRST + GRID_MAX + 1 + FIXED_WORDS.size();

    /** How much of a text collection the vocabulary covers. */
    public record Coverage(long words, long unknown) {
        /** Share of words that are not {@code <|unk|>}; 1 for no words. */
        public double share() {
            return words == 0 ? 1 : (words - unknown) / (double) words;
        }
    }

    /** A corpus word and how often it occurred. */
    public record WordCount(String word, long count) {}

    /**
     * What the vocabulary was built from, for provenance.
     *
     * @param texts    number of texts
     * @param words    number of words in them
     * @param distinct number of distinct words, kept or not
     * @param sha256   hash of the texts (each as UTF-8 followed by a NUL byte), in hex
     */
    public record Corpus(long texts, long words, int distinct, String sha256) {}

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final List<WordCount> counts;
    private final VocabularyConfig config;
    private final Corpus corpus;

    private WordVocabulary(List<String> tokens, List<WordCount> counts, VocabularyConfig config, Corpus corpus) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            m.put(tokens.get(i), i);
        }
        this.ids = Collections.unmodifiableMap(m);
        this.counts = List.copyOf(counts);
        this.config = config;
        this.corpus = corpus;
    }

    /**
     * The vocabulary a checkpoint's {@code tokenizer.json} holds (written by {@link #save}): its word ids in
     * order, without the corpus counts it was built from (a run that continues training from the checkpoint
     * encodes its texts with it).
     *
     * @throws io.r1kit.model.io.CheckpointException naming the file when it is no word-level vocabulary of this
     *                                               toolkit (missing ids, or fixed tokens out of place)
     */
    public static WordVocabulary read(Path dir) throws IOException {
        Path file = dir.resolve(TextTokenizer.FILE);
        TokenizerFile checked = TokenizerFile.read(file);
        if (!checked.modelType().equals("WordLevel")) {
            throw new io.r1kit.model.io.CheckpointException(file, "not a word-level vocabulary: model.type is "
                    + checked.modelType());
        }
        Map<Integer, String> byIdMap = checked.tokensById();
        String[] byId = new String[byIdMap.size()];
        for (Map.Entry<Integer, String> e : byIdMap.entrySet()) {
            if (e.getKey() >= byId.length) {
                throw new io.r1kit.model.io.CheckpointException(file, "not a word-level vocabulary: id " + e.getKey()
                        + " is beyond its " + byId.length + " entries (the ids are not 0..n-1)");
            }
            byId[e.getKey()] = e.getValue();
        }
        List<String> tokens = List.of(byId);
        if (tokens.size() < FIXED_SIZE || !tokens.subList(0, FIXED_SIZE).equals(fixedTokens())) {
            throw new io.r1kit.model.io.CheckpointException(file, "not a nano word vocabulary: its first "
                    + FIXED_SIZE + " ids are not the fixed tokens");
        }
        return new WordVocabulary(tokens, List.of(), VocabularyConfig.defaults(), new Corpus(0, 0, 0, ""));
    }

    /** The fixed tokens in id order. */
    public static List<String> fixedTokens() {
        List<String> out = new ArrayList<>(FIXED_SPECIAL);
        out.addAll(MARKUP);
        for (int v = 0; v <= GRID_MAX; v++) {
            out.add(Integer.toString(v));
        }
        out.addAll(FIXED_WORDS);
        return out;
    }

    /**
     * Counts the words of {@code texts} as {@link WordSplitter} cuts them and keeps the fixed tokens plus
     * the words seen at least {@code cfg.minCount()} times, most frequent first, up to {@code cfg.maxSize()}.
     */
    public static WordVocabulary build(Iterable<String> texts, VocabularyConfig cfg) {
        Map<String, long[]> count = new HashMap<>();
        MessageDigest sha = sha256();
        long nTexts = 0;
        long nWords = 0;
        for (String text : texts) {
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            nTexts++;
            for (String w : WordSplitter.split(text)) {
                count.computeIfAbsent(w, k -> new long[1])[0]++;
                nWords++;
            }
        }
        List<WordCount> sorted = new ArrayList<>();
        count.forEach((w, c) -> sorted.add(new WordCount(w, c[0])));
        // count descending, then text: the same corpus gives the same ids whatever the map's order
        sorted.sort(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word));
        List<String> tokens = fixedTokens();
        Map<String, Boolean> present = new LinkedHashMap<>();
        tokens.forEach(t -> present.put(t, true));
        for (WordCount wc : sorted) {
            if (tokens.size() >= cfg.maxSize() || wc.count() < cfg.minCount()) {
                break;
            }
            if (present.putIfAbsent(wc.word(), true) == null) {
                tokens.add(wc.word());
            }
        }
        return new WordVocabulary(tokens, sorted, cfg,
                new Corpus(nTexts, nWords, sorted.size(), HexFormat.of().formatHex(sha.digest())));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Number of entries. */
    public int size() {
        return tokens.size();
    }

    /** Entries in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /** The entry with id {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of {@code word}, or that of {@code <|unk|>}. */
    public int id(String word) {
        return ids.getOrDefault(word, ids.get(UNK));
    }

    /** Whether {@code word} has its own id. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** The id of grid number {@code v} (0..255). */
    public static int gridId(int v) {
        if (v < 0 || v > GRID_MAX) {
            throw new IllegalArgumentException("grid number " + v + " is outside 0.." + GRID_MAX);
        }
        return GRID_FIRST + v;
    }

    /** The ids of {@code text}, computed in Java (what {@link TextTokenizer#encode} gives for the saved file). */
    public int[] ids(String text) {
        return WordSplitter.split(text).stream().mapToInt(this::id).toArray();
    }

    /** How many words of {@code texts} have their own id. */
    public Coverage coverage(Iterable<String> texts) {
        long words = 0;
        long unknown = 0;
        for (String text : texts) {
            for (String w : WordSplitter.split(text)) {
                words++;
                unknown += ids.containsKey(w) ? 0 : 1;
            }
        }
        return new Coverage(words, unknown);
    }

    /** The {@code n} most frequent corpus words with their counts (fixed tokens included when they occurred). */
    public List<WordCount> frequent(int n) {
        return counts.subList(0, Math.min(n, counts.size()));
    }

    /** What the vocabulary was built from. */
    public Corpus corpus() {
        return corpus;
    }

    public VocabularyConfig config() {
        return config;
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code dir} (created if
     * needed); load them back with {@link TextTokenizer#load}.
     */
    public void save(Path dir) throws IOException {
        WordTokenizerJson.write(this, dir);
    }
}
