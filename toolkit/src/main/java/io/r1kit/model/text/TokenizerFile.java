package io.r1kit.model.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.Excerpt;
import io.r1kit.JsonFields;
import io.r1kit.StrictJson;
import io.r1kit.model.io.CheckpointException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code tokenizer.json} checked in Java before the native tokenizers library sees it. That library aborts
 * the whole JVM (not an exception: a panic across its C boundary) on JSON it cannot parse inside a decoder,
 * normalizer or pre-tokenizer, so the file must be strict UTF-8 JSON of bounded depth with known component
 * types, decoder fields of the types the library expects ({@link DecoderFields}) and a well-formed vocabulary
 * before it is handed over. Also the home of the vocabulary's identity
 * ({@link #vocabularySha256()}), which a checkpoint records to refuse a tokenizer from another run.
 *
 * <pre>{@code
 * TokenizerFile t = TokenizerFile.read(Path.of("nano/tokenizer.json"));   // CheckpointException: one line
 * String id = t.vocabularySha256();
 * }</pre>
 */
public final class TokenizerFile {

    /** Largest id a vocabulary entry may have (the toolkit keeps ids in an int). */
    static final int MAX_ID = Integer.MAX_VALUE - 1;

    private static final Set<String> MODELS = Set.of("BPE", "WordPiece", "WordLevel", "Unigram");
    private static final Map<String, Component> COMPONENTS = Map.of(
            "normalizer", new Component("normalizer", "normalizers", Set.of("BertNormalizer", "Strip",
                    "StripAccents", "NFC", "NFD", "NFKC", "NFKD", "Sequence", "Lowercase", "Nmt", "Precompiled",
                    "Replace", "Prepend", "ByteLevel")),
            "pre_tokenizer", new Component("pre-tokenizer", "pretokenizers", Set.of("BertPreTokenizer", "ByteLevel",
                    "CharDelimiterSplit", "Metaspace", "Whitespace", "Sequence", "Split", "Punctuation",
                    "WhitespaceSplit", "Digits", "UnicodeScripts", "FixedLength")),
            "post_processor", new Component("post-processor", "processors", Set.of("RobertaProcessing",
                    "BertProcessing", "ByteLevel", "TemplateProcessing", "Sequence")),
            "decoder", new Component("decoder", "decoders", Set.of("BPEDecoder", "ByteLevel", "WordPiece",
                    "Metaspace", "CTC", "Sequence", "Replace", "Fuse", "Strip", "ByteFallback")));

    /** A pipeline component: its {@code Sequence} list key and its known types. */
    private record Component(String name, String sequenceKey, Set<String> types) {}

    private final Path file;
    private final String modelType;
    private final Map<Integer, String> byId;

    private TokenizerFile(Path file, String modelType, Map<Integer, String> byId) {
        this.file = file;
        this.modelType = modelType;
        this.byId = byId;
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws CheckpointException one line naming the file, the key and what is wrong
     */
    public static TokenizerFile read(Path file) throws IOException {
        try {
            JsonObject root = JsonFields.object(StrictJson.read(file, StrictJson.MAX_FILE), "the file");
            for (String k : new String[] {"truncation", "padding"}) {
                if (JsonFields.has(root, k)) {
                    JsonFields.object(root.get(k), k);
                }
            }
            for (Map.Entry<String, Component> c : COMPONENTS.entrySet()) {
                if (JsonFields.has(root, c.getKey())) {
                    component(root.get(c.getKey()), c.getKey(), c.getValue(), 0);
                }
            }
            JsonObject model = JsonFields.object(root.get("model"), "model");
            String type = JsonFields.string(model, "type", "");
            if (!MODELS.contains(type)) {
                throw new IllegalArgumentException("model.type is " + JsonFields.show(model.get("type"))
                        + ", expected one of " + new java.util.TreeSet<>(MODELS));
            }
            Map<Integer, String> byId = new TreeMap<>();
            vocabulary(model, type, byId);
            addedTokens(root.get("added_tokens"), byId);
            return new TokenizerFile(file, type, byId);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
    }

    private static void component(JsonElement e, String where, Component kind, int depth) {
        JsonObject o = JsonFields.object(e, where);
        String type = JsonFields.string(o.get("type"), where + ".type");
        if (!kind.types().contains(type)) {
            throw new IllegalArgumentException(where + ".type is " + JsonFields.show(o.get("type"))
                    + ", not a known " + kind.name() + " type");
        }
        if (kind.name().equals("decoder")) {
            DecoderFields.check(o, type, where);
        }
        if (type.equals("Sequence")) {
            JsonElement list = o.get(kind.sequenceKey());
            if (list == null || !list.isJsonArray()) {
                throw new IllegalArgumentException(where + "." + kind.sequenceKey() + " is " + JsonFields.show(list)
                        + ", expected an array");
            }
            if (depth > 8) {
                throw new IllegalArgumentException(where + ": sequences nest more than 8 deep");
            }
            JsonArray a = list.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                component(a.get(i), where + "." + kind.sequenceKey() + "[" + i + "]", kind, depth + 1);
            }
        }
    }

    private static void vocabulary(JsonObject model, String type, Map<Integer, String> byId) {
        JsonElement vocab = model.get("vocab");
        if (type.equals("Unigram")) {
            if (vocab == null || !vocab.isJsonArray()) {
                throw new IllegalArgumentException("model.vocab is " + JsonFields.show(vocab)
                        + ", expected an array of [piece, score]");
            }
            JsonArray a = vocab.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                JsonElement entry = a.get(i);
                if (!entry.isJsonArray() || entry.getAsJsonArray().size() != 2) {
                    throw new IllegalArgumentException("model.vocab[" + i + "] is " + JsonFields.show(entry)
                            + ", expected [piece, score]");
                }
                byId.put(i, JsonFields.string(entry.getAsJsonArray().get(0), "model.vocab[" + i + "][0]"));
                if (!entry.getAsJsonArray().get(1).isJsonPrimitive()
                        || !entry.getAsJsonArray().get(1).getAsJsonPrimitive().isNumber()) {
                    throw new IllegalArgumentException("model.vocab[" + i + "][1] is "
                            + JsonFields.show(entry.getAsJsonArray().get(1)) + ", expected a score");
                }
            }
            return;
        }
        JsonObject v = JsonFields.object(vocab, "model.vocab");
        for (Map.Entry<String, JsonElement> e : v.entrySet()) {
            int id = JsonFields.integer(e.getValue(), "model.vocab[\"" + Excerpt.of(e.getKey(), 30) + "\"]",
                    0, MAX_ID);
            String before = byId.put(id, e.getKey());
            if (before != null) {
                throw new IllegalArgumentException("model.vocab gives id " + id + " to both \""
                        + Excerpt.of(before, 30) + "\" and \"" + Excerpt.of(e.getKey(), 30) + "\"");
            }
        }
        if (v.size() == 0) {
            throw new IllegalArgumentException("model.vocab is empty");
        }
        String unk = JsonFields.string(model, "unk_token", null);
        if (unk != null && type.equals("WordLevel") && !v.has(unk)) {
            throw new IllegalArgumentException("model.unk_token \"" + Excerpt.of(unk)
                    + "\" is not in model.vocab");
        }
        if (type.equals("BPE") && JsonFields.has(model, "merges")) {
            JsonElement merges = model.get("merges");
            if (!merges.isJsonArray()) {
                throw new IllegalArgumentException("model.merges is " + JsonFields.show(merges) + ", expected an array");
            }
            JsonArray a = merges.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                JsonElement m = a.get(i);
                boolean pair = m.isJsonArray() && m.getAsJsonArray().size() == 2
                        && m.getAsJsonArray().get(0).isJsonPrimitive() && m.getAsJsonArray().get(1).isJsonPrimitive();
                if (!pair && !(m.isJsonPrimitive() && m.getAsJsonPrimitive().isString())) {
                    throw new IllegalArgumentException("model.merges[" + i + "] is " + JsonFields.show(m)
                            + ", expected \"a b\" or [\"a\", \"b\"]");
                }
            }
        }
    }

    private static void addedTokens(JsonElement e, Map<Integer, String> byId) {
        if (e == null || e.isJsonNull()) {
            return;
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("added_tokens is " + JsonFields.show(e) + ", expected an array");
        }
        JsonArray a = e.getAsJsonArray();
        Map<Integer, String> added = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            String where = "added_tokens[" + i + "]";
            JsonObject t = JsonFields.object(a.get(i), where);
            int id = JsonFields.integer(t.get("id"), where + ".id", 0, MAX_ID);
            String content = JsonFields.string(t.get("content"), where + ".content");
            if (content.isEmpty()) {
                throw new IllegalArgumentException(where + ".content is empty");
            }
            for (String flag : new String[] {"single_word", "lstrip", "rstrip", "normalized", "special"}) {
                JsonFields.bool(t, flag, false);
            }
            String other = added.put(id, content);
            if (other != null && !other.equals(content)) {
                throw new IllegalArgumentException(where + " gives id " + id + " to \"" + Excerpt.of(content, 30)
                        + "\", already added as \"" + Excerpt.of(other, 30) + "\"");
            }
            byId.putIfAbsent(id, content);
        }
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** {@code model.type}: BPE, WordPiece, WordLevel or Unigram. */
    public String modelType() {
        return modelType;
    }

    /** Every id with its token (the vocabulary's, then added tokens of other ids), in id order. */
    Map<Integer, String> tokensById() {
        return java.util.Collections.unmodifiableMap(byId);
    }

    /** The largest id of the vocabulary and the added tokens. */
    public int maxId() {
        return ((TreeMap<Integer, String>) byId).lastKey();
    }

    /** Number of distinct ids of the vocabulary and the added tokens. */
    public int size() {
        return byId.size();
    }

    /**
     * SHA-256 (hex) of the vocabulary: every id with its token, in id order, each written as
     * {@code id:byteLength:UTF-8 bytes}. Formatting, key order and the pipeline around it do not change it; a
     * token or id that differs does.
     */
    public String vocabularySha256() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        for (Map.Entry<Integer, String> e : byId.entrySet()) {
            byte[] token = e.getValue().getBytes(StandardCharsets.UTF_8);
            sha.update((e.getKey() + ":" + token.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(token);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
