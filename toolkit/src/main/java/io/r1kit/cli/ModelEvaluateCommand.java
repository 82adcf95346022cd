package io.r1kit.cli;

import io.r1kit.display.ProgressBar;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.AnswerFile;
import io.r1kit.eval.tasks.TaskCase;
import io.r1kit.eval.tasks.TaskComparison;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model evaluate [--model sft|r1|DIR] [--compare sft|r1|DIR] [--rooms N] [--seed S] [--per-task K]
 * [--tasks T,..] [--answers FILE.jsonl] [--json]}: the seven-task evaluation (or the tasks named) of a nano
 * checkpoint on generated rooms it never saw ({@link TaskEval}, {@link TaskReport}): per task the headline with a
 * 95% interval over rooms, the share of replies in the reasoning format, fact accuracy and the task's metrics; with
 * {@code --compare}, a second model on the same questions and the paired differences ({@link TaskComparison});
 * with {@code --answers}, every reply ({@link AnswerFile}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a nano 3D checkpoint on all seven tasks over generated rooms it never saw: headline "
                + "per task with a 95%% interval, reasoning format, fact accuracy, text metrics, EM@1, Acc@IoU.")
final class ModelEvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelChoice model;

    @Option(names = "--compare", paramLabel = "sft|r1|DIR",
            description = "a second model asked the same questions; prints the paired differences")
    String compare;

    @Option(names = "--rooms", defaultValue = "250", description = "rooms used at most (default ${DEFAULT-VALUE})")
    int rooms;

    @Option(names = "--seed", defaultValue = "500000",
            description = "first room seed; keep clear of the training recipes' seeds (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-task", defaultValue = "400",
            description = "questions per task; dense captioning counts objects (default ${DEFAULT-VALUE})")
    int perTask;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
            description = "only these tasks, comma-separated (default: all seven)")
    List<String> tasks;

    @Option(names = "--answers", paramLabel = "FILE.jsonl",
            description = "also write every question, reference and reply, one JSON object a line (both models with"
                    + " --compare)")
    Path answers;

    @Mixin
    JsonOutput output;

    private final Map<String, List<TaskCase>> answered = new LinkedHashMap<>();

    private TaskReport evaluate(String spec, TaskEval.Options o) throws Exception {
        Path dir = NanoModel.resolve(spec);
        String name = spec == null ? NanoModel.shipped().get(0) : spec;
        try (Vlm3d vlm = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            var cases = TaskEval.run(new VlmAsk(vlm, tokenizer), o, (done, total) -> ProgressBar.redraw(output.err(),
                    done, total, name + ": answered " + done + "/" + total));
            output.err().println();
            answered.put(answered.containsKey(name) ? name + " (2)" : name, cases);
            return TaskReport.of(name, cases, o, MeteorResources.defaults());
        }
    }

    private void writeAnswers() throws java.io.IOException {
        if (answers != null) {
            AnswerFile.write(answers, answered);
            output.err().println("answers: " + answers);
        }
    }

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        TaskEval.Options o = TaskEval.Options.defaults().withRooms(rooms).withSeed(seed).withPerTask(perTask);
        if (tasks != null) {
            o = o.withTasks(tasks.stream().map(String::trim).map(Task::fromSlug).distinct().toList());
        }
        if (answers != null) {
            Path parent = answers.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("--answers " + answers + ": the folder " + parent
                        + " does not exist");
            }
        }
        if (compare != null) {
            NanoModel.resolve(compare);   // a wrong second model is refused before the first one's minutes
        }
        TaskReport first = evaluate(model.model, o);
        if (compare == null) {
            writeAnswers();
            output.print(first::toText, first::toJsonText);
            return 0;
        }
        TaskReport second = evaluate(compare, o);
        writeAnswers();
        TaskComparison d = TaskComparison.of(first, second);
        output.print(() -> first.toText() + "\n\n" + second.toText() + "\n\n" + d.toText(),
                () -> JsonOutput.pretty(d.toJson()));
        return 0;
    }
}
