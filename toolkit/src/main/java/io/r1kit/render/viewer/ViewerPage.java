package io.r1kit.render.viewer;

import io.r1kit.Version;
import io.r1kit.display.Html;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Assembles the viewer's HTML from the page template ({@code viewer.html}), its script
 * ({@code viewer.js}), three.js's import map and a scene's {@link ViewerData}.
 */
final class ViewerPage {

    private static volatile String template, app;

    private ViewerPage() {}

    /** The standalone page: a whole HTML document that needs no network. */
    static String page(ViewerData data, String title, ViewerOptions options) {
        return fill(template(), Map.of(
                "version", Html.escape(Version.get()),
                "three", ThreeJs.VERSION,
                "title", Html.escape(title),
                "background", options.background(),
                "importmap", ThreeJs.importMap(),
                "data", data.toJson(),
                "app", app(),
                // The licence sits in an HTML comment: "--" must not end it early.
                "license", ThreeJs.license().replace("--", "- -")));
    }

    /**
     * The page inside an {@code <iframe srcdoc>}, for a notebook output: the page's import map,
     * styles and element ids stay in their own document, so several viewers can share a notebook,
     * and the output displays the same wherever the front end runs scripts of HTML outputs.
     */
    static String iframe(String page, String title, int height) {
        return "<iframe class=\"r1kit-viewer\" title=\"" + Html.escape(title) + "\" sandbox=\"allow-scripts\""
                + " style=\"width: 100%; height: " + height + "px; border: 0;\" srcdoc=\"" + Html.escape(page) + "\"></iframe>";
    }


    /**
     * {@code iframe} with {@code still} on its left, in a row that wraps on a narrow page; the image carries the
     * class {@code r1kit-viewer-still}.
     */
    static String withStill(BufferedImage still, String iframe, String title) {
        return "<div class=\"r1kit-viewer-row\" style=\"display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start;\">"
                + "<img class=\"r1kit-viewer-still\" alt=\"" + Html.escape(title) + ": a still of the 3D view\" width=\""
                + still.getWidth() + "\" height=\"" + still.getHeight() + "\" src=\"" + Html.pngDataUri(still) + "\">"
                + "<div style=\"flex: 1 1 400px; min-width: 300px;\">" + iframe + "</div></div>";
    }

    /**
     * Replaces each {@code {{name}}} of the template by its value in one left-to-right pass, so text
     * inserted (three.js, scene labels) is never searched for placeholders.
     */
    static String fill(String template, Map<String, String> values) {
        StringBuilder sb = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                return sb.append(template, at, template.length()).toString();
            }
            int close = template.indexOf("}}", open);
            String name = template.substring(open + 2, close);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("viewer template placeholder {{" + name + "}} has no value");
            }
            sb.append(template, at, open).append(value);
            at = close + 2;
        }
    }

    private static String template() {
        String t = template;
        if (t == null) {
            template = t = resource("viewer.html");
        }
        return t;
    }

    private static String app() {
        String a = app;
        if (a == null) {
            app = a = resource("viewer.js");
        }
        return a;
    }

    private static String resource(String name) {
        try (InputStream in = ViewerPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("viewer resource " + name + " is missing from the toolkit jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read viewer resource " + name, e);
        }
    }
}
