package io.r1kit.display;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTest {

    @Test
    void escapesTextAndBothQuotes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", Html.escape("<a href=\"x\" title='y'>&"));
        assertEquals("plain text", Html.escape("plain text"));
    }

    @Test
    void pngDataUriDecodesToTheSamePixels() throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 1, 0x12AB34);
        String uri = Html.pngDataUri(img);
        assertTrue(uri.startsWith("data:image/png;base64,"), uri);
        byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(3, back.getWidth());
        assertEquals(0x12AB34, back.getRGB(2, 1) & 0xFFFFFF);
        assertEquals(0, back.getRGB(0, 0) & 0xFFFFFF);
    }
}
