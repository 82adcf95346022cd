package io.r1kit.train;

import ai.djl.Device;
import io.r1kit.AtomicFolder;
import io.r1kit.ForkedJvm;
import io.r1kit.SaveKill;
import io.r1kit.eval.MeteorResources;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoRewards;
import io.r1kit.train.grpo.GrpoRun;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SFT and GRPO runs killed with SIGKILL at seeded random moments, in a child JVM: the recipes save often (SFT's
 * {@code best/} at every held-out step, GRPO's checkpoint every step), so some kills land inside a save. Once
 * {@link AtomicFolder#recover} has run (as the next run does), the output folder holds the previous checkpoint
 * or the new one, and it loads whole with its own tokenizer. Kills at random moments rarely land in the
 * few milliseconds between a save's renames, so a second test halts the child at each step of a save
 * ({@link SaveKill}).
 */
class KilledRunTest {

    /** Kills per training kind, each in a fresh child JVM. */
    static final int KILLS = Integer.getInteger("r1kit.kill.runs", 4);

    @TempDir
    Path dir;

    /** The child: {@code sft|grpo OUT RECIPE [STEP FOLDER]}, halting at that step of that folder's first save. */
    public static void main(String[] args) throws Exception {
        if (args.length == 5) {
            SaveKill.at(args[3], Path.of(args[4]));
        }
        String recipe = Files.readString(Path.of(args[2]));
        if (args[0].equals("sft")) {
            SftRun.run(SftConfig.fromJson(recipe), Path.of(args[1]), TrainProgress.none(), MeteorResources.builtIn());
        } else {
            GrpoRun.run(GrpoConfig.fromJson(recipe), new GrpoRewards(), Path.of(args[1]), false, TrainProgress.none());
        }
        System.out.println("finished");
    }

    @Test
    void aKilledSftRunLeavesThePreviousCheckpointOrTheNewOne() throws Exception {
        killAndCheck("sft", TinyCheckpoint.RECIPE.replace("\"eval_every\": 10", "\"eval_every\": 1")
                .replace("\"seed\": 3", "\"seed\": 4"), 2_000, 10_000);
    }

    @Test
    void aKilledGrpoRunLeavesThePreviousCheckpointOrTheNewOne() throws Exception {
        killAndCheck("grpo", "{\"model\": \"" + TinyCheckpoint.dir().toString().replace("\\", "\\\\") + "\","
                + " \"train_rooms\": 1, \"held_out_rooms\": 1, \"held_out_seed\": 500, \"eval_prompts\": 2,"
                + " \"num_generations\": 2, \"prompts_per_step\": 2, \"steps\": 6, \"save_steps\": 1,"
                + " \"learning_rate\": 0.01, \"max_completion_length\": 8, \"beta\": 0,"
                + " \"rewards\": {\"grounding\": [\"perception\", \"format\"]}}", 1_500, 4_000);
    }

    @Test
    void aKillAtEachStepOfASaveLeavesThePreviousCheckpointOrTheNewOne() throws Exception {
        String sft = TinyCheckpoint.RECIPE.replace("\"steps\": 30", "\"steps\": 4")
                .replace("\"eval_every\": 10", "\"eval_every\": 2").replace("\"seed\": 3", "\"seed\": 5");
        String grpo = "{\"model\": \"" + TinyCheckpoint.dir().toString().replace("\\", "\\\\") + "\","
                + " \"train_rooms\": 1, \"held_out_rooms\": 1, \"held_out_seed\": 500, \"eval_prompts\": 1,"
                + " \"num_generations\": 2, \"prompts_per_step\": 2, \"steps\": 1, \"save_steps\": 1,"
                + " \"learning_rate\": 0.01, \"max_completion_length\": 8, \"beta\": 0,"
                + " \"rewards\": {\"grounding\": [\"perception\", \"format\"]}}";
        for (String step : SaveKill.STEPS) {
            killInSave("sft", sft, step, null);
            killInSave("grpo", grpo, step, null);
        }
        killInSave("sft", sft, "MOVED_ASIDE", SftRun.BEST);
    }

    /**
     * Runs {@code kind} on a copy of the tiny checkpoint, halted at {@code step} of the first save of the output
     * folder (or of its {@code sub} folder); loading it afterwards, with no repair step, must give the previous
     * checkpoint until the new one has taken its place, and the new one from then on.
     */
    private void killInSave(String kind, String recipeJson, String step, String sub) throws Exception {
        Path previous = sub == null ? TinyCheckpoint.dir() : TinyCheckpoint.dir().resolve(sub);
        Path run = Files.createDirectories(dir.resolve(kind + "-" + step + (sub == null ? "" : "-" + sub)));
        Path recipe = Files.writeString(run.resolve("recipe.json"), recipeJson);
        Path out = run.resolve("out");
        AtomicFolder.copyTree(TinyCheckpoint.dir(), out);
        Path saved = sub == null ? out : out.resolve(sub);
        ForkedJvm.Result r = ForkedJvm.run(java.time.Duration.ofMinutes(5), KilledRunTest.class, kind, out.toString(),
                recipe.toString(), step, saved.toString());
        String when = kind + " halted at " + step + " of the save of " + (sub == null ? "the output" : sub);
        assertEquals(SaveKill.EXIT, r.exit(), when + ": the run did not reach that step:\n" + r.output());
        assertEquals(!step.equals("MOVED_ASIDE"), Files.isDirectory(saved), when + ": the folder's presence");
        loadsWhole(saved, when);
        boolean same = true;
        for (String file : new String[] {"model.safetensors", "r1kit.json"}) {
            same &= Arrays.equals(Files.readAllBytes(previous.resolve(file)), Files.readAllBytes(saved.resolve(file)));
        }
        assertEquals(!step.equals("MOVED_IN"), same, when + ": " + (same ? "the previous" : "a new") + " checkpoint");
    }

    private void killAndCheck(String kind, String recipeJson, long minMs, long spanMs) throws Exception {
        Path previous = TinyCheckpoint.dir();
        byte[] previousWeights = Files.readAllBytes(previous.resolve("model.safetensors"));
        Path recipe = Files.writeString(dir.resolve(kind + ".json"), recipeJson);
        SplittableRandom random = new SplittableRandom(16 + kind.hashCode());
        int kept = 0;
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < KILLS; k++) {
            Path run = Files.createDirectories(dir.resolve(kind + k));
            Path out = run.resolve("out");
            AtomicFolder.copyTree(previous, out);
            long delayMs = minMs + random.nextLong(spanMs);
            Process p = new ProcessBuilder(ForkedJvm.command(KilledRunTest.class, kind, out.toString(), recipe.toString()))
                    .redirectErrorStream(true).redirectOutput(run.resolve("log.txt").toFile()).start();
            boolean ended = p.waitFor(delayMs, TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly();   // SIGKILL: no shutdown hook, no finally block runs
                p.waitFor();
            }
            String when = kind + " kill " + k + " after " + delayMs + " ms";
            if (ended) {
                String output = Files.readString(run.resolve("log.txt"));
                assertTrue(output.contains("finished"), when + ": the run ended by itself but failed:\n" + output);
            }
            AtomicFolder.recover(out);
            AtomicFolder.recover(out.resolve(SftRun.BEST));
            assertTrue(Files.isDirectory(out), when + " left no checkpoint folder");
            boolean same = Arrays.equals(previousWeights, Files.readAllBytes(out.resolve("model.safetensors")));
            loadsWhole(out, when);
            if (Files.isDirectory(out.resolve(SftRun.BEST))) {
                loadsWhole(out.resolve(SftRun.BEST), when + " (best/)");
            }
            kept += same ? 1 : 0;
            log.append(String.format(" [%d ms: %s, %s]", delayMs, ended ? "ran to its end" : "killed",
                    same ? "previous" : "new"));
        }
        System.out.printf("%s kill -9: %d runs, %d left the previous checkpoint, %d the new one:%s%n", kind, KILLS, kept,
                KILLS - kept, log);
    }

    private static void loadsWhole(Path checkpoint, String when) {
        try (var model = VlmCheckpoint.load(checkpoint, Device.cpu()); var tokenizer = TextTokenizer.load(checkpoint)) {
            assertTrue(model.parameterCount() > 0);
        } catch (Exception e) {
            throw new AssertionError(when + " left a broken checkpoint: " + e.getMessage(), e);
        }
    }
}
