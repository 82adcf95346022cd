package io.r1kit.model.vlm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The nano checkpoint shipped inside the toolkit jar, if this build has one: the files of a checkpoint
 * folder as class-path resources under {@value #RESOURCE}. They are written only by training into the
 * source tree ({@value #HOW_TO_EMBED}) and copied out, on first use, to a cache folder named by their
 * hash ({@code $R1KIT_HOME/.cache/nano/<sha>}, else {@code <java.io.tmpdir>/r1kit-nano-<sha>}), which
 * {@link Vlm3d#load} then reads like any checkpoint.
 *
 * <pre>{@code
 * Optional<Path> dir = NanoModel.embedded();   // empty when the jar ships no model
 * }</pre>
 */
public final class NanoModel {

    /** The class-path folder of the embedded checkpoint. */
    public static final String RESOURCE = "/io/r1kit/nano/";
    /** The files of the checkpoint, all required. */
    public static final List<String> FILES = List.of("config.json", VlmConfig.FILE, "model.safetensors",
            "tokenizer.json", "tokenizer_config.json", "r1kit.json");
    /** The command that writes the embedded checkpoint into the source tree (then rebuild the jar). */
    public static final String HOW_TO_EMBED =
            "r1kit train sft --config environment/nano-sft.json --out toolkit/src/main/resources/io/r1kit/nano";
    /** What to say when there is no model to use. */
    public static final String NONE = "no --model given and this toolkit ships no trained nano model: train one with "
            + "'r1kit train sft --config environment/nano-sft.json --out DIR' and pass --model DIR";

    private NanoModel() {}

    /** Whether this build ships a checkpoint. */
    public static boolean present() {
        return FILES.stream().allMatch(f -> NanoModel.class.getResource(RESOURCE + f) != null);
    }

    /** The embedded checkpoint copied to its cache folder, or empty when this build ships none. */
    public static Optional<Path> embedded() throws IOException {
        if (!present()) {
            return Optional.empty();
        }
        String sha = hash();
        String home = System.getenv("R1KIT_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home, ".cache", "nano", sha)
                : Path.of(System.getProperty("java.io.tmpdir"), "r1kit-nano-" + sha);
        if (FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
            return Optional.of(dir);
        }
        Files.createDirectories(dir.getParent());
        // copy into a fresh sibling, then move it in whole: a reader never sees half a checkpoint
        Path partial = Files.createTempDirectory(dir.getParent(), "partial-");
        for (String f : FILES) {
            try (InputStream in = open(f)) {
                Files.copy(in, partial.resolve(f));
            }
        }
        try {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isRegularFile(dir.resolve("model.safetensors"))) {
                throw raced;
            }
            for (String f : FILES) {
                Files.deleteIfExists(partial.resolve(f)); // another process put it there first
            }
            Files.deleteIfExists(partial);
        }
        return Optional.of(dir);
    }

    /** The first 16 hex digits of SHA-256 over every file, in {@link #FILES} order. */
    private static String hash() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        for (String f : FILES) {
            try (InputStream in = open(f)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = NanoModel.class.getResourceAsStream(RESOURCE + file);
        if (in == null) {
            throw new IOException(RESOURCE + file + ": missing from the class path");
        }
        return in;
    }
}
