package io.r1kit.facade;

import io.r1kit.model.vlm.NanoModel;

import java.util.LinkedHashMap;
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

    /** The names of the models this toolkit ships, default first. */
    public static java.util.List<String> models() {
        return NanoModel.shipped();
    }
}
