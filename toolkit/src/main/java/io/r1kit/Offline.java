package io.r1kit;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Keeps DJL off the network. Every DJL entry point of the toolkit (the PyTorch engine, the tokenizers
 * binding, the sentence encoder of the semantic reward) calls {@link #apply()} first: it sets
 * {@code ai.djl.offline=true}, so a missing native is an error instead of a download, and points
 * {@code DJL_CACHE_DIR} at {@link #DEFAULT_CACHE}, where natives from the class path unpack. A value the
 * user set (system property or environment variable) is kept.
 */
public final class Offline {

    /** Where natives unpack when neither {@code DJL_CACHE_DIR} nor the system property is set. */
    public static final Path DEFAULT_CACHE = Paths.get(System.getProperty("user.home"), ".r1kit", "djl");

    private Offline() {}

    /** Sets {@code ai.djl.offline=true} and the native cache directory unless the user set them. */
    public static synchronized void apply() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", DEFAULT_CACHE.toString());
        }
    }
}
