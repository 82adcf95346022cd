package io.r1kit.magics;

import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.facade.R1;
import io.r1kit.facade.R1Evaluation;
import io.r1kit.facade.R1Model;
import io.r1kit.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %eval [--model M] [--rooms N] [--per-task K] [--seed S] [--task T]...}: the seven-task evaluation of a
 * model on generated rooms it never saw, with a live progress bar, shown as the table of headlines with their
 * 95% intervals, format and fact accuracy, beside their chart. The defaults are small (a minute on a CPU);
 * {@code r1kit model evaluate} runs the full size.
 */
@Command(name = "%eval", description = "The seven-task evaluation of a model on rooms it never saw (small by default).")
final class EvalMagic implements Callable<Object> {

    static final String HELP = "[--model M] [--rooms N] [--per-task K]: the seven-task evaluation, table and chart";

    private final MagicState state;

    @Option(names = "--model", paramLabel = "sft|r1|DIR", description = "the model (default: the one %%ask uses; this one is not kept)")
    String model;

    @Option(names = "--rooms", paramLabel = "N", defaultValue = "3", description = "rooms at most (default 3)")
    int rooms;

    @Option(names = "--per-task", paramLabel = "K", defaultValue = "3",
            description = "questions per task; dense captioning counts objects (default 3)")
    int perTask;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "500000",
            description = "first room seed, clear of the training recipes' seeds (default 500000)")
    long seed;

    @Option(names = "--task", paramLabel = "TASK", description = "a task to evaluate (repeat it; default all seven)")
    List<String> tasks;

    EvalMagic(MagicState state) {
        this.state = state;
    }

    @Override
    public Object call() {
        TaskEval.Options o = TaskEval.Options.defaults().withRooms(rooms).withSeed(seed).withPerTask(perTask);
        if (tasks != null) {
            o = o.withTasks(tasks.stream().map(Task::fromSlug).toList());
        }
        R1Model m = model == null ? state.model(null) : R1.model(model);
        LiveProgress live = state.progress();
        R1Evaluation e = m.evaluate(o, live);
        live.finish();
        return e;
    }

    static Object run(MagicState state, List<String> args) {
        return MagicRunner.run(new EvalMagic(state), args);
    }
}
