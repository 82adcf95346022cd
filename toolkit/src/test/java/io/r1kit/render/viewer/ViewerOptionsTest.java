package io.r1kit.render.viewer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ViewerOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ViewerOptions d = ViewerOptions.defaults();
        assertEquals(new ViewerOptions(200_000, 0, 2, true, true, 480, "#1f2329"), d);
        assertEquals(50_000, d.withMaxPoints(50_000).maxPoints());
        assertEquals(200_000, d.maxPoints(), "withX returns a copy; the original is unchanged");
    }

    @Test
    void jsonRoundTripsAndMissingFieldsKeepDefaults() {
        ViewerOptions o = ViewerOptions.defaults().withMaxPoints(1234).withSeed(-9).withPointSize(3.5)
                .withBoxes(false).withLabels(false).withHeight(300).withBackground("#FFFFFF");
        assertEquals(o, ViewerOptions.fromJson(o.toJson()));
        assertEquals(ViewerOptions.defaults().withSeed(5), ViewerOptions.fromJson("{\"seed\": 5}"));
    }

    @Test
    void badValuesSayWhatToChange() {
        ViewerOptions d = ViewerOptions.defaults();
        assertEquals("maxPoints 0 is outside 1..2000000; larger pages load slowly, and the viewer subsamples bigger"
                + " clouds anyway", assertThrows(IllegalArgumentException.class, () -> d.withMaxPoints(0)).getMessage());
        assertEquals("pointSize 12.0 px is outside [0.5, 10.0], the range of the page's slider",
                assertThrows(IllegalArgumentException.class, () -> d.withPointSize(12)).getMessage());
        assertEquals("height 100 px is outside 120..4000",
                assertThrows(IllegalArgumentException.class, () -> d.withHeight(100)).getMessage());
        assertEquals("background \"red\" is not a colour of the form #rrggbb, e.g. #1f2329",
                assertThrows(IllegalArgumentException.class, () -> d.withBackground("red")).getMessage());
        assertEquals("unknown viewer option \"maxpoints\" (known: background, height, maxPoints, pointSize, seed,"
                + " showBoxes, showLabels)", assertThrows(IllegalArgumentException.class,
                () -> ViewerOptions.fromJson("{\"maxpoints\": 3}")).getMessage());
    }
}
