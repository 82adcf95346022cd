package io.r1kit.cot;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.Fact;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.data.ScanQa;
import io.r1kit.data.ScanQaEntry;
import io.r1kit.data.ScanRefer;
import io.r1kit.data.ScanReferEntry;
import io.r1kit.data.ThreeDLlm;
import io.r1kit.data.ThreeDLlmEntry;
import io.r1kit.scene.gen.SceneGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes examples in the public data sets' formats, so the readers of {@code io.r1kit.data} load them:
 * grounding and dense captions as ScanRefer ({@code scanrefer_grounding_SPLIT.json},
 * {@code scanrefer_dense_caption_SPLIT.json}, as Scan2Cap uses ScanRefer), QA as ScanQA
 * ({@code scanqa_SPLIT.json}), and object captions, dialogue, reasoning and planning as 3D-LLM
 * ({@code 3d_llm_TASK_SPLIT.json}, the question wrapped in {@code ### human: ... ### assistant:}).
 */
public final class InstructionFiles {

    private InstructionFiles() {}

    /** The file names written for {@code split}, in task order. */
    public static List<String> names(Split split) {
        String s = split.slug();
        return List.of("scanrefer_dense_caption_" + s + ".json", "3d_llm_object_caption_" + s + ".json",
                "scanrefer_grounding_" + s + ".json", "scanqa_" + s + ".json", "3d_llm_dialogue_" + s + ".json",
                "3d_llm_reasoning_" + s + ".json", "3d_llm_planning_" + s + ".json");
    }

    /** Writes the examples of one split into {@code dir}; {@code graphs} gives each scene's graph (for object names). */
    public static void write(Path dir, Split split, List<Example> examples, Map<String, SceneGraph> graphs) throws IOException {
        List<String> names = names(split);
        List<ScanReferEntry> dense = new ArrayList<>();
        List<ScanReferEntry> grounding = new ArrayList<>();
        List<ScanQaEntry> qa = new ArrayList<>();
        List<List<ThreeDLlmEntry>> llm = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Example e : examples) {
            SceneGraph g = graphs.get(e.sceneId());
            String label = e.target() == 0 ? "" : g.object(e.target()).orElseThrow().label();
            switch (e.task()) {
                case DENSE_CAPTION -> dense.add(refer(e, label, e.answer(), 0));
                case GROUNDING -> grounding.add(refer(e, label, groundingText(e), 0));
                case QA -> qa.add(new ScanQaEntry(split.slug() + "-" + e.sceneId() + "-" + qa.size(), e.sceneId(), e.question(),
                        List.of(e.answer()), e.targets(), e.targets().stream().map(id -> g.object(id).orElseThrow().label()).toList()));
                case OBJECT_CAPTION -> llm.get(0).add(llm(e));
                case DIALOGUE -> llm.get(1).add(llm(e));
                case REASONING -> llm.get(2).add(llm(e));
                case PLANNING -> llm.get(3).add(llm(e));
            }
        }
        ScanRefer.write(dir.resolve(names.get(0)), dense);
        ThreeDLlm.write(dir.resolve(names.get(1)), llm.get(0));
        ScanRefer.write(dir.resolve(names.get(2)), grounding);
        ScanQa.write(dir.resolve(names.get(3)), qa);
        ThreeDLlm.write(dir.resolve(names.get(4)), llm.get(1));
        ThreeDLlm.write(dir.resolve(names.get(5)), llm.get(2));
        ThreeDLlm.write(dir.resolve(names.get(6)), llm.get(3));
    }

    /** A grounding description is the unique referring expression, as a sentence. */
    private static String groundingText(Example e) {
        return e.facts().stream().filter(f -> f instanceof Fact.Identifies).map(f -> (Fact.Identifies) f).findFirst()
                .map(i -> Phrasing.capitalise(i.expression().text()) + ".").orElse(e.question());
    }

    private static ScanReferEntry refer(Example e, String label, String text, int annId) {
        List<String> tokens = Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("(?=[.,;])|\\s+"))
                .filter(t -> !t.isBlank()).toList();
        return new ScanReferEntry(e.sceneId(), e.target(), label, annId, text, tokens);
    }

    private static ThreeDLlmEntry llm(Example e) {
        String q = e.question().startsWith("### human:") ? e.question() : "### human: " + e.question() + " ### assistant:";
        return new ThreeDLlmEntry(q, List.of(e.answer()), e.sceneId());
    }
}
