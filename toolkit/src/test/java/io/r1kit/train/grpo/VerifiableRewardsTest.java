package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.FactAccuracy;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.reward.AnswerReward;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.Task;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer and facts rewards on the data engine's own examples: right answers score 1, wrong ones less. */
class VerifiableRewardsTest {

    private static final List<String> COLOURS = List.of("black", "white", "brown", "grey", "red", "blue", "green",
            "yellow", "beige", "purple", "orange", "pink");

    private static String reply(String answer) {
        return "<think>Step 1: I look at the room.</think><answer>" + answer + "</answer>";
    }

    private static List<Example> examples(long seed, List<Task> tasks) {
        GeneratedRoom room = TrainingRooms.room(seed);
        return TrainingRooms.examples(room, seed, tasks, 32);
    }

    @Test
    void theAnswerRewardIsExactMatchAfterNormalisation() {
        AnswerReward r = new AnswerReward();
        RewardTarget two = RewardTarget.ofReference("two");
        assertEquals(1, r.score(reply("Two."), two));
        assertEquals(1, r.score(reply("2"), two));                 // a count as a digit is the same number
        assertEquals(0, r.score(reply("three"), two));
        assertEquals(0, r.score(reply("two chairs"), two));        // exact, not containment
        assertEquals(1, r.score("two", two));                      // no tags: the whole output is the answer
        assertFalse(r.applies(RewardTarget.ofBox(null, null)));
        // every QA example of a room: its own answer is right, another example's different answer is wrong
        List<Example> qa = examples(200_000, List.of(Task.QA));
        assertTrue(qa.size() > 5, qa.size() + " QA examples");
        for (Example e : qa) {
            RewardTarget t = RewardTarget.ofReference(e.answer());
            assertEquals(1, r.score(reply(e.answer()), t), e.question());
            qa.stream().map(Example::answer).filter(a -> !a.equalsIgnoreCase(e.answer())
                            && !io.r1kit.eval.AnswerNormalizer.normalize(a).equals(io.r1kit.eval.AnswerNormalizer.normalize(e.answer())))
                    .findFirst().ifPresent(wrong -> assertEquals(0, r.score(reply(wrong), t), e.question() + " / " + wrong));
        }
    }

    @Test
    void theFactsRewardScoresTheReferenceOneAndAWrongColourLess() {
        GeneratedRoom room = TrainingRooms.room(200_001);
        List<Example> all = TrainingRooms.examples(room, 200_001, List.of(Task.OBJECT_CAPTION, Task.REASONING,
                Task.PLANNING, Task.QA), 32);
        int checked = 0;
        int swapped = 0;
        for (Example e : all) {
            FactReward facts = new FactReward(e, room.graph());
            if (!facts.applies(null)) {
                assertTrue(FactAccuracy.accountable(e, room.graph()).isEmpty(), e.answer());
                continue;
            }
            assertEquals(1, facts.score(reply(e.answer()), null), 1e-12, e.answer());
            checked++;
            Optional<String> colour = COLOURS.stream().filter(c -> e.answer().matches("(?is).*\\b" + c + "\\b.*"))
                    .findFirst();
            if (colour.isPresent()) {
                String other = COLOURS.stream().filter(c -> !e.answer().toLowerCase().contains(c)).findFirst().orElseThrow();
                String wrong = e.answer().replaceAll("(?i)\\b" + colour.get() + "\\b", other);
                double v = facts.score(reply(wrong), null);
                assertTrue(v < 1, "with " + other + " for " + colour.get() + ": " + v + " for " + e.answer());
                swapped++;
            }
            assertEquals(0, facts.score(reply(""), null), 1e-12, e.answer());   // an empty answer states nothing
        }
        assertTrue(checked >= 5 && swapped >= 2, checked + " examples with facts, " + swapped + " with a colour");
    }

    @Test
    void promptsNoRewardAppliesToAreLeftOut() throws Exception {
        GrpoConfig facts = GrpoConfig.fromJson("""
                {"tasks": ["qa"], "rewards": {"qa": ["facts"]}, "train_rooms": 1, "train_seed": 200000}""");
        try (TextTokenizer tokenizer = TextTokenizer.load(NanoModel.embedded().orElseThrow())) {
            GrpoData data = GrpoData.of(1, 200_000, facts, new GrpoRewards(new GrpoRewardsTest.LoHiEmbedder()),
                    GrpoTrainerTest.tiny(1), tokenizer, TrainProgress.none());
            int examples = examples(200_000, List.of(Task.QA)).size();
            assertEquals(examples, data.prompts().size() + data.unscored());
            assertTrue(data.prompts().size() > 0, "some QA answers state a fact");
            for (GrpoPrompt p : data.prompts()) {
                assertTrue(p.rewards().rewards().get(0).applies(p.target()));
            }
        }
    }
}
