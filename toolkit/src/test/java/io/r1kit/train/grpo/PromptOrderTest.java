package io.r1kit.train.grpo;

import io.r1kit.task.Task;
import io.r1kit.train.Epochs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Proportional draws are the old shuffled passes; balanced draws give the tasks turns; chunks do not matter. */
class PromptOrderTest {

    /** 12 grounding prompts, 3 plans and 1 dense caption, told apart by their first token. */
    private static List<GrpoPrompt> pool() {
        GrpoPrompt base = GrpoTrainerTest.prompts(GrpoTrainerTest.tiny(1), new GrpoTrainerTest.ShareReward("lo"))
                .get(0);
        List<GrpoPrompt> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Task task = i < 12 ? Task.GROUNDING : i < 15 ? Task.PLANNING : Task.DENSE_CAPTION;
            out.add(new GrpoPrompt(base.features(), new int[] {i}, base.target(), base.rewards(), task));
        }
        return out;
    }

    private static List<Integer> ids(List<GrpoPrompt> prompts) {
        return prompts.stream().map(p -> p.prompt()[0]).toList();
    }

    /** {@code total} prompts drawn in chunks of 1, 2, 3, ... */
    private static List<GrpoPrompt> chunked(PromptOrder order, int total) {
        List<GrpoPrompt> out = new ArrayList<>();
        for (int n = 1; out.size() < total; n++) {
            out.addAll(order.next(Math.min(n, total - out.size())));
        }
        return out;
    }

    @Test
    void proportionalIsEveryPromptOncePerPassAsBefore() {
        List<GrpoPrompt> pool = pool();
        List<GrpoPrompt> drawn = chunked(PromptOrder.of(pool, PromptOrder.Sampling.PROPORTIONAL, 7), 48);
        assertEquals(ids(new Epochs<GrpoPrompt>(7).next(pool, 48)), ids(drawn));
        for (int pass = 0; pass < 3; pass++) {
            List<Integer> ids = new ArrayList<>(ids(drawn.subList(16 * pass, 16 * pass + 16)));
            Collections.sort(ids);
            assertEquals(ids(pool), ids, "pass " + pass);
        }
        assertEquals(36, drawn.stream().filter(p -> p.task() == Task.GROUNDING).count());
    }

    @Test
    void balancedGivesEachTaskItsTurnAndEachTasksPromptsOncePerPass() {
        PromptOrder order = PromptOrder.of(pool(), PromptOrder.Sampling.BALANCED, 7);
        List<GrpoPrompt> drawn = chunked(order, 36);
        assertEquals(36, order.drawn());
        for (int i = 0; i < drawn.size(); i++) {
            Task expected = List.of(Task.DENSE_CAPTION, Task.GROUNDING, Task.PLANNING).get(i % 3);
            assertEquals(expected, drawn.get(i).task(), "prompt " + i);
        }
        Map<Integer, Integer> visits = new HashMap<>();
        ids(drawn).forEach(id -> visits.merge(id, 1, Integer::sum));
        for (int id = 0; id < 16; id++) {
            assertEquals(id < 12 ? 1 : id < 15 ? 4 : 12, visits.get(id), "visits of prompt " + id);
        }
        assertEquals(ids(PromptOrder.of(pool(), PromptOrder.Sampling.BALANCED, 7).next(36)), ids(drawn));
        assertNotEquals(ids(PromptOrder.of(pool(), PromptOrder.Sampling.BALANCED, 8).next(36)), ids(drawn));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertEquals("task_sampling \"even\" is none of [proportional, balanced]",
                assertThrows(IllegalArgumentException.class, () -> PromptOrder.Sampling.of("even")).getMessage());
        assertEquals("no prompts to draw from", assertThrows(IllegalArgumentException.class,
                () -> PromptOrder.of(List.of(), PromptOrder.Sampling.BALANCED, 1)).getMessage());
        assertEquals("draw at least one prompt, not 0", assertThrows(IllegalArgumentException.class,
                () -> PromptOrder.of(pool(), PromptOrder.Sampling.PROPORTIONAL, 1).next(0)).getMessage());
    }
}
