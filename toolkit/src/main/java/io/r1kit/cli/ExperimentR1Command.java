package io.r1kit.cli;

import io.r1kit.display.ProgressBar;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.train.TextProgress;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.experiment.AveragedArms;
import io.r1kit.train.experiment.R1Experiment;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit experiment r1 --config F --out DIR [--seeds N] [--probe K] [--no-control] [--without-rewards]
 * [--average] [--rooms N] [--seed S] [--per-task K] [--json]}: {@link R1Experiment}, GRPO against SFT, the
 * SFT-continuation control and, when asked, GRPO without rewards and each arm's seeds averaged.
 */
@Command(name = "r1", mixinStandardHelpOptions = true,
        description = "3D-R1's experiment in miniature: probe the SFT model's headroom, train GRPO per seed and the "
                + "SFT-continuation control at equal compute, evaluate all on the same held-out questions (paired), "
                + "write table.md, experiment.json, per-task.png and reward.png. Run it again into --out to go on.")
final class ExperimentR1Command implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "GRPO recipe JSON (keys left out take the defaults)")
    Path config;

    @Option(names = "--out", required = true, description = "experiment folder (runs, table, charts)")
    Path out;

    @Option(names = "--seeds", defaultValue = "1", description = "GRPO runs, seeds from the recipe's (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--probe", defaultValue = "24",
            description = "prompts per task of the headroom probe; 0 skips it (default ${DEFAULT-VALUE})")
    int probe;

    @Option(names = "--no-control", description = "skip the SFT-continuation control")
    boolean noControl;

    @Option(names = "--control-final-rate", defaultValue = "1", paramLabel = "F",
            description = "the control's learning rate at its last step as a fraction of its rate: 1 holds it constant,"
                    + " 0 cools it to 0 by a cosine (default ${DEFAULT-VALUE})")
    double controlFinalRate;

    @Option(names = "--without-rewards", description = "also train each seed's GRPO recipe with every reward weighted 0"
            + " and no dynamic sampling (no-reward-N/): the same sampling, KL term and anchor without the rewards'"
            + " signal, so the table shows what the rewards add")
    boolean withoutRewards;

    @Option(names = "--average", description = "also average each arm's seeds weight by weight into one model"
            + " (grpo-average/, control-average/, no-reward-average/), evaluate those and compare them; 2 seeds or more")
    boolean average;

    @Option(names = "--rooms", defaultValue = "250", description = "held-out rooms at most (default ${DEFAULT-VALUE})")
    int rooms;

    @Option(names = "--seed", defaultValue = "500000", description = "first held-out room seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-task", defaultValue = "400", description = "held-out questions per task (default ${DEFAULT-VALUE})")
    int perTask;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        TaskEval.Options eval = TaskEval.Options.defaults().withRooms(rooms).withSeed(seed).withPerTask(perTask);
        R1Experiment.Options o = new R1Experiment.Options(GrpoConfig.read(config), seeds, probe, eval, !noControl,
                withoutRewards, average, controlFinalRate);
        TextProgress training = new TextProgress(output.err());
        R1Experiment.Result r = R1Experiment.run(o, out, MeteorResources.defaults(), new R1Experiment.Listener() {
            @Override
            public void phase(String what) {
                output.err().println(what);
            }

            @Override
            public TrainProgress training() {
                return training;
            }

            @Override
            public TaskEval.Progress answering(String model) {
                return (done, total) -> {
                    ProgressBar.redraw(output.err(), done, total, model + ": answered " + done + "/" + total);
                    if (done == total) {
                        output.err().println();
                    }
                };
            }

            @Override
            public GrpoProbe.Progress probing() {
                return (done, total) -> {
                    ProgressBar.redraw(output.err(), done, total, "probed " + done + "/" + total);
                    if (done == total) {
                        output.err().println();
                    }
                };
            }
        });
        output.print(() -> (r.probe() == null ? "" : r.probe().toText() + "\n\n") + r.table().toMarkdown()
                + (r.averaged() == null ? "" : "\n" + AveragedArms.TITLE + "\n\n" + r.averaged().toMarkdown())
                + String.format(Locale.ROOT, "%nwrote %s: table.md, experiment.json, per-task.png, reward.png%s", out,
                        r.averaged() == null ? "" : ", averaged.png"),
                () -> JsonOutput.pretty(r.table().toJson()));
        return 0;
    }
}
