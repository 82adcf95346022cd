package io.r1kit.train.grpo;

import ai.djl.Device;
import io.r1kit.cot.tasks.Example;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.reward.RewardTargets;
import io.r1kit.reward.SemanticReward;
import io.r1kit.reward.TextEmbedder;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rewards a recipe names: one semantic reward per run, targets from {@link ExampleTargets}, a semantic GRPO step. */
class GrpoRewardsTest {

    /** Counts of the words "lo" and "hi" as a 2-vector; counts the calls per text to show the cache at work. */
    static final class LoHiEmbedder implements TextEmbedder {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public float[] embed(String text) {
            calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            float[] v = new float[2];
            for (String w : text.split(" ")) {
                v[0] += w.equals("lo") ? 1 : 0;
                v[1] += w.equals("hi") ? 1 : 0;
            }
            return v;
        }
    }

    @Test
    void oneRunSharesOneSemanticRewardAcrossItsSets() {
        GrpoRewards run = new GrpoRewards(new LoHiEmbedder());
        SemanticReward semantic = (SemanticReward) run.of("semantic");
        assertSame(semantic, run.of("semantic"));
        RewardSet qa = run.set(List.of("format", "semantic"));
        RewardSet caption = run.set(List.of("semantic"));
        assertSame(semantic, qa.rewards().get(1));
        assertSame(semantic, caption.rewards().get(0));
        assertEquals(List.of("format", "perception", "semantic", "answer", "facts", "captions", "cider"), GrpoRewards.NAMES);
        assertEquals("unknown reward \"iou\" (known: format, perception, semantic, answer, facts, captions, cider)",
                assertThrows(IllegalArgumentException.class, () -> run.of("iou"))
                        .getMessage());
        assertEquals("the facts reward is made per prompt: use set(names, example, graph)",
                assertThrows(IllegalArgumentException.class, () -> run.of("facts")).getMessage());
        assertEquals("the cider reward is made per prompt: use set(names, example, graph, idf)",
                assertThrows(IllegalArgumentException.class, () -> run.of("cider")).getMessage());
    }

    @Test
    void aUsersRewardIsRegisteredByItsNameAndTyposOfBuiltInNamesAreCaughtEarly() {
        GrpoRewards run = new GrpoRewards(new LoHiEmbedder());
        GrpoTrainerTest.ShareReward share = new GrpoTrainerTest.ShareReward("lo");
        assertSame(run, run.register(share));
        assertSame(share, run.of("share"));
        assertSame(share, run.set(List.of("format", "share")).rewards().get(1));
        run.checkKnown("share");
        assertEquals("unknown reward \"shares\" (built in: format, perception, semantic, answer, facts, captions, cider;"
                        + " registered: share;"
                        + " register your own with GrpoRewards.register)",
                assertThrows(IllegalArgumentException.class, () -> run.checkKnown("shares")).getMessage());
        assertEquals("a reward named \"share\" cannot be registered: the name must be new (built in: format, perception,"
                        + " semantic, answer, facts, captions, cider; registered: [share])",
                assertThrows(IllegalArgumentException.class, () -> run.register(share)).getMessage());
        // a recipe may name a user's reward; a slip of a built-in name is refused when the recipe is read
        GrpoConfig mine = GrpoConfig.fromJson("{\"tasks\": [\"qa\"], \"rewards\": {\"qa\": [\"share\", \"answer\"]}}");
        assertEquals(List.of("share", "answer"), mine.rewardNames(Task.QA));
        assertEquals("answer", GrpoRewards.near("answers"));
        assertNull(GrpoRewards.near("share"));
    }

    @Test
    void whichTaskEachRewardMayScoreFollowsTheTargetTable() {
        for (Task t : Task.values()) {
            assertNull(GrpoRewards.unfit("format", t), t.slug());
            // perception needs a box: grounding always, reasoning when its reference names one
            assertEquals(t == Task.GROUNDING || t == Task.REASONING, GrpoRewards.unfit("perception", t) == null, t.slug());
            // semantic needs a reference: every task but grounding
            assertEquals(t != Task.GROUNDING, GrpoRewards.unfit("semantic", t) == null, t.slug());
            // answer: a short answer to match exactly; facts: an answer that states something
            assertEquals(t == Task.QA || t == Task.DIALOGUE, GrpoRewards.unfit("answer", t) == null, t.slug());
            assertEquals(t != Task.GROUNDING, GrpoRewards.unfit("facts", t) == null, t.slug());
            // cider: an answer's words (or a room's captions) against the reference; not a box
            assertEquals(t != Task.GROUNDING, GrpoRewards.unfit("cider", t) == null, t.slug());
            assertNull(GrpoRewards.unfit("my-reward", t));
        }
        assertNull(GrpoRewards.incomplete(List.of("perception", "semantic"), Task.REASONING));
        assertTrue(GrpoRewards.incomplete(List.of("perception"), Task.REASONING) != null);
    }

