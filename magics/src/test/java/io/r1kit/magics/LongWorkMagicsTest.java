package io.r1kit.magics;

import io.r1kit.cot.preview.RecordCard;
import io.r1kit.facade.R1Answer;
import io.r1kit.facade.R1CotData;
import io.r1kit.facade.R1Evaluation;
import io.r1kit.facade.R1Rewards;
import io.r1kit.facade.R1Training;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The magics of rewards, training, CoT data and evaluation without a kernel (their progress is a text bar on
 * standard error): what each returns, and each refusal as one line.
 */
class LongWorkMagicsTest {

    /** Two steps of a model 32 wide on one room: seconds on a CPU. */
    static final String TINY_SFT = """
            {"train_rooms": 1, "held_out_rooms": 1, "held_out_seed": 500, "tasks": ["grounding", "qa"],
             "hidden_size": 32, "layers": 1, "heads": 2, "kv_heads": 1, "intermediate_size": 64,
             "max_objects": 8, "points_per_object": 8, "max_tokens": 200, "steps": 2, "batch_size": 4,
             "warmup_steps": 1, "eval_every": 2, "held_out_examples": 4, "eval_examples": 0,
             "object_name_weight": 0}""";

    private final MagicState state = new MagicState();

    private String refusal(Runnable magic) {
        return assertThrows(MagicError.class, magic::run).getMessage();
    }

    @Test
    void rewardScoresTheLastAnswerAgainstTheTruthOrGt() {
        assertEquals("no answer yet: run %ask TASK TEXT first", refusal(() -> RewardMagic.run(state, List.of())));
        assertTrue(((String) RewardMagic.run(state, List.of("--help"))).contains("The rewards of the last %ask answer"));
        assertTrue(((String) EvalMagic.run(state, List.of("--help"))).contains("the one %ask uses"));
        Assumptions.assumeTrue(NanoModel.present(), "this build ships no model");
        SceneMagic.run(state, List.of("generate", "bedroom:7"));
        R1Answer a = (R1Answer) AskMagic.run(state, List.of("grounding", "the", "bed"), null);
        R1Rewards truth = (R1Rewards) RewardMagic.run(state, List.of());
        assertEquals(a, truth.answer());
        assertEquals(List.of("format", "perception"), List.copyOf(truth.parts().keySet()));
        R1Rewards byId = (R1Rewards) RewardMagic.run(state, List.of("--gt", "1"));
        assertTrue(byId.truth().endsWith(" 1 of bedroom:7"), byId.truth());
        assertTrue(refusal(() -> RewardMagic.run(state, List.of("--gt", "the", "bed")))
                .startsWith("grounding is scored on a box: --gt takes an object id of bedroom:7"));
        String missing = refusal(() -> RewardMagic.run(state, List.of("--gt")));
        assertTrue(missing.startsWith("Missing required parameter for option '--gt' at index 0 (TEXT)\nUsage: %reward "), missing);
        AskMagic.run(state, List.of("qa"), "Is the moon made of cheese?");
        assertTrue(refusal(() -> RewardMagic.run(state, List.of()))
                .startsWith("bedroom-0007 has no qa example asking \"Is the moon made of cheese?\" (it asks e.g."));
        R1Rewards given = (R1Rewards) RewardMagic.run(state, List.of("--gt", "no"));
        assertTrue(given.parts().containsKey("answer") && given.parts().containsKey("semantic"), given.toString());
    }

    @Test
    void sftAndGrpoCellsTrainAModelThatAskAnswersWith(@TempDir Path tmp) {
        assertTrue(refusal(() -> SftMagic.run(state, List.of(), " \n")).startsWith("%%sft: the cell is the recipe"));
        assertTrue(refusal(() -> GrpoMagic.run(state, List.of(), "{\"stepz\": 3}"))
                .startsWith("%%grpo recipe: unknown key \"stepz\" (known: model, "));
        assertEquals("%%sft recipe: steps must be at least 1, got 0 (the number of optimiser updates)",
                refusal(() -> SftMagic.run(state, List.of(), "{\"steps\": 0}")));
        assertTrue(refusal(() -> SftMagic.run(state, List.of(), "{\"steps\": ")).startsWith("%%sft recipe: not JSON: "));
        assertTrue(refusal(() -> SftMagic.run(state, List.of("--outt", "x"), "{}"))
                .startsWith("Unknown options: '--outt', 'x'\nUsage: %%sft "));
        assertTrue(((String) GrpoMagic.run(state, List.of("--print-default-config"), null)).contains("\"num_generations\""));
        R1Training sft = (R1Training) SftMagic.run(state, List.of("--out", tmp.resolve("sft").toString()), TINY_SFT);
        assertEquals(tmp.resolve("sft"), sft.out());
        assertEquals("2", sft.summary().get("steps"));
        String grpo = "{\"model\": \"" + sft.out() + "\", \"train_rooms\": 1, \"held_out_rooms\": 1, \"held_out_seed\": 500,"
                + " \"eval_prompts\": 1, \"num_generations\": 2, \"prompts_per_step\": 1, \"steps\": 1,"
                + " \"max_completion_length\": 8, \"tasks\": [\"grounding\"], \"rewards\": {\"grounding\": [\"format\","
                + " \"perception\"]}}";
        R1Training r1 = (R1Training) GrpoMagic.run(state, List.of(), grpo);
        assertTrue(r1.out().getFileName().toString().equals("grpo") && Files.isDirectory(r1.out()), r1.out().toString());
        SceneMagic.run(state, List.of("generate", "kitchen:3"));
        R1Answer a = (R1Answer) AskMagic.run(state, List.of("--model", r1.out().toString(), "grounding", "the", "stove"),
                null);
        assertEquals(r1.out().toString(), a.model());
    }

