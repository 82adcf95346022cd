package io.r1kit.train.sft;

import io.r1kit.eval.MeteorResources;
import io.r1kit.scene.Box3;
import io.r1kit.task.BoxCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SftEvalTest {

    private static final Box3 BOUNDS = Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f);
    private static final Box3 TARGET = Box3.ofMinMax(1, 1, 0, 2, 2, 1);

    @Test
    void aPerfectBoxScoresOneAndGarbageZero() {
        String perfect = new BoxCodec(BOUNDS).encode(TARGET);   // "<obj>75, 75, 50, 50, 50, 100</obj>"
        SftScores right = SftEval.score(List.of(new SftEval.GroundingCase(perfect + "<|im_end|>", TARGET, BOUNDS)),
                List.of(), MeteorResources.builtIn());
        assertEquals(1.0, right.acc25());
        assertEquals(1.0, right.acc50());
        assertEquals(1.0, right.meanIou(), 1e-6);
        assertEquals(0, right.unparsable());
        SftScores wrong = SftEval.score(List.of(
                new SftEval.GroundingCase("the chair", TARGET, BOUNDS),
                new SftEval.GroundingCase("<obj>75, 75, 50</obj>", TARGET, BOUNDS),
                new SftEval.GroundingCase("<obj>200, 200, 200, 10, 10, 10</obj>", TARGET, BOUNDS)),
                List.of(), MeteorResources.builtIn());
        assertEquals(0.0, wrong.acc25());
        assertEquals(0.0, wrong.meanIou());
        assertEquals(2, wrong.unparsable());
        assertEquals(3, wrong.grounding());
        // half of the x extent: the box [1, 1.5] x [1, 2] x [0, 1] has IoU 0.5 with the target
        String half = new BoxCodec(BOUNDS).encode(Box3.ofMinMax(1, 1, 0, 1.5f, 2, 1));
        SftScores mixed = SftEval.score(List.of(new SftEval.GroundingCase(perfect, TARGET, BOUNDS),
                new SftEval.GroundingCase(half, TARGET, BOUNDS)), List.of(), MeteorResources.builtIn());
        assertEquals(1.0, mixed.acc25());
        assertEquals(1.0, mixed.acc50());
    }

    @Test
    void captionsEqualToTheirReferencesScoreFullMarksAndUnrelatedOnesZero() {
        List<SftEval.CaptionCase> same = List.of(
                new SftEval.CaptionCase("a", "a red chair next to the wooden table.", List.of("A red chair next to the wooden table.")),
                new SftEval.CaptionCase("b", "a blue lamp on the small desk.", List.of("A blue lamp on the small desk.")));
        SftScores s = SftEval.score(List.of(), same, MeteorResources.builtIn());
        assertEquals(2, s.captions());
        assertEquals(10.0, s.cider(), 1e-6);     // CIDEr-D of identical texts: 10 x mean cosine 1
        assertEquals(1.0, s.bleu4(), 1e-6);
        assertEquals(Double.NaN, s.acc25());
        List<SftEval.CaptionCase> unrelated = List.of(
                new SftEval.CaptionCase("a", "zzz qqq", List.of("A red chair next to the wooden table.")),
                new SftEval.CaptionCase("b", "xxx yyy", List.of("A blue lamp on the small desk.")));
        SftScores u = SftEval.score(List.of(), unrelated, MeteorResources.builtIn());
        assertEquals(0.0, u.cider(), 1e-9);
        assertEquals(0.0, u.bleu4(), 1e-6);
        assertEquals(0.0, u.meteor(), 1e-9);
    }
}
