package io.r1kit.model.text;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link WordVocabulary} in the Hugging Face tokenizers format (schema of the {@code tokenizers}
 * crate 0.21 that DJL 0.36 bundles): a {@code WordLevel} model, a {@code Lowercase} normalizer, a
 * {@code Split} pre-tokenizer that keeps the {@link WordSplitter#PIECE} matches and drops the spaces,
 * the fixed special and markup tokens as added tokens (matched whole, before lower-casing), and a decoder.
 *
 * <p>The decoder puts one space between words, then takes it away again where written text has none:
 * before {@code . , ? ! : ;}, around newlines and hyphens, inside quotes, between the digits of a
 * decimal ({@code 3 . 8} reads {@code 3.8}), inside the markup ({@code <obj>12, 200, 7, 30, 30, 40</obj>},
 * {@code </think><answer>}) and after {@code <|im_start|>} / before {@code <|im_end|>}. So text written as
 * the data engine writes it decodes to itself, lower-cased. Two ambiguities are resolved one way: a
 * sentence ending in a number before one starting with a number ({@code "is 3. 4 chairs"}) decodes as
 * a decimal, and spaced hyphens ({@code "a - b"}) close up.
 */
final class WordTokenizerJson {

    /** Punctuation written straight after the previous word. */
    private static final List<String> ATTACHED = List.of(".", ",", "?", "!", ":", ";");
    /** Opening quote: an odd number of quotes follow it. */
    private static final String OPEN_QUOTE = "\" (?=[^\"]*\"(?:[^\"]*\"[^\"]*\")*[^\"]*\\z)";
    /** Closing quote: an even number of quotes follow it. */
    private static final String CLOSE_QUOTE = " \"(?=[^\"]*(?:\"[^\"]*\"[^\"]*)*\\z)";

    private WordTokenizerJson() {}

    static void write(WordVocabulary v, Path dir) throws IOException {
        Files.createDirectories(dir);
        var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
        Files.writeString(dir.resolve(TextTokenizer.FILE), gson.toJson(tokenizer(v)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tokenizer_config.json"), gson.toJson(config(v)) + "\n", StandardCharsets.UTF_8);
    }

    static JsonObject tokenizer(WordVocabulary v) {
        JsonObject o = new JsonObject();
        o.addProperty("version", "1.0");
        o.add("truncation", JsonNull.INSTANCE);
        o.add("padding", JsonNull.INSTANCE);
        JsonArray added = new JsonArray();
        for (String t : WordVocabulary.FIXED_SPECIAL) {
            added.add(addedToken(v.id(t), t, true));
        }
        for (String t : WordVocabulary.MARKUP) {
            added.add(addedToken(v.id(t), t, false));
        }
        o.add("added_tokens", added);
        o.add("normalizer", typed("Lowercase"));
        JsonObject pre = typed("Split");
        pre.add("pattern", pattern("Regex", WordSplitter.PIECE));
        pre.addProperty("behavior", "Removed"); // with invert: the pieces stay, the gaps between them go
        pre.addProperty("invert", true);
        o.add("pre_tokenizer", pre);
        o.add("post_processor", JsonNull.INSTANCE);
        o.add("decoder", decoder());
        JsonObject model = typed("WordLevel");
        JsonObject vocab = new JsonObject();
        List<String> tokens = v.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            vocab.addProperty(tokens.get(i), i);
        }
        model.add("vocab", vocab);
        model.addProperty("unk_token", WordVocabulary.UNK);
        o.add("model", model);
        return o;
    }

    private static JsonObject decoder() {
        JsonArray steps = new JsonArray();
        steps.add(replace("Regex", "\\A", " ")); // a space before every word...
        steps.add(typed("Fuse"));                // ...joined into one string, then spaces taken back out
        steps.add(replace("String", " \n", "\n"));
        steps.add(replace("String", "\n ", "\n"));
        for (String p : ATTACHED) {
            steps.add(replace("String", " " + p, p));
        }
        steps.add(replace("Regex", "(?<=\\p{N})\\. (?=\\p{N})", "."));
        steps.add(replace("String", " - ", "-"));
        steps.add(replace("Regex", OPEN_QUOTE, "\""));
        steps.add(replace("Regex", CLOSE_QUOTE, "\""));
        for (int i = 0; i < WordVocabulary.MARKUP.size(); i += 2) {
            String open = WordVocabulary.MARKUP.get(i);
            String close = WordVocabulary.MARKUP.get(i + 1);
            steps.add(replace("String", open + " ", open));
            steps.add(replace("String", " " + close, close));
        }
        steps.add(replace("String", "</think> <answer>", "</think><answer>"));
        steps.add(replace("String", ChatTemplate.START + " ", ChatTemplate.START));
        steps.add(replace("String", " " + ChatTemplate.END, ChatTemplate.END));
        JsonObject strip = typed("Strip");
        strip.addProperty("content", " ");
        strip.addProperty("start", 1);
        strip.addProperty("stop", 0);
        steps.add(strip);
        JsonObject d = typed("Sequence");
        d.add("decoders", steps);
        return d;
    }

    /** HF {@code tokenizer_config.json}: special tokens, a ChatML template, and where the vocabulary came from. */
    static JsonObject config(WordVocabulary v) {
        JsonObject o = new JsonObject();
        o.addProperty("tokenizer_class", "PreTrainedTokenizerFast");
        o.addProperty("pad_token", WordVocabulary.PAD);
        o.addProperty("unk_token", WordVocabulary.UNK);
        o.addProperty("eos_token", ChatTemplate.END);
        o.add("bos_token", JsonNull.INSTANCE);
        o.addProperty("clean_up_tokenization_spaces", false);
        o.addProperty("chat_template", "{% for message in messages %}{{ '" + ChatTemplate.START
                + "' + message['role'] + '\\n' + message['content'] + '" + ChatTemplate.END + "' + '\\n' }}{% endfor %}"
                + "{% if add_generation_prompt %}{{ '" + ChatTemplate.START + "assistant\\n' }}{% endif %}");
        JsonObject prov = new JsonObject();
        prov.addProperty("toolkit", Version.get());
        prov.add("config", JsonParser.parseString(v.config().toJson()));
        WordVocabulary.Corpus c = v.corpus();
        JsonObject corpus = new JsonObject();
        corpus.addProperty("texts", c.texts());
        corpus.addProperty("words", c.words());
        corpus.addProperty("distinct", c.distinct());
        corpus.addProperty("sha256", c.sha256());
        prov.add("corpus", corpus);
        prov.addProperty("size", v.size());
        o.add("r1kit_vocabulary", prov);
        return o;
    }

    private static JsonObject addedToken(int id, String content, boolean special) {
        JsonObject t = new JsonObject();
        t.addProperty("id", id);
        t.addProperty("content", content);
        t.addProperty("single_word", false);
        t.addProperty("lstrip", false);
        t.addProperty("rstrip", false);
        t.addProperty("normalized", false); // matched as written, before lower-casing
        t.addProperty("special", special);
        return t;
    }

    private static JsonObject replace(String kind, String pattern, String content) {
        JsonObject r = typed("Replace");
        r.add("pattern", pattern(kind, pattern));
        r.addProperty("content", content);
        return r;
    }

    private static JsonObject pattern(String kind, String value) {
        JsonObject p = new JsonObject();
        p.addProperty(kind, value);
        return p;
    }

    private static JsonObject typed(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        return o;
    }
}
