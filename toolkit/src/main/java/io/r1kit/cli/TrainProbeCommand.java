package io.r1kit.cli;

import io.r1kit.display.ProgressBar;
import io.r1kit.train.TextProgress;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code r1kit train probe --config F.json [--per-task N] [--json]}: the headroom GRPO can use on a recipe's
 * training prompts ({@link GrpoProbe}): per task pass@1, the sampled share right, pass@G and the share of tied
 * groups, at the recipe's G, temperature and length.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Probe a GRPO recipe's starting model on its training prompts: per task pass@1 (greedy), the "
                + "share of sampled answers that are right, pass@G and the share of groups that tie (no signal).")
final class TrainProbeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "GRPO recipe JSON (keys left out take the defaults)")
    Path config;

    @Option(names = "--per-task", defaultValue = "40", description = "prompts probed per task (default ${DEFAULT-VALUE})")
    int perTask;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        GrpoProbe.Report r = GrpoProbe.run(GrpoConfig.read(config), perTask, new TextProgress(output.err()),
                (done, total) -> ProgressBar.redraw(output.err(), done, total, "probed " + done + "/" + total));
        output.err().println();
        output.print(r::toText, () -> JsonOutput.pretty(r.toJson()));
        return 0;
    }
}
