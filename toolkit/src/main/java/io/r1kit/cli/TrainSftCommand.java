package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.eval.MeteorResources;
import io.r1kit.train.TextProgress;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftRun;
import io.r1kit.train.TrainingCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit train sft --config F.json --out DIR [--json]}: supervised fine-tuning of the nano model
 * ({@link SftRun}); a progress bar on standard error, the run's summary and held-out scores on standard
 * output. {@code --print-default-config} prints the default recipe.
 */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Supervised fine-tuning of the nano 3D model on generated rooms; writes a checkpoint with "
                + "provenance, loss.csv and loss.png, and reports the seven-task evaluation on the held-out rooms.")
final class TrainSftCommand implements Callable<Integer> {

    @Option(names = "--config", description = "recipe JSON (keys left out take the defaults)")
    Path config;

    @Option(names = "--out", description = "output folder (the checkpoint)")
    Path out;

    @Option(names = "--print-default-config", description = "print the default recipe and exit")
    boolean printDefault;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        if (printDefault) {
            output.out().println(SftConfig.defaults().toJson());
            output.out().flush();
            return 0;
        }
        deviceOption.apply();
        if (config == null || out == null) {
            throw new IllegalArgumentException("give --config F.json and --out DIR "
                    + "(r1kit train sft --print-default-config > F.json writes a recipe to start from)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": is a file; --out needs a folder");
        }
        SftConfig recipe = SftConfig.read(config);
        SftRun.Result r = SftRun.run(recipe, out, new TextProgress(output.err()), MeteorResources.defaults());
        output.print(() -> toText(r), () -> JsonOutput.pretty(toJson(r)));
        return 0;
    }

    static String toText(SftRun.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "wrote %s: %,d parameters, %d steps in %.1f s on %,d examples (%d longer than max_tokens dropped)%n",
                r.out(), r.parameters(), r.steps(), r.seconds(), r.trainExamples(), r.dropped()));
        sb.append(String.format(Locale.ROOT, "loss     training %.4f (last steps), held-out %.4f, best held-out %.4f at step %d%n",
                r.finalTrainLoss(), r.finalHeldOutLoss(), r.bestHeldOutLoss(), r.bestStep()));
        sb.append("data     sha256 ").append(r.dataSha256()).append('\n');
        sb.append(String.format(Locale.ROOT, "boxes    %d answer boxes as object pointers, %d of no encoded object%n",
                r.pointerBoxes(), r.unmatchedBoxes()));
        sb.append("curve    ").append(TrainingCurve.saved(r.out(), "loss"));
        if (r.report() != null) {
            sb.append('\n').append(r.report().toText());
        }
        return sb.toString();
    }

    static JsonObject toJson(SftRun.Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("out", r.out().toString());
        o.addProperty("parameters", r.parameters());
        o.addProperty("seconds", r.seconds());
        o.addProperty("train_examples", r.trainExamples());
        o.addProperty("dropped", r.dropped());
        o.addProperty("data_sha256", r.dataSha256());
        o.addProperty("pointer_boxes", r.pointerBoxes());
        o.addProperty("unmatched_boxes", r.unmatchedBoxes());
        r.losses().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        return o;
    }
}
