package io.r1kit.model.text;

import io.r1kit.model.io.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TokenizerFile}: the Java check a tokenizer.json passes before the native library reads it. */
class TokenizerFileTest {

    private static String good;

    @BeforeAll
    static void writeAWordVocabulary(@TempDir Path dir) throws Exception {
        WordVocabulary.build(List.of("the chair is near the table"), VocabularyConfig.defaults()).save(dir);
        good = Files.readString(dir.resolve(TextTokenizer.FILE));
    }

    private static String refusal(Path dir, String text) throws Exception {
        Path f = dir.resolve(TextTokenizer.FILE);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        String m = assertThrows(CheckpointException.class, () -> TokenizerFile.read(f)).getMessage();
        assertTrue(m.startsWith("tokenizer.json: "), m);
        assertFalse(m.contains("\n"), m);
        assertTrue(m.length() < 300, m);
        return m;
    }

    @Test
    void aCutInsideTheDecoderIsRefusedWithItsPlace(@TempDir Path dir) throws Exception {
        int cut = good.indexOf("\"Fuse\"") + 3;
        String m = refusal(dir, good.substring(0, cut));
        assertTrue(m.matches("tokenizer\\.json: invalid JSON at line \\d+, column \\d+: the text ends inside a string"), m);
    }

    @Test
    void oneChangedByteInTheDecoderIsRefused(@TempDir Path dir) throws Exception {
        int at = good.indexOf("\"Fuse\"") + 2;
        String raw = good.substring(0, at) + "\u0001" + good.substring(at + 1);     // a control character in a string
        assertTrue(refusal(dir, raw).contains("a control character inside a string"));
        int quote = good.indexOf("\"decoders\"") - 1;
        String bad = good.substring(0, quote) + "x" + good.substring(quote + 1);
        assertTrue(refusal(dir, bad).contains("invalid JSON at line"));
    }

    @Test
    void whatSerdeRejectsButGsonAcceptsIsRefused(@TempDir Path dir) throws Exception {
        String decoder = "\"decoder\": {";
        assertTrue(refusal(dir, good.replace(decoder, decoder + "\"type\": \"Fuse\", ")).contains("appears twice"));
        assertTrue(refusal(dir, good.replace(decoder, decoder + "\"x\": 1e999, ")).contains("beyond float64"));
        assertTrue(refusal(dir, good.replace(decoder, decoder + "\"x\": \"\\ud800\", ")).contains("lone surrogate"));
        assertTrue(refusal(dir, good.replace(decoder, decoder + "\"x\": " + "[".repeat(200) + "]".repeat(200) + ", "))
                .contains("nest more than 64 deep"));
        assertTrue(refusal(dir, good.replace(decoder, decoder + "// comment\n")).contains("expected a key in quotes"));
        assertTrue(refusal(dir, "\uFEFF" + good).contains("byte-order mark"));
    }

