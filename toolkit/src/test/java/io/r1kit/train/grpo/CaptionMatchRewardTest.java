package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The captions reward on the data engine's own dense captions: the reference scores 1, each flaw costs one share. */
class CaptionMatchRewardTest {

    private static final long SEED = 200_003;
    private static final GeneratedRoom ROOM = TrainingRooms.room(SEED);
    private static final Example DENSE = TrainingRooms.examples(ROOM, SEED, List.of(Task.DENSE_CAPTION), 32).get(0);
    private static final Pattern TAG = Pattern.compile("<obj>[^<]*</obj>");

    private static String reply(String answer) {
        return "<think>Step 1: I caption each object.</think><answer>" + answer + "</answer>";
    }

    /** The reference answer cut into its captions, each with its tag. */
    private static List<String> parts() {
        String a = DENSE.answer();
        List<Integer> starts = new java.util.ArrayList<>();
        for (Matcher m = TAG.matcher(a); m.find(); ) {
            starts.add(m.start());
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            out.add(a.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : a.length()).strip());
        }
        return out;
    }

    @Test
    void theReferenceScoresOneAndEachFlawCostsItsShare() {
        CaptionMatchReward r = new CaptionMatchReward(DENSE, ROOM.graph());
        RewardTarget t = ExampleTargets.of(DENSE, ROOM.scene());
        List<String> parts = parts();
        int n = DENSE.targets().size();
        assertEquals(n, parts.size(), DENSE.answer());
        assertTrue(n >= 4, n + " objects");
        assertEquals(1.0, r.score(reply(DENSE.answer()), t), 1e-9);
        // one caption left out: n - 1 of n objects captioned
        assertEquals((n - 1.0) / n, r.score(reply(String.join(" ", parts.subList(1, n))), t), 1e-9);
        // one caption written twice: the copy matches nothing and counts as a slot
        assertEquals(n / (n + 1.0), r.score(reply(DENSE.answer() + " " + parts.get(0)), t), 1e-9);
        // the first object's colour word replaced: half its point
        RoomObject first = ROOM.graph().object(DENSE.targets().get(0)).orElseThrow();
        String wrong = first.colour().word().equals("purple") ? "orange" : "purple";
        String recoloured = parts.get(0).replaceFirst("\\b" + first.colour().word() + "\\b", wrong);
        assertFalse(recoloured.equals(parts.get(0)), parts.get(0));
        List<String> changed = new java.util.ArrayList<>(parts);
        changed.set(0, recoloured);
        assertEquals((n - 0.5) / n, r.score(reply(String.join(" ", changed)), t), 1e-9);
        // the first box moved to the far corner: it overlaps nothing, so its caption earns nothing
        changed.set(0, parts.get(0).replaceFirst("<obj>[^<]*</obj>", "<obj>255, 255, 255, 1, 1, 1</obj>"));
        assertEquals((n - 1.0) / n, r.score(reply(String.join(" ", changed)), t), 1e-9);
        assertEquals(0, r.score(reply("a room."), t), 1e-9);
    }

    @Test
    void itNeedsBoundsAndADenseCaption() {
        CaptionMatchReward r = new CaptionMatchReward(DENSE, ROOM.graph());
        RewardTarget noBounds = RewardTarget.ofReference(DENSE.answer());
        assertFalse(r.applies(noBounds));
        assertThrows(IllegalArgumentException.class, () -> r.score(reply(DENSE.answer()), noBounds));
        Example qa = TrainingRooms.examples(ROOM, SEED, List.of(Task.QA), 32).get(0);
        assertEquals("the captions reward scores whole-room dense captions, not qa",
                assertThrows(IllegalArgumentException.class, () -> new CaptionMatchReward(qa, ROOM.graph())).getMessage());
        assertEquals("the captions reward matches a whole room's captioned boxes, which only dense-caption answers have",
                GrpoRewards.unfit("captions", Task.QA));
        assertEquals(null, GrpoRewards.unfit("captions", Task.DENSE_CAPTION));
    }
}
