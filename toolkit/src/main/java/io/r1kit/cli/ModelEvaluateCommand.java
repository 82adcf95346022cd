package io.r1kit.cli;

import io.r1kit.display.ProgressBar;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model evaluate [--model sft|r1|DIR] [--rooms N] [--seed S] [--per-task K] [--json]}: the
 * seven-task evaluation of a nano checkpoint on generated rooms it never saw ({@link TaskEval},
 * {@link TaskReport}): per task the headline with a 95% interval over rooms, the share of replies in the
 * reasoning format, fact accuracy and the task's metrics.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a nano 3D checkpoint on all seven tasks over generated rooms it never saw: headline "
                + "per task with a 95% interval, reasoning format, fact accuracy, text metrics, EM@1, Acc@IoU.")
final class ModelEvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "sft|r1|DIR",
            description = "a shipped model by name or a checkpoint folder (default: the toolkit's default model)")
    String model;

    @Option(names = "--rooms", defaultValue = "250", description = "rooms used at most (default ${DEFAULT-VALUE})")
    int rooms;

    @Option(names = "--seed", defaultValue = "500000",
            description = "first room seed; keep clear of the training recipes' seeds (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-task", defaultValue = "400",
            description = "questions per task; dense captioning counts objects (default ${DEFAULT-VALUE})")
    int perTask;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        TaskEval.Options o = TaskEval.Options.defaults().withRooms(rooms).withSeed(seed).withPerTask(perTask);
        Path dir = NanoModel.resolve(model);
        String name = model == null ? "default (" + NanoModel.shipped().get(0) + ")" : model;
        try (Vlm3d vlm = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            var cases = TaskEval.run(new VlmAsk(vlm, tokenizer), o,
                    (done, total) -> ProgressBar.redraw(output.err(), done, total, "answered " + done + "/" + total));
            output.err().println();
            TaskReport r = TaskReport.of(name, cases, o, MeteorResources.defaults());
            output.print(r::toText, r::toJsonText);
        }
        return 0;
    }
}
