package io.r1kit.facade;

import io.r1kit.cot.CotRecord;
import io.r1kit.display.Progress;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.task.Task;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.sft.SftConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's long work, each told to a progress: CoT data, short SFT and GRPO runs, the evaluation. */
class R1LongWorkTest {

    /** Every update, as "done/total". */
    private static Progress recording(List<String> seen) {
        return (done, total, text) -> seen.add(done + "/" + total);
    }

    @Test
    void cotDataIsWrittenRoomByRoomAndARecordShowsAsACard(@TempDir Path tmp) {
        List<String> seen = new ArrayList<>();
        R1CotData data = R1.cot(2, 40, tmp.resolve("cot"), recording(seen));
        assertEquals(List.of("1/2", "2/2"), seen);
        assertTrue(data.toString().startsWith("wrote " + tmp.resolve("cot") + " (2 scenes, seed 40, back end "),
                data.toString());
        assertEquals(data.summary().getAsJsonObject("splits").entrySet().stream()
                .mapToInt(e -> e.getValue().getAsJsonObject().get("cot_records").getAsInt()).sum(), data.records().size());
        assertTrue(data.card(0).image().isPresent());
        assertTrue(data.toHtml().contains("<table") && data.toHtml().contains("data:image/png;base64,"));
        assertEquals("no record -1 (" + data.records().size() + " records, 0.." + (data.records().size() - 1) + ")",
                assertThrows(IllegalArgumentException.class, () -> data.card(-1)).getMessage());
    }

    @Test
    void aGeneratedRoomHasItsCotRecordsAndAFileSceneHasNone() {
        R1Scene room = R1Scene.of("office:3");
        List<CotRecord> records = room.cot();
        assertTrue(records.size() > 5, "records: " + records.size());
        assertEquals(Task.DENSE_CAPTION, records.get(records.size() - 1).task());
        assertEquals(records.get(1).question(), room.cotCard(1).record().question());
        assertTrue(room.cotCard(1).image().isPresent());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> room.cotCard(records.size())).getMessage()
                .startsWith("office:3: no CoT record " + records.size()));
        R1Scene file = R1Scene.of(room.scene());
        assertEquals("office-0003 is no generated room: the data engine writes CoT records from a room's scene graph",
                assertThrows(IllegalArgumentException.class, file::cot).getMessage());
    }

    @Test
    void shortSftAndGrpoRunsTellEachStepAndDrawTheirCurve(@TempDir Path tmp) {
        List<String> steps = new ArrayList<>();
        List<BufferedImage> curves = new ArrayList<>();
        TrainProgress progress = new TrainProgress() {
            @Override public void rooms(String phase, int done, int total) {}
            @Override public void step(int step, int steps2, double loss, double lr, double tps, double eta) {
                steps.add("sft " + step + "/" + steps2);
            }
            @Override public void step(int step, int steps2, String figures, double eta) {
                steps.add("grpo " + step + "/" + steps2);
            }
            @Override public void heldOut(int step, double loss) {}
            @Override public void curve(java.util.function.Supplier<BufferedImage> chart) {
                curves.add(chart.get());
            }
        };
        SftConfig sft = SftConfig.fromJson(TinyCheckpoint.RECIPE.replace("\"steps\": 30", "\"steps\": 2")
                .replace("\"warmup_steps\": 3", "\"warmup_steps\": 1").replace("\"eval_examples\": 3", "\"eval_examples\": 0"));
        R1Training s = R1.sft(sft, tmp.resolve("sft"), progress);
        assertEquals(List.of("sft 1/2", "sft 2/2"), steps);
        assertEquals(2, curves.size());
        assertEquals("2", s.summary().get("steps"));
        assertTrue(s.toString().startsWith("SFT run: " + tmp.resolve("sft") + "\nsteps "), s.toString());
        assertEquals(800, s.curve().getWidth());
        GrpoConfig grpo = GrpoConfig.fromJson("{\"model\": \"" + TinyCheckpoint.dir() + "\", \"train_rooms\": 1,"
                + " \"held_out_rooms\": 1, \"held_out_seed\": 500, \"eval_prompts\": 1, \"num_generations\": 2,"
                + " \"prompts_per_step\": 1, \"steps\": 1, \"max_completion_length\": 8, \"tasks\": [\"grounding\"],"
                + " \"rewards\": {\"grounding\": [\"format\", \"perception\"]}}");
        R1Training g = R1.grpo(grpo, tmp.resolve("grpo"), progress);
        assertEquals("grpo 1/1", steps.get(steps.size() - 1));
        assertEquals(3, curves.size());
        assertTrue(g.summary().get("held-out reward").endsWith(" after (1 prompts, greedy)"), g.summary().toString());
        assertEquals(Task.GROUNDING, g.model().ask(R1Scene.of("bedroom:7"), "grounding", "the bed").task());
        R1Model first = g.model();
        assertSame(first, R1.model(g.out().toString()), "a model is loaded once");
        R1.grpo(grpo, tmp.resolve("grpo"), progress);
        assertNotSame(first, R1.model(g.out().toString()), "a run into the same folder replaces the model loaded");
    }

    @Test
    void theEvaluationAndDenseCaptionsTellHowFarTheyAre() {
        List<String> seen = new ArrayList<>();
        try (R1Model m = R1Model.load(TinyCheckpoint.dir().toString())) {
            R1Scene room = R1Scene.of("bedroom:7");
            R1Answer dense = m.denseCaptions(room, recording(seen));
            assertEquals(Task.DENSE_CAPTION, dense.task());
            int objects = Math.min(room.scene().objects().size(), 8);   // the tiny model reads 8
            assertEquals("0/1", seen.get(0));
            assertEquals(objects + "/" + objects, seen.get(seen.size() - 1));
            assertTrue(seen.size() > 2, "a dense caption tells each token: " + seen);
            seen.clear();
            TaskEval.Options o = TaskEval.Options.defaults().withRooms(1).withPerTask(2)
                    .withTasks(List.of(Task.GROUNDING, Task.QA));
            R1Evaluation e = m.evaluate(o, recording(seen));
            assertEquals(List.of(Task.GROUNDING, Task.QA), List.copyOf(e.report().tasks().keySet()));
            assertEquals("4/4", seen.get(seen.size() - 1));
            assertTrue(e.toString().startsWith("model " + TinyCheckpoint.dir() + ": 1 rooms from seed 500000"), e.toString());
            assertTrue(e.toHtml().contains("<table") && e.toHtml().contains("data:image/png;base64,"));
        }
    }
}
