package io.r1kit.cli;

import io.r1kit.eval.MeteorResources;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.train.TextProgress;
import io.r1kit.train.sft.SftEval;
import io.r1kit.train.sft.SftScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model evaluate DIR --rooms N --seed S [--per-task K] [--json]}: held-out grounding
 * Acc@0.25/0.5 and dense-caption CIDEr/BLEU-4/METEOR of a nano checkpoint on generated rooms ({@link SftEval}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a nano 3D checkpoint on generated rooms: grounding Acc@0.25/0.5, dense-caption "
                + "CIDEr, BLEU-4 and METEOR.")
final class ModelEvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "checkpoint folder (from r1kit train sft)")
    Path dir;

    @Option(names = "--rooms", defaultValue = "10", description = "rooms to evaluate on (default 10)")
    int rooms;

    @Option(names = "--seed", defaultValue = "100000",
            description = "first room seed; keep clear of the training seeds (default 100000)")
    long seed;

    @Option(names = "--per-task", defaultValue = "50", description = "questions per task at most (default 50)")
    int perTask;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (rooms < 1 || perTask < 1) {
            throw new IllegalArgumentException("--rooms and --per-task must be at least 1");
        }
        try (Vlm3d model = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            SftScores s = SftEval.evaluate(new VlmAsk(model, tokenizer), rooms, seed, perTask,
                    MeteorResources.defaults(), new TextProgress(output.err()));
            output.print(() -> dir + "  (" + rooms + " rooms from seed " + seed + ")\n" + s.toText(), () -> {
                var o = s.toJson();
                o.addProperty("model", dir.toString());
                o.addProperty("rooms", rooms);
                o.addProperty("seed", seed);
                return JsonOutput.pretty(o);
            });
        }
        return 0;
    }
}
