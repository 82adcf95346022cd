package io.r1kit.train.sft;

import ai.djl.Device;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** group_by_length: batches of similar length, each answer token weighing what it weighs in random batches. */
class SftTrainerGroupingTest {

    private static final String GROUPED = TinyCheckpoint.RECIPE.replace("\"batch_size\": 8", "\"batch_size\": 4, \"group_by_length\": true");

    @Test
    void groupedBatchesWeighEachAnswerTokenAlikeAndRandomOnesAreUnweighted() {
        SftConfig grouped = SftConfig.fromJson(GROUPED);
        SftConfig random = SftConfig.fromJson(GROUPED.replace("\"group_by_length\": true", "\"group_by_length\": false"));
        SftData data = SftData.training(grouped, TrainProgress.none());
        List<VlmExample> examples = data.examples();
        double meanAnswer = examples.stream().mapToInt(e -> e.answer().length).average().orElseThrow();
        try (Vlm3d model = Vlm3d.initialize(grouped.vlmConfig(data.vocabulary().size()), Device.cpu())) {
            SftTrainer g = new SftTrainer(model, grouped);
            SftTrainer r = new SftTrainer(model, random);
            Set<Double> weights = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                List<VlmExample> batch = g.nextBatch(examples, 4);
                int tokens = batch.stream().mapToInt(e -> e.answer().length).sum();
                double weight = g.answerWeight(batch);
                weights.add(weight);
                assertEquals(1 / (4 * meanAnswer), weight / tokens, 1e-9, "weight per answer token");
                int spread = batch.stream().mapToInt(VlmExample::positions).max().orElseThrow()
                        - batch.stream().mapToInt(VlmExample::positions).min().orElseThrow();
                assertTrue(spread < 40, "a grouped batch spans " + spread + " positions");
                assertEquals(1, r.answerWeight(r.nextBatch(examples, 4)));
            }
            assertTrue(weights.size() > 5, "batches of different answer lengths weigh differently: " + weights);
        }
    }
}
