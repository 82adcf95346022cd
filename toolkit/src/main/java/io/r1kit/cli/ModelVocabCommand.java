package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.cot.DataEngine;
import io.r1kit.display.ProgressBar;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.train.sft.EngineCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model vocab --rooms N --seed S --out DIR}: the nano model's word-level vocabulary from the
 * data engine's texts, written as {@code tokenizer.json}, with its coverage on the training rooms and on
 * held-out rooms (the next ones after them).
 */
@Command(name = "vocab", mixinStandardHelpOptions = true,
        description = "Build the nano model's word-level vocabulary from the data engine's texts over generated rooms "
                + "and write tokenizer.json and tokenizer_config.json.")
final class ModelVocabCommand implements Callable<Integer> {

    private static final int TOP = 20;

    @Option(names = "--rooms", required = true, description = "number of training rooms")
    int rooms;

    @Option(names = "--seed", defaultValue = "0", description = "first room seed (rooms use seed, seed+1, ...)")
    long seed;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--min-count", description = "fewest occurrences for a word to get an id (default 1)")
    Integer minCount;

    @Option(names = "--max-size", description = "most vocabulary entries, fixed tokens included (default 8192)")
    Integer maxSize;

    @Option(names = "--held-out", defaultValue = "5",
            description = "rooms after the training ones to measure coverage on (0: none; default 5)")
    int heldOut;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out.getFileName() + ": is a file; --out needs a folder");
        }
        if (heldOut < 0) {
            throw new IllegalArgumentException("--held-out must be 0 or more, got " + heldOut);
        }
        VocabularyConfig cfg = VocabularyConfig.defaults();
        cfg = minCount == null ? cfg : cfg.withMinCount(minCount);
        cfg = maxSize == null ? cfg : cfg.withMaxSize(maxSize);
        PrintWriter err = output.err();
        List<String> texts = EngineCorpus.texts(rooms, seed, bar(err, rooms + heldOut, 0));
        WordVocabulary v = WordVocabulary.build(texts, cfg);
        v.save(out);
        WordVocabulary.Coverage train = v.coverage(texts);
        WordVocabulary.Coverage held = heldOut == 0 ? null
                : v.coverage(EngineCorpus.texts(heldOut, seed + rooms, bar(err, rooms + heldOut, rooms)));
        output.print(() -> toText(v, train, held), () -> JsonOutput.pretty(toJson(v, train, held)));
        return 0;
    }

    private static DataEngine.Progress bar(PrintWriter err, int total, int before) {
        return (done, n, id) -> ProgressBar.redraw(err, before + done, total, (before + done) + "/" + total + " " + id);
    }

    private String toText(WordVocabulary v, WordVocabulary.Coverage train, WordVocabulary.Coverage held) {
        WordVocabulary.Corpus c = v.corpus();
        StringBuilder sb = new StringBuilder(String.format("wrote %s: %,d entries (%d fixed + %,d corpus words; "
                        + "%,d distinct words in the corpus; min count %d, max size %,d)%n", out.resolve(TextTokenizer.FILE), v.size(),
                WordVocabulary.FIXED_SIZE, v.size() - WordVocabulary.FIXED_SIZE, c.distinct(), v.config().minCount(),
                v.config().maxSize()));
        sb.append(String.format("corpus       %d rooms from seed %d: %,d texts, %,d words%n", rooms, seed, c.texts(), c.words()));
        sb.append(String.format("coverage     training %s%n", coverage(train)));
        if (held != null) {
            sb.append(String.format("             held-out %s (%d rooms from seed %d)%n", coverage(held), heldOut, seed + rooms));
        }
        sb.append("most frequent words:");
        for (WordVocabulary.WordCount wc : v.frequent(TOP)) {
            sb.append(String.format("%n  %-12s %,10d  id %d", show(wc.word()), wc.count(), v.id(wc.word())));
        }
        return sb.toString();
    }

    private static String coverage(WordVocabulary.Coverage c) {
        return String.format("%.2f%% (%,d unknown of %,d words)", 100 * c.share(), c.unknown(), c.words());
    }

    /** Newline shown as {@code \n} so that the table stays one line a word. */
    private static String show(String word) {
        return word.equals("\n") ? "\\n" : word;
    }

    private JsonObject toJson(WordVocabulary v, WordVocabulary.Coverage train, WordVocabulary.Coverage held) {
        JsonObject o = new JsonObject();
        o.addProperty("out", out.toString());
        o.addProperty("size", v.size());
        o.addProperty("fixed", WordVocabulary.FIXED_SIZE);
        o.addProperty("rooms", rooms);
        o.addProperty("seed", seed);
        o.addProperty("min_count", v.config().minCount());
        o.addProperty("max_size", v.config().maxSize());
        JsonObject corpus = new JsonObject();
        corpus.addProperty("texts", v.corpus().texts());
        corpus.addProperty("words", v.corpus().words());
        corpus.addProperty("distinct", v.corpus().distinct());
        corpus.addProperty("sha256", v.corpus().sha256());
        o.add("corpus", corpus);
        JsonObject cov = new JsonObject();
        cov.add("training", json(train));
        if (held != null) {
            JsonObject h = json(held);
            h.addProperty("rooms", heldOut);
            h.addProperty("seed", seed + rooms);
            cov.add("held_out", h);
        }
        o.add("coverage", cov);
        JsonArray top = new JsonArray();
        for (WordVocabulary.WordCount wc : v.frequent(TOP)) {
            JsonObject w = new JsonObject();
            w.addProperty("word", wc.word());
            w.addProperty("count", wc.count());
            w.addProperty("id", v.id(wc.word()));
            top.add(w);
        }
        o.add("frequent", top);
        return o;
    }

    private static JsonObject json(WordVocabulary.Coverage c) {
        JsonObject o = new JsonObject();
        o.addProperty("words", c.words());
        o.addProperty("unknown", c.unknown());
        o.addProperty("share", c.share());
        return o;
    }
}