    @Test
    void notUtf8IsRefusedWithTheByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(TextTokenizer.FILE);
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        bytes[100] = (byte) 0xff;
        Files.write(f, bytes);
        assertEquals("tokenizer.json: not UTF-8 text (byte 100 is not part of a UTF-8 character)",
                assertThrows(CheckpointException.class, () -> TokenizerFile.read(f)).getMessage());
    }

    @Test
    void componentsAndVocabularyAreChecked(@TempDir Path dir) throws Exception {
        assertEquals("tokenizer.json: decoder.decoders[1].type is \"Fusion\", not a known decoder type",
                refusal(dir, good.replace("\"Fuse\"", "\"Fusion\"")));
        assertEquals("tokenizer.json: model.vocab[\"<|unk|>\"] is -1, expected a whole number from 0 to 2147483646",
                refusal(dir, good.replace("\"<|unk|>\": 1,", "\"<|unk|>\": -1,")));
        assertEquals("tokenizer.json: model.vocab gives id 0 to both \"<|pad|>\" and \"<|unk|>\"",
                refusal(dir, good.replace("\"<|unk|>\": 1,", "\"<|unk|>\": 0,")));
        assertEquals("tokenizer.json: model.type is \"WordLevels\", expected one of [BPE, Unigram, WordLevel, WordPiece]",
                refusal(dir, good.replace("\"WordLevel\"", "\"WordLevels\"")));
        assertEquals("tokenizer.json: added_tokens[0].id is \"0\", expected a whole number from 0 to 2147483646",
                refusal(dir, good.replaceFirst("\"id\": 0,", "\"id\": \"0\",")));
    }

    @Test
    void messagesQuoteOnlyAShortPrintableExcerpt(@TempDir Path dir) throws Exception {
        String escape = "\u001b[31m" + "x".repeat(5000);
        String m = refusal(dir, good.replace("\"Fuse\"", "\"" + escape.replace("\u001b", "\\u001b") + "\""));
        assertFalse(m.contains("\u001b"), m);
        assertTrue(m.contains("\"?[31mxxx") && m.contains("...\""), m);
    }

    @Test
    void theVocabularyHashIgnoresLayoutButNotTokens(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(TextTokenizer.FILE);
        Files.writeString(f, good);
        TokenizerFile t = TokenizerFile.read(f);
        assertEquals("WordLevel", t.modelType());
        Files.writeString(f, good.replace("\n", "").replace("  ", ""));
        assertEquals(t.vocabularySha256(), TokenizerFile.read(f).vocabularySha256());
        Files.writeString(f, good.replace("\"chair\"", "\"chairs\""));
        assertNotEquals(t.vocabularySha256(), TokenizerFile.read(f).vocabularySha256());
    }

    /** {@link #good} with the decoder's last step (its Strip) replaced by {@code step}. */
    private static String withLastDecoder(String step) {
        com.google.gson.JsonObject root = com.google.gson.JsonParser.parseString(good).getAsJsonObject();
        com.google.gson.JsonArray steps = root.getAsJsonObject("decoder").getAsJsonArray("decoders");
        steps.set(steps.size() - 1, com.google.gson.JsonParser.parseString(step));
        return root.toString();
    }

    @Test
    void decoderFieldsMustHaveTheTypesTheNativeLibraryReadsThemAs(@TempDir Path dir) throws Exception {
        com.google.gson.JsonArray steps = com.google.gson.JsonParser.parseString(good).getAsJsonObject()
                .getAsJsonObject("decoder").getAsJsonArray("decoders");
        String at = "tokenizer.json: decoder.decoders[" + (steps.size() - 1) + "]";
        assertEquals("Strip", steps.get(steps.size() - 1).getAsJsonObject().get("type").getAsString());
        Path f = dir.resolve(TextTokenizer.FILE);
        Files.writeString(f, withLastDecoder("{\"type\": \"Strip\", \"content\": \"\\ud83d\\ude00\", \"start\": 2, \"stop\": 1}"));
        TokenizerFile.read(f);                                                      // one character, outside the BMP

        assertEquals(at + ".content is \"ab\", expected one character",
                refusal(dir, withLastDecoder("{\"type\": \"Strip\", \"content\": \"ab\", \"start\": 1, \"stop\": 0}")));
        assertEquals(at + ".content is missing, expected a string",
                refusal(dir, withLastDecoder("{\"type\": \"Strip\", \"start\": 1, \"stop\": 0}")));
        assertEquals(at + ".start is -1, expected a whole number from 0 to 2147483647",
                refusal(dir, withLastDecoder("{\"type\": \"Strip\", \"content\": \" \", \"start\": -1, \"stop\": 0}")));
        assertEquals(at + ".stop is \"0\", expected a whole number from 0 to 2147483647",
                refusal(dir, withLastDecoder("{\"type\": \"Strip\", \"content\": \" \", \"start\": 1, \"stop\": \"0\"}")));
        assertEquals(at + ".pattern has the keys [String, Regex], expected one: String or Regex",
                refusal(dir, withLastDecoder("{\"type\": \"Replace\", \"pattern\": {\"String\": \"a\", \"Regex\": \"b\"},"
                        + " \"content\": \"x\"}")));
        assertEquals(at + ".pattern.Regex is 5, expected a string",
                refusal(dir, withLastDecoder("{\"type\": \"Replace\", \"pattern\": {\"Regex\": 5}, \"content\": \"x\"}")));
        assertEquals(at + ".content is missing, expected a string",
                refusal(dir, withLastDecoder("{\"type\": \"Replace\", \"pattern\": {\"String\": \"a\"}}")));
        assertEquals(at + ".add_prefix_space is \"yes\", expected true or false",
                refusal(dir, withLastDecoder("{\"type\": \"ByteLevel\", \"add_prefix_space\": \"yes\"}")));
        assertEquals(at + ".prepend_scheme is \"sometimes\", expected always, never or first",
                refusal(dir, withLastDecoder("{\"type\": \"Metaspace\", \"replacement\": \"_\", \"prepend_scheme\": \"sometimes\"}")));
        assertEquals(at + ".pad_token is 1, expected a string",
                refusal(dir, withLastDecoder("{\"type\": \"CTC\", \"pad_token\": 1}")));
        Files.writeString(f, withLastDecoder("{\"type\": \"WordPiece\", \"prefix\": \"##\", \"cleanup\": true}"));
        TokenizerFile.read(f);
    }
}
