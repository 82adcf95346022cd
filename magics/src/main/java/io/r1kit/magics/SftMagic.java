package io.r1kit.magics;

import io.r1kit.facade.R1;
import io.r1kit.train.sft.SftConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %%sft [--out DIR]}: the cell is an SFT recipe ({@link SftConfig} as JSON; keys left out take the
 * defaults); trains the nano 3D model with a live progress bar and loss curve, then shows the run and its curve.
 * The folder is a model {@code %ask --model DIR} asks.
 */
@Command(name = "%%sft", description = "Supervised fine-tuning of the nano 3D model; the cell is the JSON recipe.")
final class SftMagic implements Callable<Object> {

    static final String HELP = "[--out DIR] (cell: JSON recipe): SFT with a live progress bar and loss curve";

    static final String EXAMPLE = "{\"steps\": 20, \"warmup_steps\": 2, \"train_rooms\": 4}";

    private final MagicState state;
    private final String body;

    @Option(names = "--out", paramLabel = "DIR", description = "the checkpoint folder (default: a new temporary folder)")
    String out;

    @Option(names = "--print-default-config", description = "show the default recipe, every key")
    boolean defaults;

    SftMagic(MagicState state, String body) {
        this.state = state;
        this.body = body;
    }

    @Override
    public Object call() {
        if (defaults) {
            return SftConfig.defaults().toJson();
        }
        SftConfig recipe = TrainingCell.recipe("%%sft", body, EXAMPLE, SftConfig::fromJson);
        return TrainingCell.run(state, progress -> R1.sft(recipe, TrainingCell.out(out, "sft"), progress));
    }

    static Object run(MagicState state, List<String> args, String body) {
        return MagicRunner.run(new SftMagic(state, body), args);
    }
}
