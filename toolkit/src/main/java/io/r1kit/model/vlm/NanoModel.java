package io.r1kit.model.vlm;

import io.r1kit.AtomicFolder;

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
 * The nano checkpoints shipped inside the toolkit jar, by name: {@code sft} (the cold start: supervised
 * training on the data engine's reasoning) and {@code r1} (GRPO after more of that training) when this build
 * has them, each the files of a checkpoint folder as class-path resources under {@value #RESOURCE}{@code <name>/}.
 * They are written only by the project's recipes into the source tree (docs/training.md, "The shipped model"
 * and "The shipped r1") and copied out, on first use, to a cache folder named by their hash
 * ({@code $R1KIT_HOME/.cache/nano/<sha>}, else
 * {@code <java.io.tmpdir>/r1kit-nano-<sha>}), which {@link Vlm3d#load} then reads like any checkpoint.
 *
 * <pre>{@code
 * Path dir = NanoModel.resolve("sft");          // a shipped model by name, or a checkpoint folder
 * Optional<Path> d = NanoModel.embedded();      // the default: r1 when shipped, else sft
 * }</pre>
 */
public final class NanoModel {

    /** The class-path folder of the shipped checkpoints, one sub-folder per name. */
    public static final String RESOURCE = "/io/r1kit/models/";
    /** The names a build may ship, the default first. */
    public static final List<String> NAMES = List.of("r1", "sft");
    /** The files of a checkpoint, all required. */
    public static final List<String> FILES = List.of("config.json", VlmConfig.FILE, "model.safetensors",
            "tokenizer.json", "tokenizer_config.json", "r1kit.json");
    /** What to say when there is no model to use. */
    public static final String NONE = "no --model given and this toolkit ships no trained nano model: train one with "
            + "'r1kit train sft --config environment/nano-sft.json --out DIR' and pass --model DIR";

    private NanoModel() {}

    /** Whether this build ships checkpoint {@code name}. */
    public static boolean present(String name) {
        return FILES.stream().allMatch(f -> NanoModel.class.getResource(RESOURCE + name + "/" + f) != null);
    }

    /** Whether this build ships any checkpoint. */
    public static boolean present() {
        return NAMES.stream().anyMatch(NanoModel::present);
    }

    /** The names this build ships, the default first. */
    public static List<String> shipped() {
        return NAMES.stream().filter(NanoModel::present).toList();
    }

    /** The default checkpoint (the first of {@link #NAMES} shipped) in its cache folder, or empty when none is. */
    public static Optional<Path> embedded() throws IOException {
        List<String> names = shipped();
        return names.isEmpty() ? Optional.empty() : named(names.get(0));
    }

    /**
     * A model by name or folder: a shipped name ({@code sft}, {@code r1}) in its cache folder, else a checkpoint
     * folder (one with a {@code tokenizer.json}); null for the default.
     *
     * @throws IllegalArgumentException naming what this build ships when the name is not shipped, or the folder
     *                                  when it holds no checkpoint
     */
    public static Path resolve(String spec) throws IOException {
        if (spec == null || spec.isBlank()) {
            return embedded().orElseThrow(() -> new IllegalArgumentException(NONE));
        }
        if (NAMES.contains(spec)) {
            return named(spec).orElseThrow(() -> new IllegalArgumentException("this toolkit ships no '" + spec
                    + "' model (it ships: " + (shipped().isEmpty() ? "none" : String.join(", ", shipped())) + ")"));
        }
        Path dir = Path.of(spec);
        AtomicFolder.restore(dir);   // a save killed between its renames leaves the previous folder aside
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new IllegalArgumentException(spec + ": not a checkpoint folder (no tokenizer.json) and not a shipped "
                    + "model name (" + String.join(", ", NAMES) + ")");
        }
        return dir;
    }

    /** Checkpoint {@code name} copied to its cache folder, or empty when this build does not ship it. */
    public static Optional<Path> named(String name) throws IOException {
        if (!present(name)) {
            return Optional.empty();
        }
        String sha = hash(name);
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
            try (InputStream in = open(name, f)) {
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
    private static String hash(String name) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        for (String f : FILES) {
            try (InputStream in = open(name, f)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static InputStream open(String name, String file) throws IOException {
        InputStream in = NanoModel.class.getResourceAsStream(RESOURCE + name + "/" + file);
        if (in == null) {
            throw new IOException(RESOURCE + name + "/" + file + ": missing from the class path");
        }
        return in;
    }
}
