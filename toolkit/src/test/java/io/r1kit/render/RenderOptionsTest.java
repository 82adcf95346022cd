package io.r1kit.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RenderOptionsTest {

    @Test
    void jsonRoundTrip() {
        RenderOptions o = RenderOptions.defaults().withPointRadius(0.05).withShape(RenderOptions.SplatShape.SQUARE)
                .withBackground(0x102030);
        assertEquals(o, RenderOptions.fromJson(o.toJson()));
    }

    @Test
    void validationSaysWhatToFix() {
        assertEquals("splat radius range 3..2 must satisfy 0 <= minRadius <= maxRadius <= 64 pixels",
                assertThrows(IllegalArgumentException.class,
                        () -> RenderOptions.defaults().withRadiusRange(3, 2)).getMessage());
        assertEquals("render options JSON is not valid: near plane 0.0 must be a finite distance > 0 metres",
                assertThrows(IllegalArgumentException.class, () -> RenderOptions.fromJson(
                        RenderOptions.defaults().toJson().replace("\"near\":0.05", "\"near\":0"))).getMessage());
    }
}
