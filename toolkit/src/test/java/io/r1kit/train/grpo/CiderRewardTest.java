package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.eval.CiderIdf;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cider reward: the evaluation's CIDEr-D of the answer, over 10, under the prompts' document frequencies. */
class CiderRewardTest {

    private static String reply(String answer) {
        return "<think>Step 1: I find the object.</think><answer>" + answer + "</answer>";
    }

    @Test
    void theReferenceItselfScoresHighestAndAnotherObjectsCaptionLess() {
        List<Example> captions = TrainingRooms.examples(TrainingRooms.room(200_000), 200_000,
                List.of(Task.OBJECT_CAPTION), 32);
        assertTrue(captions.size() > 5, captions.size() + " object captions");
        CiderIdf idf = CiderIdf.of(captions.stream().map(e -> List.of(TaskScores.captionText(e.answer()))).toList());
        CiderReward r = new CiderReward(Task.OBJECT_CAPTION, idf);
        assertEquals("cider", r.name());
        for (int i = 0; i < captions.size(); i++) {
            Example e = captions.get(i);
            RewardTarget t = RewardTarget.ofReference(e.answer());
            double own = r.score(reply(e.answer()), t);
            assertEquals(idf.score(TaskScores.captionText(e.answer()), List.of(TaskScores.captionText(e.answer()))) / 10,
                    own, 1e-12, e.answer());
            String other = captions.get((i + 1) % captions.size()).answer();
            if (!TaskScores.captionText(other).equals(TaskScores.captionText(e.answer()))) {
                assertTrue(r.score(reply(other), t) < own, e.answer() + " / " + other);
            }
            assertEquals(0.0, r.score(reply(""), t), 1e-12);   // nothing said: "nothing", no shared n-gram
        }
        assertFalse(r.applies(RewardTarget.ofBox(null, null)));
        assertThrows(IllegalArgumentException.class, () -> r.score(reply("a chair"), RewardTarget.ofBox(null, null)));
        assertThrows(IllegalArgumentException.class, () -> new CiderReward(Task.GROUNDING, idf));
        assertThrows(IllegalArgumentException.class, () -> new CiderReward(Task.DENSE_CAPTION, idf));
    }

    @Test
    void aDenseCaptionIsScoredAsCiderAtHalfOverlapIs() {
        GeneratedRoom room = TrainingRooms.room(200_000);
        Example e = TrainingRooms.examples(room, 200_000, List.of(Task.DENSE_CAPTION), 32).get(0);
        RewardTarget t = ExampleTargets.of(e, room.scene());
        List<TaskAnswer.BoxCaption> truth = TaskAnswer.read(Task.DENSE_CAPTION, e.answer(), t.bounds()).captions();
        assertTrue(truth.size() > 5, truth.size() + " captions");
        CiderIdf idf = CiderIdf.of(truth.stream().map(c -> List.of(c.caption())).toList());
        CiderReward r = CiderReward.dense(e, room.graph(), idf);
        double own = r.score(e.answer(), t);
        double expected = 0;
        for (TaskAnswer.BoxCaption c : truth) {
            expected += idf.score(c.caption(), List.of(c.caption()));
        }
        assertEquals(expected / truth.size() / 10, own, 1e-9);
        assertTrue(own > 0.5, String.valueOf(own));
        // the same captions with every box moved off its object earn nothing; half the objects, about half
        String moved = e.answer().replaceAll("<obj>\\s*\\d+,\\s*\\d+,", "<obj>0, 0,");
        assertEquals(0.0, r.score(moved, t), 1e-12, moved);
        String[] parts = e.answer().split("(?=<obj>)");
        String half = String.join("", java.util.Arrays.copyOf(parts, 1 + (parts.length - 1) / 2));
        double halfScore = r.score(half, t);
        assertTrue(halfScore > 0.2 * own && halfScore < 0.8 * own, halfScore + " of " + own);
        assertFalse(r.applies(RewardTarget.ofReference(e.answer())));   // no bounds to read the boxes over
        assertThrows(IllegalArgumentException.class, () -> CiderReward.dense(
                TrainingRooms.examples(room, 200_000, List.of(Task.QA), 32).get(0), room.graph(), idf));
    }

    @Test
    void aRecipeNamingCiderScoresItsPromptsUnderTheirOwnReferences() throws Exception {
        GrpoConfig config = GrpoConfig.fromJson("""
                {"tasks": ["object-caption"], "rewards": {"object-caption": ["format", "cider"]},
                 "train_rooms": 1, "train_seed": 200000}""");
        Path nano = NanoModel.embedded().orElseThrow();
        try (TextTokenizer tokenizer = TextTokenizer.load(nano)) {
            GrpoData data = GrpoData.of(1, 200_000, config, new GrpoRewards(new GrpoRewardsTest.LoHiEmbedder()),
                    GrpoTrainerTest.tiny(1), tokenizer, TrainProgress.none());
            assertFalse(data.prompts().isEmpty());
            for (GrpoPrompt p : data.prompts()) {
                assertEquals(List.of("format", "cider"), p.rewards().rewards().stream().map(x -> x.name()).toList());
                double own = p.rewards().rewards().get(1).score(reply(p.target().reference()), p.target());
                assertTrue(own > 0.5, own + " for " + p.target().reference());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new GrpoRewards(new GrpoRewardsTest.LoHiEmbedder()).of("cider"));
    }
}
