package io.r1kit.train;

import io.r1kit.eval.MeteorResources;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A micro recipe, and one checkpoint trained from it once per test JVM (a few seconds on 2 cores). */
public final class TinyCheckpoint {

    /**
     * Two training rooms, grounding and dense captions, width 32, 1 layer, 8 objects of 8 points, 30 steps;
     * answers only (no object-naming loss), so the answer loss of so small a model falls within 30 steps.
     */
    public static final String RECIPE = """
            {"train_rooms": 2, "held_out_rooms": 1, "held_out_seed": 500, "tasks": ["grounding", "qa"],
             "hidden_size": 32, "layers": 1, "heads": 2, "kv_heads": 1, "intermediate_size": 64,
             "max_objects": 8, "points_per_object": 8, "max_tokens": 200, "steps": 30, "batch_size": 8,
             "learning_rate": 0.005, "warmup_steps": 3, "eval_every": 10, "held_out_examples": 8,
             "eval_examples": 3, "keep_best": true, "seed": 3, "object_name_weight": 0}""";

    private static Path dir;
    private static SftRun.Result result;

    private TinyCheckpoint() {}

    /** The trained checkpoint folder. */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("r1kit-tiny-sft");
                root.toFile().deleteOnExit();
                result = SftRun.run(SftConfig.fromJson(RECIPE), root.resolve("ckpt"), TrainProgress.none(),
                        MeteorResources.builtIn());
                dir = root.resolve("ckpt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** What the run reported. */
    public static synchronized SftRun.Result result() {
        dir();
        return result;
    }
}
