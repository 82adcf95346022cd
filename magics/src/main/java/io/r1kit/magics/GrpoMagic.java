package io.r1kit.magics;

import io.r1kit.facade.R1;
import io.r1kit.train.grpo.GrpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %%grpo [--out DIR]}: the cell is a GRPO recipe ({@link GrpoConfig} as JSON, TRL's option names; keys
 * left out take the defaults, which start from the shipped model); fine-tunes with a live progress bar and
 * reward curve, then shows the run, its held-out reward before and after, and its curve. The folder is a model
 * {@code %ask --model DIR} asks.
 */
@Command(name = "%%grpo", description = "GRPO fine-tuning of a nano checkpoint; the cell is the JSON recipe.")
final class GrpoMagic implements Callable<Object> {

    static final String HELP = "[--out DIR] (cell: JSON recipe): GRPO with a live progress bar and reward curve";

    static final String EXAMPLE = "{\"steps\": 5, \"num_generations\": 4}";

    private final MagicState state;
    private final String body;

    @Option(names = "--out", paramLabel = "DIR", description = "the checkpoint folder (default: a new temporary folder)")
    String out;

    @Option(names = "--print-default-config", description = "show the default recipe, every key")
    boolean defaults;

    GrpoMagic(MagicState state, String body) {
        this.state = state;
        this.body = body;
    }

    @Override
    public Object call() {
        if (defaults) {
            return GrpoConfig.defaults().toJson();
        }
        GrpoConfig recipe = TrainingCell.recipe("%%grpo", body, EXAMPLE, GrpoConfig::fromJson);
        return TrainingCell.run(state, progress -> R1.grpo(recipe, TrainingCell.out(out, "grpo"), progress));
    }

    static Object run(MagicState state, List<String> args, String body) {
        return MagicRunner.run(new GrpoMagic(state, body), args);
    }
}
