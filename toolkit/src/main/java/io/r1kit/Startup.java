package io.r1kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The JShell startup script shipped in the toolkit jar ({@code environment/startup.jsh}). */
public final class Startup {

    private Startup() {}

    /** The script's statements (imports), one per element, comments and blank lines dropped. */
    public static List<String> statements() {
        try (InputStream in = Startup.class.getResourceAsStream("startup.jsh")) {
            if (in == null) {
                throw new IllegalStateException("io/r1kit/startup.jsh is missing from the toolkit jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("//")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/r1kit/startup.jsh", e);
        }
    }
}
