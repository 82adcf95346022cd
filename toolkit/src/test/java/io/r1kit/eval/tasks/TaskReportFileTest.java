package io.r1kit.eval.tasks;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.eval.MeteorResources;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report written whole and read back: the same scores, intervals and pairing; refused when it is not its own. */
class TaskReportFileTest {

    private static final TaskEval.Options OPTIONS = TaskEval.Options.defaults().withRooms(3).withPerTask(1000);

    /** Three rooms, every task, replies right on even questions and a wrong colour-free guess on odd ones. */
    private static TaskReport report() {
        SceneGenerator generator = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000));
        List<TaskCase> cases = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 3; i++) {
            GeneratedRoom room = generator.generate(800 + i);
            for (Example e : InstructionGenerator.forModel(room, 800 + i, Arrays.asList(Task.values()), 32)) {
                String reply = n++ % 2 == 0 ? "<think>Step 1: I look.</think><answer>" + e.answer() + "</answer>"
                        : "a thing";
                cases.add(new TaskCase(i, e, room.scene(), room.graph(), TaskAnswer.read(e.task(), reply,
                        room.scene().bounds())));
            }
        }
        return TaskReport.of("half right", cases, OPTIONS, MeteorResources.builtIn());
    }

    @Test
    void readsBackTheSameReport(@TempDir Path tmp) throws Exception {
        TaskReport r = report();
        Path file = tmp.resolve("eval-sft.json");
        TaskReportFile.write(r, "abc", file);
        TaskReport back = TaskReportFile.read(file, "abc", OPTIONS).orElseThrow();

        assertEquals(r.toJsonText(), back.toJsonText());   // metrics, headlines, intervals, question types
        for (Task t : Task.values()) {
            assertArrayEquals(r.interval(t), back.interval(t), 0, t.slug());
        }
        // paired against the original, every difference is exactly 0
        for (TaskComparison.Row row : TaskComparison.of(r, back).rows()) {
            assertEquals(0, row.difference(), 0, row.task().slug());
            assertEquals(0, row.low(), 0, row.task().slug());
            assertEquals(0, row.high(), 0, row.task().slug());
        }
    }

    @Test
    void anotherModelOtherQuestionsOrATornFileAreNotReadBack(@TempDir Path tmp) throws Exception {
        TaskReport r = report();
        Path file = tmp.resolve("eval-sft.json");
        TaskReportFile.write(r, "abc", file);
        assertTrue(TaskReportFile.read(file, "abd", OPTIONS).isEmpty(), "another checkpoint");
        assertTrue(TaskReportFile.read(file, "abc", OPTIONS.withPerTask(999)).isEmpty(), "other questions");
        assertTrue(TaskReportFile.read(tmp.resolve("missing.json"), "abc", OPTIONS).isEmpty());
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertTrue(TaskReportFile.read(file, "abc", OPTIONS).isEmpty(), "a torn file");
        assertTrue(Files.list(tmp).noneMatch(p -> p.toString().endsWith(".tmp")));
    }
}
