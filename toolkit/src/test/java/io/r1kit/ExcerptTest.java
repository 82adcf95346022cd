package io.r1kit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExcerptTest {

    @Test
    void quotesArePrintableAsciiAndBounded() {
        assertEquals("{'descr': '?[31m<f4'}", Excerpt.of("{'descr': '\u001b[31m<f4'}"));
        assertEquals("caf? ?", Excerpt.of("caf\u00e9 \u202e"));                          // other scripts, bidi overrides
        assertEquals("a".repeat(60), Excerpt.of("a".repeat(60)));
        assertEquals("a".repeat(57) + "...", Excerpt.of("a".repeat(61)));
        assertEquals("a...", Excerpt.of("abcdef", 1));                                  // never below 4
        assertEquals("null", Excerpt.of(null));
    }

    @Test
    void wordsKeepTheirSpacesAndLoseTheirLineBreaks() {
        assertEquals("where is the red chair?", Excerpt.words("  where is\n\tthe  red\r\nchair?\n", 70));
        assertEquals("one ?[2J two", Excerpt.words("one \u001b[2J\ntwo", 70));
        assertEquals("a b c...", Excerpt.words("a\n\nb\n\nc\n\nd e f g", 8));
        assertEquals("", Excerpt.words(null, 10));
    }
}
