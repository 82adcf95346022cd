package io.r1kit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stops this process at one step of the first {@link AtomicFolder#replace} of a folder, with
 * {@link Runtime#halt} (as {@code kill -9} would: no finally block, no shutdown hook, nothing flushed), so that a
 * test in a child JVM kills a save exactly there instead of at a random moment.
 */
public final class SaveKill {

    /** The exit code of a process stopped here. */
    public static final int EXIT = 86;

    /** The steps of a save, in order. */
    public static final List<String> STEPS = Arrays.stream(AtomicFolder.Step.values()).map(Enum::name).toList();

    private SaveKill() {}

    /** Halts the process when the save of {@code folder} reaches {@code step} (one of {@link #STEPS}). */
    public static void at(String step, Path folder) {
        AtomicFolder.Step stop = AtomicFolder.Step.valueOf(step);
        Path target = folder.toAbsolutePath().normalize();
        AtomicFolder.steps = (reached, saved) -> {
            if (reached == stop && saved.equals(target)) {
                Runtime.getRuntime().halt(EXIT);
            }
        };
    }
}
