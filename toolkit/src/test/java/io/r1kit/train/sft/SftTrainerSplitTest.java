package io.r1kit.train.sft;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.LengthSplit;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** split_by_length: a batch run as parts of similar length makes the update one pass would. */
class SftTrainerSplitTest {

    private static final String RECIPE = TinyCheckpoint.RECIPE
            .replace("\"tasks\": [\"grounding\", \"qa\"]", "\"tasks\": [\"grounding\", \"qa\", \"reasoning\"]")
            .replace("\"max_tokens\": 200", "\"max_tokens\": 400")
            .replace("\"object_name_weight\": 0", "\"object_name_weight\": 1, \"object_places\": true");

    @Test
    void partsAddUpToTheWholeBatchsLossGradientAndUpdate() {
        SftConfig whole = SftConfig.fromJson(RECIPE.replace("\"seed\": 3", "\"seed\": 3, \"split_by_length\": false"));
        SftConfig split = SftConfig.fromJson(RECIPE);
        assertTrue(split.splitByLength(), "on by default");
        SftData data = SftData.training(whole, TrainProgress.none());
        List<VlmExample> sorted = new ArrayList<>(data.examples());
        sorted.sort(Comparator.comparingInt(VlmExample::positions));
        List<List<VlmExample>> batches = List.of(
                List.of(sorted.get(0), sorted.get(1), sorted.get(2), sorted.get(sorted.size() - 1)),
                List.of(sorted.get(3), sorted.get(sorted.size() - 2), sorted.get(4), sorted.get(sorted.size() - 3)));
        for (List<VlmExample> batch : batches) {
            assertTrue(LengthSplit.parts(batch, VlmExample::positions, SftConfig.SPLIT_OVERHEAD).size() > 1,
                    "the test batch is cut: " + batch.stream().map(VlmExample::positions).toList());
        }
        try (Vlm3d a = Vlm3d.initialize(whole.vlmConfig(data.vocabulary().size()), Device.cpu());
             Vlm3d b = Vlm3d.initialize(whole.vlmConfig(data.vocabulary().size()), Device.cpu())) {
            SftTrainer one = new SftTrainer(a, whole);
            SftTrainer parts = new SftTrainer(b, split);
            for (List<VlmExample> batch : batches) {
                float l1 = one.step(batch);
                float l2 = parts.step(batch);
                assertEquals(l1, l2, 1e-5 * l1, "answer loss");
                assertEquals(one.lastGradNorm(), parts.lastGradNorm(), 1e-4 * one.lastGradNorm(), "gradient norm");
            }
            Map<String, NDArray> pa = a.parameters();
            Map<String, NDArray> pb = b.parameters();
            for (Map.Entry<String, NDArray> e : pa.entrySet()) {
                float diff = e.getValue().sub(pb.get(e.getKey())).abs().max().getFloat();
                assertTrue(diff < 1e-5, e.getKey() + " differs by " + diff + " after two updates");
            }
        }
    }
}
