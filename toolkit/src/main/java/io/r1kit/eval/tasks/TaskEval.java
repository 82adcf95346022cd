package io.r1kit.eval.tasks;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.model.vlm.PromptFormat;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.task.TaskQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The held-out evaluation of the seven tasks: the data engine's questions about generated rooms a model
 * never saw (seeds {@code seed ..}), asked as each task asks them ({@link Queries}), answered greedily in
 * batches ({@link VlmAsk#askAll}), kept as {@link TaskCase}s for {@link TaskReport} to score. Rooms are
 * taken in seed order until every task has {@code perTask} questions (dense captioning counts the objects
 * its whole-room answers must caption) or {@code rooms} rooms are used; the same options give the same
 * questions, so two models are compared on the same ones.
 *
 * <pre>{@code
 * List<TaskCase> cases = TaskEval.run(ask, TaskEval.Options.defaults(), (done, total) -> {});
 * TaskReport report = TaskReport.of("sft", cases, TaskEval.Options.defaults(), MeteorResources.builtIn());
 * }</pre>
 */
public final class TaskEval {

    /** Told after each batch of answers. */
    @FunctionalInterface
    public interface Progress {
        void answered(int done, int total);
    }

    /**
     * What is evaluated.
     *
     * @param rooms   rooms used at most
     * @param seed    the first room's seed; keep it away from every training recipe's seed ranges
     * @param perTask questions per task (dense captioning: objects)
     * @param tasks   the tasks evaluated
     */
    public record Options(int rooms, long seed, int perTask, List<Task> tasks) {
        public Options {
            if (rooms < 1) {
                throw new IllegalArgumentException("--rooms must be at least 1, got " + rooms);
            }
            if (perTask < 1) {
                throw new IllegalArgumentException("--per-task must be at least 1, got " + perTask);
            }
            tasks = List.copyOf(tasks);
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("no task to evaluate");
            }
        }

        /**
         * 400 questions per task (a share near 0.7 is then known to about ±4.5 points at 95%) from up to 250
         * rooms from seed 500000, all seven tasks.
         */
        public static Options defaults() {
            return new Options(250, 500_000, 400, Arrays.asList(Task.values()));
        }

        public Options withRooms(int n) {
            return new Options(n, seed, perTask, tasks);
        }

        public Options withSeed(long s) {
            return new Options(rooms, s, perTask, tasks);
        }

        public Options withPerTask(int n) {
            return new Options(rooms, seed, n, tasks);
        }

        public Options withTasks(List<Task> t) {
            return new Options(rooms, seed, perTask, t);
        }
    }

    private record Pending(int room, Example example, GeneratedRoom generated, VlmAsk.Input input, TaskQuery query) {}

    private TaskEval() {}

    /**
     * Asks every question and returns the answered cases, grouped by task in {@link Task} order. A checkpoint
     * trained without task instructions cannot caption a whole room, so its dense captioning is left out.
     */
    public static List<TaskCase> run(VlmAsk ask, Options o, Progress progress) {
        List<Task> tasks = o.tasks().stream().filter(t -> PromptFormat.asks(ask.model().config(), t)).toList();
        Map<Task, Integer> have = new EnumMap<>(Task.class);
        tasks.forEach(t -> have.put(t, 0));
        Map<Task, List<Pending>> pending = new EnumMap<>(Task.class);
        SceneGenerator generator = new SceneGenerator();
        int maxObjects = ask.model().config().maxObjects();
        for (int i = 0; i < o.rooms() && have.values().stream().anyMatch(n -> n < o.perTask()); i++) {
            List<Task> needed = tasks.stream().filter(t -> have.get(t) < o.perTask()).toList();
            GeneratedRoom room = generator.generate(o.seed() + i);
            SceneContext c = InstructionGenerator.context(room, o.seed() + i);
            VlmAsk.Input in = ask.prepare(room.scene());
            for (Example e : InstructionGenerator.forModel(room, o.seed() + i, needed, maxObjects)) {
                int n = have.get(e.task());
                if (n >= o.perTask()) {
                    continue;
                }
                have.put(e.task(), n + (e.task() == Task.DENSE_CAPTION ? e.targets().size() : 1));
                pending.computeIfAbsent(e.task(), t -> new ArrayList<>()).add(new Pending(i, e, room, in, Queries.of(e, c)));
            }
        }
        int total = pending.values().stream().mapToInt(List::size).sum();
        List<TaskCase> out = new ArrayList<>(total);
        for (List<Pending> group : pending.values()) {
            for (int from = 0; from < group.size(); from += VlmAsk.BATCH) {
                List<Pending> chunk = group.subList(from, Math.min(group.size(), from + VlmAsk.BATCH));
                List<TaskAnswer> answers = ask.askAll(chunk.stream().map(Pending::input).toList(),
                        chunk.stream().map(Pending::query).toList());
                for (int k = 0; k < chunk.size(); k++) {
                    Pending p = chunk.get(k);
                    out.add(new TaskCase(p.room(), p.example(), p.generated().scene(), p.generated().graph(),
                            answers.get(k)));
                }
                progress.answered(out.size(), total);
            }
        }
        return out;
    }
}
