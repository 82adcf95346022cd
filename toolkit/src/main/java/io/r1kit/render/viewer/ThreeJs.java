package io.r1kit.render.viewer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The three.js modules the viewer page needs, read from the toolkit jar (the build unpacks them from
 * the WebJar {@code org.webjars.npm:three}), and the import map that inlines them.
 *
 * <p>Since release 160 three.js ships ES modules only, and a module cannot be put in a page as plain
 * text: the page maps the specifiers {@code three} and {@code three/addons/controls/OrbitControls.js}
 * to {@code data:} URLs in an import map, so nothing is fetched. A {@code data:} URL is no base for
 * relative imports, so the one relative import of {@code three.module.min.js}
 * ({@code "./three.core.min.js"}) is renamed to the mapped specifier {@value #CORE}.
 */
final class ThreeJs {

    /** The three.js release bundled (the WebJar version in the build). */
    static final String VERSION = "0.181.1";

    private static final String RESOURCES = "three/";
    private static final String CORE = "three/core";
    private static final String CORE_IMPORT = "\"./three.core.min.js\"";

    private static volatile String importMap;

    private ThreeJs() {}

    /** The import map's JSON: {@code three}, its core and OrbitControls as base64 {@code data:} URLs. */
    static String importMap() {
        String m = importMap;
        if (m == null) {
            String core = read("three.core.min.js");
            String module = read("three.module.min.js");
            if (!module.contains(CORE_IMPORT)) {
                throw new IllegalStateException("three.module.min.js of three.js " + VERSION + " does not import "
                        + CORE_IMPORT + "; the bundled three.js is not the release this viewer was written for");
            }
            JsonObject imports = new JsonObject();
            imports.addProperty(CORE, dataUrl(core));
            imports.addProperty("three", dataUrl(module.replace(CORE_IMPORT, "\"" + CORE + "\"")));
            imports.addProperty("three/addons/controls/OrbitControls.js", dataUrl(read("OrbitControls.js")));
            JsonObject map = new JsonObject();
            map.add("imports", imports);
            // Base64 and the keys hold no '<', so this JSON cannot close the <script> element that holds it.
            m = new GsonBuilder().disableHtmlEscaping().create().toJson(map);
            importMap = m;
        }
        return m;
    }

    /** three.js's licence text (MIT), which must travel with the code. */
    static String license() {
        return read("LICENSE");
    }

    private static String dataUrl(String js) {
        return "data:text/javascript;base64," + Base64.getEncoder().encodeToString(js.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String name) {
        try (InputStream in = ThreeJs.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("three.js file " + name + " is missing from the toolkit jar"
                        + " (io/r1kit/render/viewer/three/); rebuild the toolkit with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read three.js file " + name + " from the toolkit jar", e);
        }
    }
}
