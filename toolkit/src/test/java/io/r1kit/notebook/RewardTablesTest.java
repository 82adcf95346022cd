package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.reward.FormatReward;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.RewardBreakdown;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RewardTablesTest {

    private static final RewardTarget TARGET = RewardTarget.ofBox(Box3.ofMinMax(1, 1, 0, 2, 2, 1),
            Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f));
    private static final RewardSet REWARDS = RewardSet.of(new FormatReward(), new PerceptionReward());
    private static final String RIGHT = "<think>By the desk.</think><answer><obj>75, 75, 50, 50, 50, 100</obj></answer>";
    private static final String SHIFTED = "<think>By the desk.</think><answer><obj>100, 75, 50, 50, 50, 100</obj></answer>";

    @Test
    void breakdownListsThinkAnswerEachRewardAndTotal() {
        Table t = RewardTables.breakdown(RewardBreakdown.of(REWARDS, SHIFTED, TARGET));
        assertEquals(List.of("part", "value", "note"), t.columns());
        assertEquals(List.of(
                List.of("think", "", "By the desk."),
                List.of("answer", "", "<obj>100, 75, 50, 50, 50, 100</obj>"),
                List.of("format", "1.000", "ok"),
                List.of("perception", "0.333", "predicted (2.00, 1.50, 0.50) 1.00 x 1.00 x 1.00 m"),
                List.of("total", "1.333", "")), t.rows());
    }

    @Test
    void groupShowsTheNormalisedAdvantage() {
        // Totals 2, 4/3, 0: mean 10/9; sample std (GRPO's) sqrt(((8/9)^2 + (2/9)^2 + (10/9)^2) / 2) = sqrt(84) / 9
        // = 1.01835: advantages 0.8889 / 1.01845, 0.2222 / 1.01845, -1.1111 / 1.01845.
        List<RewardBreakdown> group = List.of(RewardBreakdown.of(REWARDS, RIGHT, TARGET),
                RewardBreakdown.of(REWARDS, SHIFTED, TARGET), RewardBreakdown.of(REWARDS, "a chair", TARGET));
        Table t = RewardTables.group(List.of("right", "shifted", "no format"), group);
        assertEquals(List.of("output", "answer", "format", "perception", "total", "advantage"), t.columns());
        double std = Math.sqrt(84) / 9;
        assertEquals(String.format(java.util.Locale.ROOT, "%+.3f", (8.0 / 9) / (std + 1e-4)), t.rows().get(0).get(5));
        assertEquals("+0.873", t.rows().get(0).get(5));
        assertEquals("+0.218", t.rows().get(1).get(5));
        assertEquals("-1.091", t.rows().get(2).get(5));
        assertEquals(List.of("no format", "a chair", "0.000", "0.000", "0.000", "-1.091"), t.rows().get(2));
        BufferedImage chart = RewardTables.chart(List.of("right", "shifted", "no format"), group);
        assertEquals(720, chart.getWidth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RewardTables.group(List.of("one"), group));
        assertEquals("1 labels for 3 outputs: give one label per output", e.getMessage());
    }

    @Test
    void anAnswerIsShownAsOneShortPrintableLine() {
        String output = "a\n  chair\u001b[2J" + " long".repeat(20);
        Table t = RewardTables.group(List.of("raw"), List.of(RewardBreakdown.of(REWARDS, output, TARGET)));
        String shown = t.rows().get(0).get(1);
        assertEquals("a chair?[2J long long long long long long lon...", shown);
    }
}
