package io.r1kit.cli;

import io.r1kit.eval.MeteorResources;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A micro checkpoint trained with task prompts, once per test JVM, for {@code r1kit ask}: the recipe of
 * {@link TinyCheckpoint} with room for reasoning-format targets ({@code max_tokens} {@value #MAX_TOKENS}).
 */
final class AskCheckpoint {

    static final int MAX_TOKENS = 256;

    private static Path dir;

    private AskCheckpoint() {}

    /** The trained checkpoint folder. */
    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("r1kit-ask-sft");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                String recipe = TinyCheckpoint.RECIPE.replace("\"max_tokens\": 64", "\"max_tokens\": " + MAX_TOKENS);
                SftRun.run(SftConfig.fromJson(recipe), root.resolve("ckpt"), TrainProgress.none(), MeteorResources.builtIn());
                dir = root.resolve("ckpt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static void delete(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
