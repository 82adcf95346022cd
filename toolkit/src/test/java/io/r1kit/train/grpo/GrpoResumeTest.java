package io.r1kit.train.grpo;

import io.r1kit.model.Engines;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardTarget;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GRPO run that is killed and resumed ends exactly as one that was not; a NaN stops it with the last good checkpoint. */
class GrpoResumeTest {

    private static GrpoConfig recipe(String rewards) {
        return GrpoConfig.fromJson("{\"model\": \"" + TinyCheckpoint.dir() + "\", \"train_rooms\": 1, \"held_out_rooms\": 1,"
                + " \"held_out_seed\": 500, \"eval_prompts\": 2, \"num_generations\": 2, \"prompts_per_step\": 2,"
                + " \"steps\": 4, \"save_steps\": 2, \"learning_rate\": 0.01, \"max_completion_length\": 8,"
                + " \"beta\": 0.02, \"rewards\": {\"grounding\": " + rewards + "}}");
    }

    /** Stops the run (as a kill would) when step {@code at} is reported, before that step's checkpoint. */
    private static TrainProgress killAt(int at) {
        return new TrainProgress() {
            @Override public void rooms(String phase, int done, int total) {}
            @Override public void step(int step, int steps, double loss, double lr, double tps, double eta) {}
            @Override public void step(int step, int steps, String figures, double eta) {
                if (step == at) {
                    throw new IllegalStateException("killed");
                }
            }
            @Override public void heldOut(int step, double loss) {}
        };
    }

    private static Map<String, float[]> weights(Path dir) throws Exception {
        try (Vlm3d m = VlmCheckpoint.load(dir, Engines.defaultDevice())) {
            Map<String, float[]> out = new TreeMap<>();
            m.parameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
            return out;
        }
    }

