package io.r1kit.eval.tasks;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.eval.MeteorResources;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seven-task scores on hand-made answers: the references themselves, and fluent wrong ones. */
class TaskReportTest {

    private static final SceneGenerator GENERATOR = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000));
    private static final TaskEval.Options OPTIONS = TaskEval.Options.defaults().withRooms(6).withPerTask(1000);

    /** Cases of 6 rooms whose replies {@code reply} writes from each example and its room. */
    private static List<TaskCase> cases(BiFunction<Example, GeneratedRoom, String> reply) {
        List<TaskCase> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            GeneratedRoom room = GENERATOR.generate(700 + i);
            for (Example e : InstructionGenerator.forModel(room, 700 + i, Arrays.asList(Task.values()), 32)) {
                out.add(new TaskCase(i, e, room.scene(), room.graph(),
                        TaskAnswer.read(e.task(), reply.apply(e, room), room.scene().bounds())));
            }
        }
        return out;
    }

    private static TaskReport report(List<TaskCase> cases) {
        return TaskReport.of("hand", cases, OPTIONS, MeteorResources.builtIn());
    }

    @Test
    void theReferencesInTheReasoningFormatScoreFull() {
        TaskReport r = report(cases((e, room) -> "<think>Step 1: I look.</think><answer>" + e.answer() + "</answer>"));
        assertEquals(7, r.tasks().size());
        r.tasks().forEach((t, s) -> {
            assertEquals(1.0, s.metrics().get("format"), 1e-12, t.slug());
            if (!s.headline().startsWith("cider")) {
                assertEquals(1.0, s.value(), t == Task.GROUNDING ? 0.05 : 1e-9, t.slug());   // see below
            }
        });
        // the reference box is the true box on the 0..255 grid: a few thin objects lose IoU to the rounding
        assertTrue(r.tasks().get(Task.GROUNDING).metrics().get("acc@0.25") > 0.95);
        assertTrue(r.tasks().get(Task.DENSE_CAPTION).metrics().get("found@0.5") > 0.95);   // the same rounding
        assertTrue(r.tasks().get(Task.DENSE_CAPTION).value() > 3, "CIDEr@0.5 of exact captions");
        assertTrue(r.tasks().get(Task.OBJECT_CAPTION).value() > 3, "CIDEr of exact captions");
        assertEquals(1.0, r.tasks().get(Task.QA).metrics().get("fact_accuracy"), 1e-12);
        double[] ci = r.interval(Task.QA);
        assertEquals(1.0, ci[0], 1e-12);
        assertTrue(r.toJson().getAsJsonObject("tasks").getAsJsonObject("qa").has("em@1_by_type"));
        assertEquals("em@1", r.toJson().getAsJsonObject("tasks").getAsJsonObject("qa").getAsJsonObject("headline")
                .get("metric").getAsString());
    }

    @Test
    void plainAnswersAreRightButNotInTheFormat() {
        TaskReport r = report(cases((e, room) -> e.answer()));
        r.tasks().forEach((t, s) -> assertEquals(0.0, s.metrics().get("format"), 1e-12, t.slug()));
        assertEquals(1.0, r.tasks().get(Task.QA).value(), 1e-12);
        assertTrue(r.tasks().get(Task.GROUNDING).value() > 0.95);
    }

    @Test
    void fluentWrongAnswersScoreAsWrong() {
        // every colour word turned into another: reads as well, states the wrong facts
        List<String> colours = List.of("black", "white", "grey", "brown", "red", "green", "blue", "yellow");
        TaskReport r = report(cases((e, room) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(" + String.join("|", colours) + ")\\b")
                    .matcher(e.answer());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, colours.get((colours.indexOf(m.group(1)) + 1) % colours.size()));
            }
            return m.appendTail(sb).toString();
        }));
        double colourEm = r.tasks().get(Task.QA).byType().get("colour")[0] / r.tasks().get(Task.QA).byType().get("colour")[1];
        assertEquals(0.0, colourEm, 1e-12);
        assertTrue(r.tasks().get(Task.REASONING).metrics().get("fact_accuracy") < 0.8,
                "reasoning with wrong colours: " + r.tasks().get(Task.REASONING).metrics());
        assertTrue(r.tasks().get(Task.OBJECT_CAPTION).metrics().get("fact_accuracy") < 0.8);
        // a box one object off: grounding fails
        TaskReport off = report(cases((e, room) -> e.task() != Task.GROUNDING ? e.answer()
                : new BoxCodec(room.scene().bounds()).encode(room.scene().objects().stream()
                .filter(o -> o.id() != e.target() && o.box().iou(room.scene().object(e.target()).orElseThrow().box()) < 0.25)
                .findFirst().orElseThrow().box())));
        assertEquals(0.0, off.tasks().get(Task.GROUNDING).value(), 1e-12);
        double[] ci = off.interval(Task.GROUNDING);
        assertEquals(0.0, ci[1], 1e-12);
    }

    @Test
    void intervalsResampleRoomsAndNarrowWithMoreRooms() {
        List<Bootstrap.Item> few = new ArrayList<>();
        List<Bootstrap.Item> many = new ArrayList<>();
        for (int room = 0; room < 40; room++) {
            for (int k = 0; k < 10; k++) {
                Bootstrap.Item item = new Bootstrap.Item(room, (room + k) % 3 == 0 ? 1 : 0, 1);
                many.add(item);
                if (room < 8) {
                    few.add(item);
                }
            }
        }
        double[] a = Bootstrap.interval95(few, 1);
        double[] b = Bootstrap.interval95(many, 1);
        assertTrue(a[0] <= Bootstrap.ratio(few) && Bootstrap.ratio(few) <= a[1]);
        assertTrue(b[1] - b[0] < a[1] - a[0], Arrays.toString(a) + " vs " + Arrays.toString(b));
        assertEquals(Arrays.toString(b), Arrays.toString(Bootstrap.interval95(many, 1)));   // seeded
    }
}
