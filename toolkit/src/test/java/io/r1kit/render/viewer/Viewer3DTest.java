package io.r1kit.render.viewer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Sampling;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Viewer3DTest {

    /** A line of n points: point i at (i, 2i, -i) with colour (i/n, 0.5, 1). */
    static Scene line(String id, int n, String label) {
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = i;
            xyz[3 * i + 1] = 2 * i;
            xyz[3 * i + 2] = -i;
            rgb[3 * i] = (float) i / n;
            rgb[3 * i + 1] = 0.5f;
            rgb[3 * i + 2] = 1f;
        }
        return Scene.builder(id).points(new PointCloud(xyz, rgb, null))
                .addObject(new SceneObject(4, label, -1, new Box3(1, 2, 3, 2, 4, 6), new int[0])).build();
    }

    /** The JSON of the page's {@code <script id="r1kit-data">}. */
    static JsonObject data(String page) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"r1kit-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), "the page has no r1kit-data element");
        return JsonParser.parseString(m.group(1)).getAsJsonObject();
    }

    @Test
    void pointDataDecodesBackToTheSubsampledPoints() {
        Scene scene = line("line", 10, "chair");
        Viewer3D viewer = Viewer3D.of(scene, ViewerOptions.defaults().withMaxPoints(4).withSeed(3));
        JsonObject d = data(viewer.page());
        assertEquals(10, d.get("totalPoints").getAsInt());
        assertEquals(4, d.get("shownPoints").getAsInt());
        int[] kept = Sampling.indices(10, 4, 3, Sampling.Fill.KEEP_ALL);
        ByteBuffer xyz = ByteBuffer.wrap(Base64.getDecoder().decode(d.get("positions").getAsString()))
                .order(ByteOrder.LITTLE_ENDIAN);
        byte[] rgb = Base64.getDecoder().decode(d.get("colours").getAsString());
        assertEquals(4 * 12, xyz.remaining());
        assertEquals(4 * 3, rgb.length);
        for (int k = 0; k < 4; k++) {
            int i = kept[k];
            assertEquals(i, xyz.getFloat(), 0f);
            assertEquals(2 * i, xyz.getFloat(), 0f);
            assertEquals(-i, xyz.getFloat(), 0f);
            assertEquals(Math.round(i / 10f * 255), rgb[3 * k] & 0xff);
            assertEquals(128, rgb[3 * k + 1] & 0xff); // 0.5 * 255 = 127.5 rounds up
            assertEquals(255, rgb[3 * k + 2] & 0xff);
        }
        // Bounds are of the whole scene, not of the kept points.
        assertEquals("[0.0,0.0,-9.0,9.0,18.0,0.0]", d.get("bounds").toString());
    }

    @Test
    void subsamplingKeepsAtMostTheMaximumAndIsDeterministic() {
        Scene scene = line("line", 1000, "chair");
        ViewerOptions opts = ViewerOptions.defaults().withMaxPoints(100).withSeed(11);
        Viewer3D a = Viewer3D.of(scene, opts);
        assertEquals(100, a.shownPoints());
        assertEquals(1000, a.totalPoints());
        String positions = data(a.page()).get("positions").getAsString();
        assertEquals(positions, data(Viewer3D.of(scene, opts).page()).get("positions").getAsString());
        assertNotEquals(positions, data(Viewer3D.of(scene, opts.withSeed(12)).page()).get("positions").getAsString());
        // The kept points are distinct: 100 different x values.
        ByteBuffer xyz = ByteBuffer.wrap(Base64.getDecoder().decode(positions)).order(ByteOrder.LITTLE_ENDIAN);
        Set<Float> xs = new HashSet<>();
        for (int k = 0; k < 100; k++) {
            xs.add(xyz.getFloat(12 * k));
        }
        assertEquals(100, xs.size());
        assertEquals(1000, Viewer3D.of(scene).shownPoints(), "a cloud under the maximum is shown whole");
        assertEquals("Viewer3D[line, 100 of 1000 points, 1 boxes]", a.toString());
    }

    @Test
    void boxesAndLabelsAreInThePage() {
        JsonObject d = data(Viewer3D.of(line("line", 5, "chair")).page());
        JsonArray boxes = d.getAsJsonArray("boxes");
        assertEquals(1, boxes.size());
        JsonObject b = boxes.get(0).getAsJsonObject();
        assertEquals(4, b.get("id").getAsInt());
        assertEquals("chair", b.get("label").getAsString());
        assertEquals("[0.0,0.0,0.0]", b.get("min").toString()); // centre (1, 2, 3), size (2, 4, 6)
        assertEquals("[2.0,4.0,6.0]", b.get("max").toString());
        assertEquals(ViewerData.labelColour("chair"), b.get("colour").getAsString());
        assertTrue(b.get("colour").getAsString().matches("#[0-9a-f]{6}"));
        assertEquals("{\"pointSize\":2.0,\"showBoxes\":true,\"showLabels\":true,\"background\":\"#1f2329\"}",
                d.get("options").toString());
    }

    @Test
    void labelsAndTitlesAreEscaped() {
        String evil = "</script><img src=x onerror=alert(1)>";
        String page = Viewer3D.of(line("a<b & \"c\"", 5, evil)).page();
        assertFalse(page.contains("<img"), "a label must not become markup");
        assertTrue(page.contains("\\u003c/script\\u003e\\u003cimg src\\u003dx"), "the label is escaped in the JSON");
        assertTrue(page.contains("<title>a&lt;b &amp; &quot;c&quot;</title>"), page.substring(0, 400));
        assertEquals(evil, data(page).getAsJsonArray("boxes").get(0).getAsJsonObject().get("label").getAsString());
        assertEquals("a<b & \"c\"", data(page).get("id").getAsString());
    }

    @Test
    void threeJsIsInlinedAndNothingIsFetched() {
        String page = Viewer3D.of(line("line", 5, "chair")).page();
        assertFalse(page.contains("http://") || page.contains("https://"), "the page references a URL");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertFalse(scripts.group(1).contains("src"), "a script loads a file: " + scripts.group());
        }
        assertEquals(4, count, "import map, error reporter, data, app");
        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(map.find());
        JsonObject imports = JsonParser.parseString(map.group(1)).getAsJsonObject().getAsJsonObject("imports");
        assertEquals(Set.of("three", "three/core", "three/addons/controls/OrbitControls.js"), imports.keySet());
        String prefix = "data:text/javascript;base64,";
        Pattern importFrom = Pattern.compile("(?:from|import)\\s*[\"']([^\"']+)[\"']");
        for (String key : imports.keySet()) {
            String url = imports.get(key).getAsString();
            assertTrue(url.startsWith(prefix), key + " is not inlined");
            String js = new String(Base64.getDecoder().decode(url.substring(prefix.length())), StandardCharsets.UTF_8);
            // Doc comments show usage examples with other specifiers; only code imports matter.
            Matcher m = importFrom.matcher(js.replaceAll("(?s)/\\*.*?\\*/", ""));
            while (m.find()) {
                assertTrue(Set.of("three", "three/core").contains(m.group(1)), key + " imports " + m.group(1));
            }
        }
        String module = new String(Base64.getDecoder().decode(imports.get("three").getAsString().substring(prefix.length())),
                StandardCharsets.UTF_8);
        assertTrue(module.contains("WebGLRenderer"), "three's module build holds the renderer");
        assertTrue(module.contains("from\"three/core\""), "the relative core import was renamed");
        assertTrue(page.contains("Copyright © 2010-2025 three.js authors"), "three.js's licence travels with it");
    }

    @Test
    void notebookOutputIsTheEscapedPageInAnIframe(@TempDir Path dir) throws Exception {
        Viewer3D viewer = Viewer3D.of(line("line", 5, "chair"), ViewerOptions.defaults().withHeight(300));
        String html = viewer.toHtml();
        Matcher m = Pattern.compile("^<div class=\"r1kit-viewer-row\"[^>]*><img class=\"r1kit-viewer-still\""
                + " alt=\"line: a still of the 3D view\" width=\"360\" height=\"270\" src=\"data:image/png;base64,[^\"]+\">"
                + "<div[^>]*><iframe class=\"r1kit-viewer\" title=\"line\" sandbox=\"allow-scripts\""
                + " style=\"width: 100%; height: 300px; border: 0;\" srcdoc=\"([^\"]*)\"></iframe></div></div>$").matcher(html);
        assertTrue(m.matches(), html.substring(0, 300));
        String unescaped = m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        assertEquals(viewer.page(), unescaped);
        Path file = viewer.write(dir.resolve("sub/line.html"));
        assertArrayEquals(viewer.page().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    /** The still shows the points where the page opens: drawn pixels differ from the renderer's background. */
    @Test
    void theStillIsTheSceneFromTheCornerThePageOpensWith() {
        var room = new io.r1kit.scene.gen.SceneGenerator().generate(io.r1kit.scene.gen.RoomKind.BEDROOM, 7).scene();
        BufferedImage still = Viewer3D.of(room).still();
        assertEquals(Viewer3D.STILL_WIDTH, still.getWidth());
        assertEquals(Viewer3D.STILL_HEIGHT, still.getHeight());
        int background = still.getRGB(0, 0);
        int drawn = 0;
        for (int y = 0; y < still.getHeight(); y++) {
            for (int x = 0; x < still.getWidth(); x++) {
                drawn += still.getRGB(x, y) != background ? 1 : 0;
            }
        }
        assertTrue(drawn > still.getWidth() * still.getHeight() / 5, drawn + " pixels drawn");
        BufferedImage plain = Viewer3D.of(room, ViewerOptions.defaults().withBoxes(false)).still();
        int differ = 0;
        for (int y = 0; y < still.getHeight(); y++) {
            for (int x = 0; x < still.getWidth(); x++) {
                differ += still.getRGB(x, y) != plain.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 500, "boxes drawn only when the page shows them: " + differ);
    }

    @Test
    void aSceneWithoutPointsIsRefused() {
        Scene empty = Scene.builder("empty").points(new PointCloud(new float[0], new float[0], null)).build();
        assertEquals("scene empty has no points to show",
                assertThrows(IllegalArgumentException.class, () -> Viewer3D.of(empty)).getMessage());
    }
}