    @Test
    void cotGeneratesDataAndPreviewsARecordOfAFileOrTheCurrentRoom(@TempDir Path tmp) {
        assertEquals("%cot: unknown verb 'make' (generate or preview)", refusal(() -> CotMagic.run(state, List.of("make"))));
        assertEquals("%cot generate: FILE and --index are for %cot preview",
                refusal(() -> CotMagic.run(state, List.of("generate", "--index", "2"))));
        assertEquals("%cot preview: --scenes, --seed and --out are for %cot generate",
                refusal(() -> CotMagic.run(state, List.of("preview", "--scenes", "2"))));
        assertEquals("nowhere.jsonl: no such file", refusal(() -> CotMagic.run(state, List.of("preview", "nowhere.jsonl"))));
        R1CotData data = (R1CotData) CotMagic.run(state, List.of("generate", "--scenes", "1", "--seed", "9", "--out",
                tmp.toString()));
        Path file = tmp.resolve(Files.exists(tmp.resolve("scene30k_train.jsonl")) ? "scene30k_train.jsonl"
                : Files.exists(tmp.resolve("scene30k_val.jsonl")) ? "scene30k_val.jsonl" : "scene30k_test.jsonl");
        RecordCard card = (RecordCard) CotMagic.run(state, List.of("preview", file.toString(), "--index", "1"));
        assertEquals(data.records().get(1), card.record());
        assertTrue(card.image().isPresent(), "engine.json lies beside the file: the room is drawn");
        assertTrue(refusal(() -> CotMagic.run(state, List.of("preview", file.toString(), "--index", "100000")))
                .startsWith(file.getFileName() + ": no record 100000 (it has "));
        assertEquals("no current scene: run %scene generate bedroom:7 or %scene load PATH first",
                refusal(() -> CotMagic.run(state, List.of("preview"))));
        SceneMagic.run(state, List.of("generate", "office:3"));
        RecordCard current = (RecordCard) CotMagic.run(state, List.of("preview", "--index", "0"));
        assertEquals("office-0003", current.record().sceneId());
    }

    @Test
    void evalScoresTheModelOnFewQuestionsAndRefusesBadSizes() {
        assertEquals("--rooms must be at least 1, got 0", refusal(() -> EvalMagic.run(state, List.of("--rooms", "0"))));
        assertTrue(refusal(() -> EvalMagic.run(state, List.of("--task", "flying"))).startsWith("unknown task 'flying'"));
        assertTrue(refusal(() -> EvalMagic.run(state, List.of("--per-task", "x")))
                .startsWith("Invalid value for option '--per-task': 'x' is not an int\nUsage: %eval "));
        Assumptions.assumeTrue(NanoModel.present(), "this build ships no model");
        R1Evaluation e = (R1Evaluation) EvalMagic.run(state, List.of("--rooms", "1", "--per-task", "1", "--task", "qa"));
        assertEquals(List.of(Task.QA), List.copyOf(e.report().tasks().keySet()));
        assertEquals(1, e.report().tasks().get(Task.QA).cases());
    }

    @Test
    void liveProgressWithoutAKernelDrawsATextBarAtMostEveryQuarterSecondAndAlwaysTheEnd() {
        LiveProgress live = new LiveProgress(null);
        for (int i = 1; i <= 10_000; i++) {
            live.update(i, 10_000, "step " + i);
        }
        assertTrue(live.draws() >= 2 && live.draws() < 100, "draws: " + live.draws());
        int before = live.draws();
        live.update(10_000, 10_000, "done");
        assertEquals(before + 1, live.draws(), "the last update always draws");
    }
}
