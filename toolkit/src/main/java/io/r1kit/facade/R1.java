package io.r1kit.facade;

import io.r1kit.display.Progress;
import io.r1kit.eval.MeteorResources;
import io.r1kit.model.DeviceChoice;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.CheckpointAverage;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoRun;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The toolkit in a few calls, for notebooks, JShell and scripts:
 *
 * <pre>{@code
 * var room = R1.scene("bedroom:7");               // or R1.scene("scan.ply")
 * room.render(3, true, null);                     // candidate view 3 with every box
 * room.views("the lamp on the desk", 4);          // dynamic view selection
 * R1.ask(room, "grounding", "the lamp");          // reasoning, answer, boxes drawn on a render
 * var chat = R1.dialogue(room);
 * chat.ask("Is there a mug in here?");
 * chat.ask("What colour is it?");
 * R1.sft(SftConfig.fromJson("{\"steps\": 20}"), Path.of("my-sft"), TrainProgress.none()).model();
 * R1.average(Path.of("soup"), "exp/grpo-1", "exp/grpo-2");   // the mean of two runs' weights, loaded
 * R1.device("gpu");                               // every model from now on on the GPU, or why it cannot be
 * }</pre>
 *
 * Models are loaded once per name and kept for the JVM's life; {@link #model(String)} with a folder loads
 * a checkpoint of your own.
 */
public final class R1 {

    private static final Map<String, R1Model> MODELS = new LinkedHashMap<>();

    private R1() {}

    /** A generated room {@code KIND[:SEED]} or a scene file or folder ({@link R1Scene#of(String)}). */
    public static R1Scene scene(String spec) {
        return R1Scene.of(spec);
    }

    /** The default model: the first shipped of {@code r1}, {@code sft}. */
    public static R1Model model() {
        return model(null);
    }

    /** The model {@code spec} names ({@code sft}, {@code r1} or a checkpoint folder), loaded once. */
    public static synchronized R1Model model(String spec) {
        String key = spec == null || spec.isBlank() ? "" : spec.strip();
        R1Model m = MODELS.get(key);
        if (m == null) {
            m = R1Model.load(key.isEmpty() ? null : key);
            MODELS.put(key, m);
        }
        return m;
    }

    /** {@link R1Model#ask} of the default model. */
    public static R1Answer ask(R1Scene scene, String task, String text) {
        return model().ask(scene, task, text);
    }

    /** A dialogue with the default model about {@code scene}. */
    public static R1Dialogue dialogue(R1Scene scene) {
        return model().dialogue(scene);
    }

    /**
     * A supervised fine-tuning run of {@code recipe} into {@code out} ({@link SftRun}: checkpoint, provenance,
     * {@code loss.csv} and {@code loss.png}); {@code progress} is told each step and each held-out loss.
     */
    public static R1Training sft(SftConfig recipe, Path out, TrainProgress progress) {
        try {
            R1Training t = R1Training.of(SftRun.run(recipe, out, progress, MeteorResources.defaults()));
            forget(out);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A GRPO run of {@code recipe} into {@code out} ({@link GrpoRun}: checkpoint, provenance, {@code reward.csv}
     * and {@code reward.png}); {@code progress} is told each step.
     */
    public static R1Training grpo(GrpoConfig recipe, Path out, TrainProgress progress) {
        try {
            R1Training t = R1Training.of(GrpoRun.run(recipe, out, progress));
            forget(out);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The element-wise mean of {@code models}' weights ({@code sft}, {@code r1} or checkpoint folders of one
     * architecture, e.g. one recipe's seeds) written into {@code out} ({@link CheckpointAverage}), and loaded.
     */
    public static R1Model average(Path out, String... models) {
        return average(out, (double[]) null, models);
    }

    /**
     * As {@link #average(Path, String...)}, weighted: one weight per model, summing to 1, negative ones allowed
     * ({@code weights} 1, 1, -1 over two runs and their start add both runs' changes to the start); null weighs
     * them alike.
     */
    public static R1Model average(Path out, double[] weights, String... models) {
        try {
            List<Path> dirs = new ArrayList<>();
            for (String m : models) {
                dirs.add(NanoModel.resolve(m));
            }
            CheckpointAverage.write(dirs, weights, out, null);
            forget(out);
            return model(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the model loaded from {@code dir}, which a run has just replaced: the next {@link #model} reads it anew. */
    private static synchronized void forget(Path dir) {
        MODELS.remove(dir.toString());
    }

    /** CoT data for rooms {@code seed .. seed + scenes - 1}, written into {@code out} ({@link R1CotData}). */
    public static R1CotData cot(int scenes, long seed, Path out, Progress progress) {
        return R1CotData.generate(scenes, seed, out, progress);
    }

    /**
     * Runs every model from now on on {@code name}: {@code cpu}, {@code gpu} or {@code auto} ({@link DeviceChoice});
     * models loaded before are dropped, so the next {@link #model} loads them on the new device. Returns one line
     * naming the engine and the device.
     *
     * @throws IllegalStateException for {@code gpu} when none is usable, saying why (nothing changes then)
     */
    public static synchronized String device(String name) {
        Engines.use(DeviceChoice.parse(name));
        for (R1Model m : MODELS.values()) {
            m.close();
        }
        MODELS.clear();
        return Engines.describe();
    }

    /** The names of the models this toolkit ships, default first. */
    public static java.util.List<String> models() {
        return NanoModel.shipped();
    }
}