    @Test
    void aResumedRunEndsExactlyAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        resumesExactly(recipe("[\"perception\", \"format\"]"), tmp);
    }

    @Test
    void withTheSupervisedAnchorTooAndItsLossIsLogged(@TempDir Path tmp) throws Exception {
        GrpoConfig config = GrpoConfig.fromJson(recipe("[\"perception\", \"format\"]").toJson()
                .replace("\"sft_weight\": 0.0", "\"sft_weight\": 0.5").replace("\"sft_batch_size\": 16", "\"sft_batch_size\": 3"));
        assertEquals(0.5, config.sftWeight(), 0);
        resumesExactly(config, tmp);
        List<String> csv = Files.readAllLines(tmp.resolve("b").resolve("reward.csv"));
        int column = List.of(csv.get(0).split(",")).indexOf("sft_loss");
        assertTrue(column > 0, csv.get(0));
        for (String row : csv.subList(1, csv.size())) {
            double loss = Double.parseDouble(row.split(",")[column]);
            assertTrue(loss > 0 && loss < 20, "sft_loss " + loss);
        }
        String provenance = Files.readString(tmp.resolve("b").resolve("r1kit.json"));
        assertTrue(provenance.matches("(?s).*\"sft_anchor_sha256\": \"[0-9a-f]{64}\".*"), "the anchor's data hash");
    }

    @Test
    void underADecayingScheduleTooAndItsLengthCannotBeRaised(@TempDir Path tmp) throws Exception {
        GrpoConfig linear = GrpoConfig.fromJson(recipe("[\"perception\", \"format\"]").toJson()
                .replace("\"lr_scheduler_type\": \"constant\"", "\"lr_scheduler_type\": \"linear\""));
        resumesExactly(linear, tmp);
        List<String> csv = Files.readAllLines(tmp.resolve("b").resolve("reward.csv"));
        int column = List.of(csv.get(0).split(",")).indexOf("learning_rate");
        double[] logged = csv.subList(1, csv.size()).stream().mapToDouble(r -> Double.parseDouble(r.split(",")[column]))
                .toArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.01, 0.0075, 0.005, 0.0025}, logged, 1e-9);
        GrpoConfig six = GrpoConfig.fromJson(linear.toJson().replace("\"steps\": 4", "\"steps\": 6"));
        String e = assertThrows(io.r1kit.model.io.CheckpointException.class,
                () -> GrpoRun.run(six, new GrpoRewards(), tmp.resolve("b"), true, TrainProgress.none())).getMessage();
        assertTrue(e.contains("the run was planned for 4 steps and its learning rate follows the linear schedule"), e);
    }

    private static void resumesExactly(GrpoConfig config, Path tmp) throws Exception {
        GrpoRun.Result straight = GrpoRun.run(config, new GrpoRewards(), tmp.resolve("a"), false, TrainProgress.none());
        Path b = tmp.resolve("b");
        assertEquals("killed", assertThrows(IllegalStateException.class,
                () -> GrpoRun.run(config, new GrpoRewards(), b, false, killAt(3))).getMessage());
        assertTrue(GrpoState.exists(b), "step 2's checkpoint is there");
        GrpoRun.Result resumed = GrpoRun.run(config, new GrpoRewards(), b, true, TrainProgress.none());
        Map<String, float[]> wa = weights(tmp.resolve("a"));
        Map<String, float[]> wb = weights(b);
        assertEquals(wa.keySet(), wb.keySet());
        wa.forEach((k, v) -> assertArrayEquals(v, wb.get(k), 0f, k));
        assertEquals(straight.after(), resumed.after());
        assertEquals(straight.before(), resumed.before());
        assertEquals(5, Files.readAllLines(b.resolve("reward.csv")).size());   // header + 4 steps, 2 of them from before
        assertEquals(straight.last().reward(), resumed.last().reward(), 0);
        // no leftovers of the atomic writes beside the folder
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("a", "b"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFinishedRunResumedWithMoreStepsEndsAsTheLongerRunAndFewerAreRefused(@TempDir Path tmp) throws Exception {
        GrpoConfig four = GrpoConfig.fromJson(recipe("[\"perception\", \"format\"]").toJson()
                .replace("\"sft_weight\": 0.0", "\"sft_weight\": 0.5").replace("\"sft_batch_size\": 16", "\"sft_batch_size\": 3"));
        GrpoConfig two = GrpoConfig.fromJson(four.toJson().replace("\"steps\": 4", "\"steps\": 2"));
        assertEquals(2, two.steps());
        GrpoRun.Result straight = GrpoRun.run(four, new GrpoRewards(), tmp.resolve("a"), false, TrainProgress.none());
        Path b = tmp.resolve("b");
        GrpoRun.run(two, new GrpoRewards(), b, false, TrainProgress.none());
        Map<String, float[]> afterTwo = weights(b);
        GrpoRun.Result extended = GrpoRun.run(four, new GrpoRewards(), b, true, TrainProgress.none());
        Map<String, float[]> wa = weights(tmp.resolve("a"));
        Map<String, float[]> wb = weights(b);
        wa.forEach((k, v) -> assertArrayEquals(v, wb.get(k), 0f, k));
        assertTrue(wa.keySet().stream().anyMatch(k -> !java.util.Arrays.equals(afterTwo.get(k), wb.get(k))),
                "the two more steps moved the weights");
        assertEquals(straight.after(), extended.after());
        assertEquals(5, Files.readAllLines(b.resolve("reward.csv")).size());
        assertEquals(4, com.google.gson.JsonParser.parseString(Files.readString(b.resolve("r1kit.json")))
                .getAsJsonObject().get("steps").getAsInt());
        String fewer = assertThrows(io.r1kit.model.io.CheckpointException.class,
                () -> GrpoRun.run(two, new GrpoRewards(), b, true, TrainProgress.none())).getMessage();
        assertTrue(fewer.contains("the run has done 4 steps and the recipe asks for 2"), fewer);
    }

    @Test
    void resumingWithAnotherRecipeOrWithoutAStateIsRefused(@TempDir Path tmp) throws Exception {
        GrpoConfig config = recipe("[\"perception\"]");
        Path out = tmp.resolve("run");
        assertThrows(IllegalStateException.class, () -> GrpoRun.run(config, new GrpoRewards(), out, false, killAt(3)));
        GrpoConfig other = GrpoConfig.fromJson(config.toJson().replace("\"learning_rate\": 0.01", "\"learning_rate\": 0.02"));
        String e = assertThrows(io.r1kit.model.io.CheckpointException.class,
                () -> GrpoRun.run(other, new GrpoRewards(), out, true, TrainProgress.none())).getMessage();
        assertTrue(e.contains("state.json") && e.contains("the run was started with another recipe"), e);
        String none = assertThrows(IllegalArgumentException.class,
                () -> GrpoRun.run(config, new GrpoRewards(), tmp.resolve("empty"), true, TrainProgress.none())).getMessage();
        assertTrue(none.contains("no GRPO trainer state to resume from"), none);
    }

    /** Gives NaN from its {@code after}-th call on. */
    static final class Flaky implements Reward {
        private final int after;
        private int calls;

        Flaky(int after) {
            this.after = after;
        }

        @Override public String name() { return "flaky"; }
        @Override public boolean applies(RewardTarget target) { return true; }
        @Override public double score(String output, RewardTarget target) {
            return ++calls > after ? Double.NaN : calls % 2;
        }
    }

    @Test
    void aNanRewardStopsTheRunWithOneLineAndKeepsTheLastGoodCheckpoint(@TempDir Path tmp) throws Exception {
        GrpoConfig config = recipe("[\"perception\", \"flaky\"]");
        Path out = tmp.resolve("run");
        // 2 held-out answers, then 2 prompts x 2 outputs per step: the 15th score is in step 4 (saved at step 2)
        GrpoRewards rewards = new GrpoRewards().register(new Flaky(14));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GrpoRun.run(config, rewards, out, false, TrainProgress.none()));
        assertEquals("GRPO stopped at step 4: the flaky reward gave NaN for a grounding output; a reward must be a finite"
                + " number; " + out + " holds the last good checkpoint", e.getMessage());
        Map<String, float[]> saved = weights(out);                   // loads: every weight finite
        assertEquals(2, com.google.gson.JsonParser.parseString(Files.readString(out.resolve("trainer_state/state.json")))
                .getAsJsonObject().get("step").getAsInt());
        assertTrue(saved.size() > 3);
    }
}
