package io.r1kit.train.grpo;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reward chart: the greedy answers' curve appears when they were each group's baseline. */
class RewardCurveTest {

    private static GrpoStepStats step(int n, double reward, Double greedy) {
        Map<String, Double> m = greedy == null ? Map.of("reward", reward)
                : Map.of("reward", reward, GrpoMetrics.BASELINE_REWARD, greedy);
        return new GrpoStepStats(n, m);
    }

    @Test
    void drawsTheGreedyAnswersRunningMeanBesideTheSampledReward() {
        RewardCurve withGreedy = new RewardCurve(1.5);
        withGreedy.add(step(1, 1.0, 2.0));
        withGreedy.add(step(2, 1.2, 1.0));
        withGreedy.heldOutAfter(1.6);
        XYChart c = withGreedy.plot();
        assertEquals(List.of("sampled groups", "sampled, mean of 10", "greedy answers, mean of 10", "held-out, greedy"),
                List.copyOf(c.getSeriesMap().keySet()));
        // running means of the greedy answers' reward: 2, then (2 + 1) / 2
        assertArrayEquals(new double[] {2, 1.5}, c.getSeriesMap().get("greedy answers, mean of 10").getYData(), 1e-12);
        assertEquals(2, c.getSeriesMap().get("held-out, greedy").getXData().length);

        RewardCurve plain = new RewardCurve(1.5);
        plain.add(step(1, 1.0, null));
        plain.add(step(2, 1.2, 1.0));   // a step without the metric: no greedy curve with holes
        assertEquals(List.of("sampled groups", "sampled, mean of 10", "held-out, greedy"),
                List.copyOf(plain.plot().getSeriesMap().keySet()));
        assertEquals(1, plain.plot().getSeriesMap().get("held-out, greedy").getXData().length);
    }
}
