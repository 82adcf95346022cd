package io.r1kit.magics;

import io.r1kit.facade.R1Training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What {@code %%sft} and {@code %%grpo} share: the cell read as a JSON recipe (keys left out take the defaults),
 * the output folder (a fresh temporary one unless given), the run with its live progress, and the line that
 * says how to ask the trained model.
 */
final class TrainingCell {

    private TrainingCell() {}

    /** The recipe of the cell, read by {@code parse}; an empty cell or a bad key is one line naming the magic. */
    static <T> T recipe(String magic, String body, String example, Function<String, T> parse) {
        if (body == null || body.isBlank()) {
            throw new MagicError(magic + ": the cell is the recipe, a JSON object whose keys left out take the defaults,"
                    + " e.g. " + example + " (" + magic + " --print-default-config lists every key)");
        }
        try {
            return parse.apply(body);
        } catch (IllegalArgumentException e) {
            throw new MagicError(magic + " recipe: " + firstLine(e.getMessage()));
        }
    }

    /** {@code out} as given, or a new folder {@code METHOD} inside a fresh temporary folder. */
    static Path out(String out, String method) {
        if (out != null) {
            return Path.of(out);
        }
        try {
            return Files.createTempDirectory("r1kit-" + method + "-").resolve(method);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code training} with a live progress display, then says how to ask the model it trained. */
    static R1Training run(MagicState state, Function<LiveTraining, R1Training> training) {
        LiveProgress live = state.progress();
        R1Training t = training.apply(new LiveTraining(live));
        live.finish();
        System.out.println("ask the trained model: %ask --model " + t.out() + " TASK TEXT");
        System.out.flush();
        return t;
    }

    private static String firstLine(String s) {
        return s == null ? "bad recipe" : s.lines().findFirst().orElse(s);
    }
}