    @Test
    void promptTargetsAreTheRewardTargetsOfTheirExamples() throws Exception {
        GrpoConfig config = GrpoConfig.fromJson("""
                {"tasks": ["grounding", "qa"], "rewards": {"grounding": ["perception"], "qa": ["format", "semantic"]},
                 "train_rooms": 1, "train_seed": 200000}""");
        // the nano model's vocabulary tokenises the prompts; the tiny model's encoder settings extract the features
        Path nano = NanoModel.embedded().orElseThrow();
        GrpoRewards run = new GrpoRewards(new LoHiEmbedder());
        try (TextTokenizer tokenizer = TextTokenizer.load(nano)) {
            GrpoData data = GrpoData.of(1, 200_000, config, run, GrpoTrainerTest.tiny(1), tokenizer, TrainProgress.none());
            GeneratedRoom room = TrainingRooms.room(200_000);
            List<Example> examples = TrainingRooms.examples(room, 200_000, config.tasks(), GrpoTrainerTest.tiny(1).maxObjects());
            assertEquals(examples.size(), data.prompts().size());
            int grounding = 0;
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                GrpoPrompt p = data.prompts().get(i);
                assertEquals(ExampleTargets.of(e, room.scene()), p.target(), e.question());
                if (e.task() == Task.GROUNDING) {
                    grounding++;
                    assertNull(p.target().reference());   // a box target: no text for the semantic reward
                    assertEquals(List.of("perception"), p.rewards().rewards().stream().map(r -> r.name()).toList());
                } else {
                    assertEquals(e.answer(), p.target().reference());
                    assertSame(run.of("semantic"), p.rewards().rewards().get(1));
                }
            }
            assertTrue(grounding > 0 && grounding < examples.size(), grounding + " of " + examples.size());
        }
    }

    @Test
    void aQaRecipeWithTheSemanticRewardTrainsAndReportsItsPart() {
        GrpoConfig recipe = GrpoConfig.fromJson("""
                {"tasks": ["qa"], "rewards": {"qa": ["semantic"]}, "num_generations": 4, "prompts_per_step": 2,
                 "max_completion_length": 6, "learning_rate": 0.01, "seed": 5}""");
        LoHiEmbedder embedder = new LoHiEmbedder();
        GrpoRewards run = new GrpoRewards(embedder);
        VlmConfig config = GrpoTrainerTest.tiny(6);
        List<GrpoPrompt> prompts = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            SceneFeatures f = SceneFeatures.extract(new SceneGenerator().generate(seed).scene(), config);
            RewardTarget target = RewardTargets.forTask(Task.QA, "lo", null, null);
            prompts.add(new GrpoPrompt(f, new int[] {3 + (int) seed, 7, 9}, target, run.set(recipe.rewardNames(Task.QA)),
                    Task.QA));
        }
        try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu());
             Vlm3d reference = Vlm3d.initialize(config, Device.cpu())) {
            GrpoTrainer trainer = new GrpoTrainer(policy, reference, GrpoTrainerTest::words, recipe);
            for (int step = 1; step <= 2; step++) {
                GrpoStepStats s = trainer.step(prompts);
                assertEquals(List.of("semantic"), List.copyOf(s.meanParts().keySet()));
                assertEquals(s.reward(), s.meanParts().get("semantic"), 1e-12);   // the only reward: part = total
                assertTrue(s.reward() > 0.3 && s.reward() < 0.95, "mean semantic " + s.reward());
            }
            GrpoSampler sampler = trainer.sampler();
            for (var score : sampler.score(prompts, sampler.sample(prompts, sampler.sampling(9)))) {
                double v = score.parts().get("semantic");
                assertEquals(v, score.total(), 0);
                assertTrue(v >= 0 && v <= 1, "semantic " + v);
            }
        }
        // Both prompts' sets share one cache: the reference was embedded once over two steps of 8 outputs.
        assertEquals(1, embedder.calls.get("lo").get());
    }
}
