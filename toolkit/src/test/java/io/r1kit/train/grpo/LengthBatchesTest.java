package io.r1kit.train.grpo;

import ai.djl.Device;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each row is generated at its task's limit, and the outputs come back in the rows' order. */
class LengthBatchesTest {

    @Test
    void eachTaskStopsAtItsOwnLimitAndTheOrderIsKept() {
        VlmConfig config = GrpoTrainerTest.tiny(6);
        List<GrpoPrompt> base = GrpoTrainerTest.prompts(config, new GrpoTrainerTest.ShareReward("lo"));
        List<GrpoPrompt> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            GrpoPrompt p = base.get(i % 2);
            Task task = i < 2 ? Task.QA : Task.DENSE_CAPTION;
            rows.add(new GrpoPrompt(p.features(), p.prompt(), p.target(), p.rewards(), task));
        }
        // dense rows first in one list, QA rows in the other: the grouping must not reorder them
        List<GrpoPrompt> mixed = List.of(rows.get(2), rows.get(0), rows.get(3), rows.get(1));
        try (Vlm3d model = Vlm3d.initialize(config, Device.cpu())) {
            List<Generation> out = LengthBatches.generate(model, mixed, t -> t == Task.QA ? 2 : 7,
                    n -> GenerationConfig.builder().maxNewTokens(n).build());
            assertEquals(List.of(7, 2, 7, 2), out.stream().map(g -> g.tokens().length).toList());
            for (int i = 0; i < mixed.size(); i++) {
                int limit = mixed.get(i).task() == Task.QA ? 2 : 7;
                Generation alone = model.generate(List.of(mixed.get(i).features()), List.of(mixed.get(i).prompt()),
                        GenerationConfig.builder().maxNewTokens(limit).build(), null).get(0);
                assertArrayEquals(alone.tokens(), out.get(i).tokens(), "row " + i);
            }
        }
    }
}
