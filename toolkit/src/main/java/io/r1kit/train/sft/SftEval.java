package io.r1kit.train.sft;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.eval.GroundingAccuracy;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.TextMetric;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out evaluation of a nano model on generated rooms it was not trained on: the data engine's
 * grounding questions (ScanRefer's Acc@0.25 and Acc@0.5 over the generated {@code <obj>} box) and
 * dense captions of the rooms' objects (asked as {@link TaskPrompt#denseCaption} with the object's
 * box; CIDEr-D, BLEU-4 and METEOR against the engine's caption), all decoded greedily with
 * {@link VlmAsk}.
 *
 * <pre>{@code
 * SftScores s = SftEval.evaluate(new VlmAsk(model, tokenizer), 10, 100_000, 50, MeteorResources.builtIn(), progress);
 * SftEval.score(List.of(new SftEval.GroundingCase("<obj>1, 2, 3, 4, 5, 6</obj>", target, bounds)), List.of(), meteor);
 * }</pre>
 */
public final class SftEval {

    private SftEval() {}

    /** A generated grounding answer, the target's box and the scene bounds its {@code <obj>} grid is over. */
    public record GroundingCase(String generated, Box3 target, Box3 bounds) {}

    /** A generated caption and its reference captions. */
    public record CaptionCase(String id, String generated, List<String> references) {}

    /**
     * Generates answers for up to {@code perTask} grounding questions and {@code perTask} dense captions
     * of rooms {@code seed .. seed + rooms - 1} and scores them.
     */
    public static SftScores evaluate(VlmAsk ask, int rooms, long seed, int perTask, MeteorResources meteor,
                                     TrainProgress progress) {
        List<GroundingCase> grounding = new ArrayList<>();
        List<CaptionCase> captions = new ArrayList<>();
        for (int i = 0; i < rooms && (grounding.size() < perTask || captions.size() < perTask); i++) {
            GeneratedRoom room = TrainingRooms.room(seed + i);
            VlmAsk.Input in = ask.prepare(room.scene());
            SceneContext c = InstructionGenerator.context(room, seed + i);
            for (Example e : TrainingRooms.examples(room, seed + i, List.of(Task.GROUNDING, Task.OBJECT_CAPTION),
                    ask.model().config().maxObjects())) {
                Box3 target = room.scene().object(e.target()).orElseThrow().box();
                if (e.task() == Task.GROUNDING && grounding.size() < perTask) {
                    grounding.add(new GroundingCase(ask.ask(in, Queries.of(e, c)).answer(), target,
                            room.scene().bounds()));
                } else if (e.task() == Task.OBJECT_CAPTION && captions.size() < perTask) {
                    captions.add(new CaptionCase(e.sceneId() + "/" + e.target(), ask.ask(in, Queries.of(e, c)).answer(),
                            List.of(e.answer())));
                }
            }
            progress.rooms("evaluation", i + 1, rooms);
        }
        return score(grounding, captions, meteor);
    }

    /** Scores generated answers; a grounding answer without a readable box counts as IoU 0. */
    public static SftScores score(List<GroundingCase> grounding, List<CaptionCase> captions, MeteorResources meteor) {
        List<GroundingAccuracy.Sample> samples = new ArrayList<>();
        int unparsable = 0;
        for (GroundingCase g : grounding) {
            Box3 box = new BoxCodec(g.bounds()).firstBox(g.generated()).orElse(null);
            if (box == null) {
                unparsable++;   // scored as IoU 0
            }
            samples.add(new GroundingAccuracy.Sample(box, g.target(), true));
        }
        GroundingAccuracy.Split acc = GroundingAccuracy.of(samples).overall();
        double cider = Double.NaN;
        double bleu4 = Double.NaN;
        double meteorScore = Double.NaN;
        if (!captions.isEmpty()) {
            Map<String, List<String>> predictions = new LinkedHashMap<>();
            Map<String, List<String>> references = new LinkedHashMap<>();
            for (CaptionCase c : captions) {
                predictions.put(c.id(), List.of(c.generated()));
                references.put(c.id(), c.references());
            }
            cider = TextMetric.CIDER.score(predictions, references, meteor).get(0).score();
            bleu4 = TextMetric.BLEU.score(predictions, references, meteor).get(3).score();
            meteorScore = TextMetric.METEOR.score(predictions, references, meteor).get(0).score();
        }
        return new SftScores(grounding.size(), acc.at25(), acc.at50(), acc.meanIou(), unparsable, captions.size(),
                cider, bleu4, meteorScore, meteor.description());
    }
}
