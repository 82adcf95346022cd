package io.r1kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 8259 as written, and nothing more: what {@link StrictJson} accepts, and the one line it says otherwise. */
class StrictJsonTest {

    /** The refusal of {@code text}, which must be one line. */
    private static String refusal(String text) {
        StrictJson.Malformed e = assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse(text));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        return e.getMessage();
    }

    private static String string(String json) {
        return StrictJson.parse(json).getAsString();
    }

    @Test
    void readsEveryKindOfValue() {
        JsonObject o = StrictJson.parse(" {\"a\": [true, false, null, \"x\", -0, {}], \"b\": {\"c\": []}}\r\n\t")
                .getAsJsonObject();
        JsonArray a = o.getAsJsonArray("a");
        assertEquals(6, a.size());
        assertTrue(a.get(0).getAsBoolean());
        assertTrue(a.get(2).isJsonNull());
        assertEquals("x", a.get(3).getAsString());
        assertEquals(0, o.getAsJsonObject("b").getAsJsonArray("c").size());
        assertEquals("[]", StrictJson.parse("[]").toString());
    }

    @Test
    void numbersFollowTheGrammarAndStayWithinFloat64() {
        assertEquals(new BigDecimal("0.1"), StrictJson.parse("0.1").getAsBigDecimal());   // kept exactly
        assertEquals(0.0015, StrictJson.parse("1.5e-3").getAsDouble());
        assertEquals(100.0, StrictJson.parse("1E+2").getAsDouble());
        assertEquals(new BigDecimal("123456789012345678901234567890"),
                StrictJson.parse("123456789012345678901234567890").getAsBigDecimal());
        assertEquals(0.0, StrictJson.parse("1e-400").getAsDouble());                      // underflow is zero
        assertEquals(-1.7976931348623157e308, StrictJson.parse("-1.7976931348623157e308").getAsDouble());

        assertEquals("invalid JSON at line 1, column 2: text after the JSON value", refusal("01"));
        assertEquals("invalid JSON at line 1, column 3: expected ',' or ']'", refusal("[01]"));
        assertEquals("invalid JSON at line 1, column 2: a number without digits", refusal("-"));
        assertEquals("invalid JSON at line 1, column 2: a number without digits", refusal("-Infinity"));
        assertEquals("invalid JSON at line 1, column 1: unexpected '+'", refusal("+1"));
        assertEquals("invalid JSON at line 1, column 1: unexpected '.'", refusal(".5"));
        assertEquals("invalid JSON at line 1, column 3: a number with no digit after its point", refusal("1."));
        assertEquals("invalid JSON at line 1, column 3: a number with no digit in its exponent", refusal("1e"));
        assertEquals("invalid JSON at line 1, column 4: a number with no digit in its exponent", refusal("1e+"));
        assertEquals("invalid JSON at line 1, column 1: unexpected 'N'", refusal("NaN"));
        assertEquals("invalid JSON at line 1, column 2: text after the JSON value", refusal("0x10"));
        assertEquals("invalid JSON at line 1, column 2: the number 1e400 is beyond float64's range", refusal("[1e400]"));
        assertEquals("invalid JSON at line 1, column 1: the number -2e308 is beyond float64's range", refusal("-2e308"));
        assertEquals("invalid JSON at line 1, column 1: the number 1e99999999999 is beyond float64's range",
                refusal("1e99999999999"));
    }

    @Test
    void escapesDecodeAndOnlyTheRfcsAreAccepted() {
        assertEquals("\" \\ / \b \f \n \r \t", string("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
        assertEquals("éA\u007f", string("\"\\u00e9\\u0041\u007f\""));                    // DEL needs no escape
        assertEquals("é", string("\"\\u00E9\""));
        assertEquals("invalid JSON at line 1, column 2: an unknown escape \\'x'", refusal("\"\\x\""));
        assertEquals("invalid JSON at line 1, column 2: an unknown escape \\'''", refusal("\"\\'\""));
        assertEquals("invalid JSON at line 1, column 2: the text ends inside a \\u escape", refusal("\"\\u12\""));
        assertEquals("invalid JSON at line 1, column 2: a \\u escape without four hex digits", refusal("\"\\u12g4\""));
        // digits of other scripts, which Java's own digit parsing takes as hex
        assertEquals("invalid JSON at line 1, column 2: a \\u escape without four hex digits",
                refusal("\"\\u\u0660\u0660\u0664\u0661\""));
        assertEquals("invalid JSON at line 1, column 2: a \\u escape without four hex digits",
                refusal("\"\\u\uff10\uff10\uff14\uff21\""));
        assertEquals("invalid JSON at line 1, column 3: a control character inside a string (write it as an escape)",
                refusal("\"a\tb\""));
        assertEquals("invalid JSON at line 1, column 2: a control character inside a string (write it as an escape)",
                refusal("\"\n\""));
        assertEquals("invalid JSON at line 1, column 4: the text ends inside a string", refusal("\"ab"));
        assertEquals("invalid JSON at line 1, column 2: the text ends inside an escape", refusal("\"\\"));
    }

    @Test
    void surrogateEscapesOnlyInPairs() {
        assertEquals("\uD83D\uDE00", string("\"\\ud83d\\ude00\""));
        assertEquals("\uD83D\uDE00", string("\"\uD83D\uDE00\""));                        // the character itself
        assertEquals("invalid JSON at line 1, column 2: a lone surrogate escape \\ud83d", refusal("\"\\ud83d\""));
        assertEquals("invalid JSON at line 1, column 2: a lone surrogate escape \\ud83d", refusal("\"\\ud83dx\""));
        assertEquals("invalid JSON at line 1, column 2: a lone surrogate escape \\ud83d", refusal("\"\\ud83d\\u0041\""));
        assertEquals("invalid JSON at line 1, column 2: a lone surrogate escape \\ud83d", refusal("\"\\ud83d\\ud83d\""));
        assertEquals("invalid JSON at line 1, column 2: a lone surrogate escape \\ude00", refusal("\"\\ude00\\ud83d\""));
    }

    @Test
    void nestingIsBoundedWithoutOverflowingTheStack() {
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertTrue(StrictJson.parse(deepest).isJsonArray());
        assertEquals("invalid JSON at line 1, column 65: arrays and objects nest more than 64 deep",
                refusal("[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1)));
        assertEquals("invalid JSON at line 1, column 65: arrays and objects nest more than 64 deep",
                refusal("[".repeat(1_000_000)));
        assertEquals("invalid JSON at line 1, column 321: arrays and objects nest more than 64 deep",
                refusal("{\"a\":".repeat(1_000_000)));
        StrictJson.Malformed e = assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse("[[[]]]", 2));
        assertEquals("invalid JSON at line 1, column 3: arrays and objects nest more than 2 deep", e.getMessage());
        assertEquals(2, StrictJson.parse("[[], {}]", 2).getAsJsonArray().size());
    }

    @Test
    void aKeyTwiceInOneObjectIsRefusedAtItsSecondPlace() {
        assertEquals("invalid JSON at line 1, column 10: key \"a\" appears twice in one object",
                refusal("{\"a\": 1, \"a\": 2}"));
        assertEquals("invalid JSON at line 1, column 10: key \"a\" appears twice in one object",
                refusal("{\"a\": 1, \"\\u0061\": 2}"));                             // the same key once decoded
        JsonElement twoObjects = StrictJson.parse("[{\"a\": 1}, {\"a\": 2, \"A\": 3}]");
        assertEquals(2, twoObjects.getAsJsonArray().get(1).getAsJsonObject().size());
        String hostile = refusal("{\"\\u001b[2J\\n\": 1, \"\\u001b[2J\\n\": 2}");
        assertTrue(hostile.endsWith("appears twice in one object"), hostile);
        assertTrue(hostile.chars().noneMatch(c -> c < 0x20 || c == 0x7f), hostile);   // no escape reaches a terminal
    }

    @Test
    void onlyWhitespaceMayFollowTheValueAndNothingElseIsJson() {
        assertEquals("invalid JSON at line 1, column 4: text after the JSON value", refusal("{} {}"));
        assertEquals("invalid JSON at line 1, column 4: text after the JSON value", refusal("[1]x"));
        assertEquals("invalid JSON at line 1, column 1: the text ends where a value should be", refusal(""));
        assertEquals("invalid JSON at line 2, column 1: the text ends where a value should be", refusal(" \n"));
        assertEquals("invalid JSON at line 1, column 1: a byte-order mark before the JSON", refusal("\uFEFF{}"));
        assertEquals("invalid JSON at line 1, column 1: unexpected '/'", refusal("// note\n{}"));
        assertEquals("invalid JSON at line 1, column 4: unexpected ']'", refusal("[1,]"));
        assertEquals("invalid JSON at line 1, column 8: expected a key in quotes", refusal("{\"a\":1,}"));
        assertEquals("invalid JSON at line 1, column 2: expected a key in quotes", refusal("{'a':1}"));
        assertEquals("invalid JSON at line 1, column 4: expected ',' or ']'", refusal("[1 2]"));
        assertEquals("invalid JSON at line 1, column 6: expected ':'", refusal("{\"a\" 1}"));
        assertEquals("invalid JSON at line 1, column 7: expected ',' or '}'", refusal("{\"a\":1"));
        assertEquals("invalid JSON at line 1, column 1: unexpected 't'", refusal("tru"));
        assertEquals("invalid JSON at line 1, column 1: unexpected 'T'", refusal("True"));
        assertEquals("invalid JSON at line 1, column 2: unexpected character U+0007", refusal("[\u0007]"));
        assertEquals("invalid JSON at line 1, column 2: unexpected character U+00A0", refusal("[\u00a0]"));
    }

    @Test
    void theLineAndColumnAreWhereTheTextGoesWrong() {
        assertEquals("invalid JSON at line 3, column 6: unexpected ','", refusal("{\n  \"a\": [1,\n   2,,\n]}"));
        assertEquals("invalid JSON at line 2, column 1: unexpected ']'", refusal("[1,\r\n]"));
        assertEquals("invalid JSON at line 1, column 7: unexpected 'x'", refusal("[\"\uD83D\uDE00\", x]")); // one character
    }

    @Test
    void filesAreBoundedAndUtf8(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.json"), "{\"name\": \"caf\u00e9\"}");
        assertEquals("caf\u00e9", StrictJson.read(ok, StrictJson.MAX_FILE).getAsJsonObject().get("name").getAsString());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> StrictJson.read(ok, 10));
        assertEquals("17 bytes, more than the 10 a JSON file here may have", big.getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.json"), "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> StrictJson.read(latin1, StrictJson.MAX_FILE));
        assertEquals("not UTF-8 text (byte 13 is not part of a UTF-8 character)", bad.getMessage());
        Path bom = Files.write(dir.resolve("bom.json"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        IllegalArgumentException marked = assertThrows(IllegalArgumentException.class,
                () -> StrictJson.read(bom, StrictJson.MAX_FILE));
        assertEquals("invalid JSON at line 1, column 1: a byte-order mark before the JSON", marked.getMessage());
    }
}
