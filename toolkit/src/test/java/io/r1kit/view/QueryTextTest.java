package io.r1kit.view;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryTextTest {

    @Test
    void normalisesPluralsSynonymsAndDropsFunctionWords() {
        assertEquals(List.of("refrigerator", "shelf", "body", "box", "chair", "glass"),
                QueryText.tokens("Where are the fridges, shelves, bodies, boxes, armchairs and glass?"));
        QueryText q = QueryText.of("Find the two grey couches near the white table");
        assertEquals(Set.of("two", "sofa", "table"), q.words());
        assertEquals(Set.of("grey", "white"), q.colours());
    }

    @Test
    void relevanceIsTheShareOfLabelWordsTheQueryNames() {
        QueryText q = QueryText.of("the counter by the sinks");
        assertEquals(0.5, q.relevance("kitchen counter"));
        assertEquals(1.0, q.relevance("sink"));
        assertEquals(0.0, q.relevance("refrigerator"));
        assertEquals(0.0, q.relevance(""));
    }

    @Test
    void coloursAreNamedByTheNearestReference() {
        assertEquals("white", ColourNames.name(0xF4F4F0));
        assertEquals("red", ColourNames.name(0xB01010));
        assertEquals("brown", ColourNames.name(0x6E4A2A));
        assertEquals("grey", ColourNames.name(0x7A7A80));
    }

    @Test
    void objectAndThingNameNoCategorySoNoProposalIsNamed() {
        QueryText q = QueryText.of("the white objects and things by the bed");
        assertEquals(Set.of("bed"), q.words());
        assertEquals(0.0, q.relevance(io.r1kit.scene.proposal.Proposals.LABEL));
        assertEquals(List.of(), QueryText.tokens("object"));
    }
}
