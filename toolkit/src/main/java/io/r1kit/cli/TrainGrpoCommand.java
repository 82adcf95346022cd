package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.train.TextProgress;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoRewards;
import io.r1kit.train.grpo.GrpoRun;
import io.r1kit.train.TrainingCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit train grpo --config F.json --out DIR [--resume] [--json]}: GRPO fine-tuning of a nano model
 * ({@link GrpoRun}); a progress bar on standard error, held-out scores before and after on standard
 * output. {@code --print-default-config} prints the default recipe.
 */
@Command(name = "grpo", mixinStandardHelpOptions = true,
        description = "GRPO fine-tuning (3D-R1 Sec. 3.2) of a nano 3D model on generated rooms' prompts; writes a "
                + "checkpoint with provenance, reward.csv and reward.png, and reports the held-out mean reward "
                + "before and after.")
final class TrainGrpoCommand implements Callable<Integer> {

    @Option(names = "--config", description = "recipe JSON (keys left out take the defaults)")
    Path config;

    @Option(names = "--out", description = "output folder (the checkpoint)")
    Path out;

    @Option(names = "--resume", description = "continue the run whose checkpoint is in --out (same --config;"
            + " a larger \"steps\" carries a finished run further)")
    boolean resume;

    @Option(names = "--print-default-config", description = "print the default recipe and exit")
    boolean printDefault;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        if (printDefault) {
            output.out().println(GrpoConfig.defaults().toJson());
            output.out().flush();
            return 0;
        }
        deviceOption.apply();
        if (config == null || out == null) {
            throw new IllegalArgumentException("give --config F.json and --out DIR "
                    + "(r1kit train grpo --print-default-config > F.json writes a recipe to start from)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": is a file; --out needs a folder");
        }
        GrpoConfig recipe = GrpoConfig.read(config);
        GrpoRun.Result r = GrpoRun.run(recipe, new GrpoRewards(), out, resume, new TextProgress(output.err()));
        output.print(() -> toText(r), () -> JsonOutput.pretty(toJson(r)));
        return 0;
    }

    static String toText(GrpoRun.Result r) {
        return String.format(Locale.ROOT, "wrote %s: %d GRPO steps in %.1f s (%.2f s/step) on %,d prompts from %s%n",
                r.out(), r.steps(), r.seconds(), r.secondsPerStep(), r.prompts(), r.base())
                + "before   " + r.before().toText() + "\n"
                + "after    " + r.after().toText() + "\n"
                + String.format(Locale.ROOT, "last     step reward %.4f, reward_std %.4f, frac_reward_zero_std %.2f,"
                        + " KL %.2e, entropy %.3f, clip_ratio/region_mean %.3f%n", r.last().reward(),
                        r.last().metric("reward_std"), r.last().metric("frac_reward_zero_std"), r.last().kl(),
                        r.last().metric("entropy"), r.last().metric("clip_ratio/region_mean"))
                + "data     sha256 " + r.dataSha256() + "\n"
                + "curve    " + TrainingCurve.saved(r.out(), "reward");
    }

    static JsonObject toJson(GrpoRun.Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("out", r.out().toString());
        o.addProperty("base_model", r.base().toString());
        o.addProperty("steps", r.steps());
        o.addProperty("seconds", r.seconds());
        o.addProperty("seconds_per_step", r.secondsPerStep());
        o.addProperty("train_prompts", r.prompts());
        o.addProperty("data_sha256", r.dataSha256());
        o.add("held_out_before", r.before().toJson());
        o.add("held_out_after", r.after().toJson());
        o.add("last_step", r.last().toJson());
        return o;
    }
}
