package io.r1kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the read-only real data in {@code ../shared/data} (system property {@code r1kit.shared}). */
public final class SharedData {

    private SharedData() {}

    /** The path of {@code relative} under {@code shared/data}; fails the test if it is missing. */
    public static Path path(String relative) {
        String root = System.getProperty("r1kit.shared", "../shared");
        Path p = Paths.get(root, "data").resolve(relative).normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test data not found: " + p.toAbsolutePath());
        }
        return p;
    }
}
