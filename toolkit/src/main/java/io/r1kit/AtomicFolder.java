package io.r1kit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Writes a folder so that a reader (or a crash) never sees it half written: the content goes into a hidden
 * sibling {@code .NAME.writing-*}, and only when it is complete does it take the folder's place (the old one
 * is first renamed to {@code .NAME.old-*}, then removed). A run killed while writing leaves the previous
 * folder as it was; one killed between the two renames leaves it as {@code .NAME.old-*}, which
 * {@link #restore} (run by every checkpoint load) and {@link #recover} (run by every write) put back.
 *
 * <pre>{@code
 * AtomicFolder.replace(out, tmp -> VlmCheckpoint.save(model, tmp));
 * }</pre>
 */
public final class AtomicFolder {

    /** Writes a folder's content. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }

    private AtomicFolder() {}

    /** The points of {@link #replace} where a kill leaves a state of its own, in order. */
    enum Step {
        /** The hidden sibling exists and is being written; the folder is as it was. */
        WRITING,
        /** The sibling holds the whole new content; the folder is as it was. */
        WRITTEN,
        /** The folder is renamed aside and its name is free: what {@link #restore} repairs. */
        MOVED_ASIDE,
        /** The new content holds the name; the previous one is still aside, to be deleted. */
        MOVED_IN
    }

    /** Told of each {@link Step} with the folder being replaced; tests stop the process there. */
    static volatile BiConsumer<Step, Path> steps = (step, target) -> { };

    /** Writes {@code target} anew with {@code writer}; on failure {@code target} is untouched. */
    public static void replace(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String name = abs.getFileName().toString();
        recover(abs);
        removeStale(parent, "." + name + ".writing-");
        Path tmp = Files.createTempDirectory(parent, "." + name + ".writing-");
        try {
            steps.accept(Step.WRITING, abs);
            writer.write(tmp);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
        steps.accept(Step.WRITTEN, abs);
        for (int attempt = 1; ; attempt++) {
            Path old = null;
            if (Files.exists(abs)) {
                old = parent.resolve("." + name + ".old-" + System.nanoTime());
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                steps.accept(Step.MOVED_ASIDE, abs);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (Files.exists(abs) && attempt < 3) {
                    continue; // a reader put the previous folder back between the renames (restore): swap again
                }
                throw e;
            }
            steps.accept(Step.MOVED_IN, abs);
            if (old != null) {
                deleteTree(old);
            }
            return;
        }
    }

    /**
     * Puts back the previous {@code target} when a replacement was cut between its two renames (the folder is
     * missing and a {@code .NAME.old-*} sibling exists); otherwise removes such leftovers.
     */
    public static void recover(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        restore(abs);
        if (Files.isDirectory(abs.getParent())) {
            removeStale(abs.getParent(), "." + abs.getFileName() + ".old-");
        }
    }

    /**
     * What a reader runs before it opens {@code target}: puts back the previous folder when a replacement was cut
     * between its two renames, so the reader finds the previous folder or the new one whole. Unlike
     * {@link #recover} it deletes nothing, so it never races the clean-up of a writer in another process.
     *
     * @throws IOException naming {@code target} when the previous folder is there but cannot be put back
     */
    public static void restore(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent) || Files.exists(abs)) {
            return;
        }
        String prefix = "." + abs.getFileName() + ".old-";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path old : s) {
                try {
                    Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (IOException e) {
                    if (!Files.exists(abs)) {
                        throw new IOException(abs + ": cut while being replaced, and the previous folder "
                                + old.getFileName() + " could not be put back (" + e.getMessage() + ")", e);
                    }
                    return; // another reader put it back first
                }
            }
        }
    }

    private static void removeStale(Path parent, String prefix) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : s) {
                deleteTree(p);
            }
        }
    }

    /**
     * Copies the files and folders of {@code from} into {@code to} (created when missing), leaving out the
     * hidden leftovers of replacements ({@code .NAME.writing-*}, {@code .NAME.old-*}).
     */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(from)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && (name.contains(".writing-") || name.contains(".old-"))) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    copyTree(p, to.resolve(name));
                } else {
                    Files.copy(p, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
