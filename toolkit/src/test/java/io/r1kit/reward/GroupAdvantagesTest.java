package io.r1kit.reward;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupAdvantagesTest {

    @Test
    void rewardsAreCentredAndDividedByTheSampleStandardDeviation() {
        // mean 0.5, sample variance (4 * 0.25) / 3 = 1/3, std 0.5773503; 0.5 / (0.5773503 + 1e-4) = 0.865876
        assertArrayEquals(new double[] {0.865876, -0.865876, -0.865876, 0.865876},
                GroupAdvantages.of(new double[] {1, 0, 0, 1}, 1e-4), 1e-6);
        // mean 2, sample std sqrt(2) = 1.414214; 1 / 1.414214 = 0.707107 (eps 0)
        assertArrayEquals(new double[] {0.707107, -0.707107}, GroupAdvantages.of(new double[] {3, 1}, 0), 1e-6);
    }

    @Test
    void equalRewardsAndGroupsOfOneGiveZeroNotNaN() {
        assertArrayEquals(new double[] {0, 0, 0}, GroupAdvantages.of(new double[] {0.1, 0.1, 0.1}, 0), 0);
        assertArrayEquals(new double[] {0}, GroupAdvantages.of(new double[] {7}, 1e-4), 0);
    }

    @Test
    void groupsAreNormalisedSeparately() {
        double[] a = GroupAdvantages.ofGroups(new double[] {3, 1, 5, 5}, 2, 0);
        assertArrayEquals(new double[] {0.707107, -0.707107, 0, 0}, a, 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupAdvantages.ofGroups(new double[] {1, 2, 3}, 2, 0));
        assertEquals("3 rewards do not split into groups of 2", e.getMessage());
    }

    @Test
    void batchScalingDividesByTheWholeBatchsStdAndNoneOnlyCentres() {
        double[] r = {3, 1, 5, 5, 0, 2};
        // group means 2, 5, 1; batch sample std of {3, 1, 5, 5, 0, 2}: mean 8/3, squares 50/3 ... by hand 2.065591
        double batchStd = Math.sqrt((Math.pow(3 - 8.0 / 3, 2) + Math.pow(1 - 8.0 / 3, 2) + 2 * Math.pow(5 - 8.0 / 3, 2)
                + Math.pow(8.0 / 3, 2) + Math.pow(2 - 8.0 / 3, 2)) / 5);
        assertEquals(2.065591, batchStd, 1e-6);
        assertArrayEquals(new double[] {1 / batchStd, -1 / batchStd, 0, 0, -1 / batchStd, 1 / batchStd},
                GroupAdvantages.ofGroups(r, 2, 0, GroupAdvantages.Scaling.BATCH), 1e-9);
        assertArrayEquals(new double[] {1, -1, 0, 0, -1, 1}, GroupAdvantages.ofGroups(r, 2, 1e-4,
                GroupAdvantages.Scaling.NONE), 0);
        assertArrayEquals(GroupAdvantages.ofGroups(r, 2, 1e-4), GroupAdvantages.ofGroups(r, 2, 1e-4,
                GroupAdvantages.Scaling.GROUP), 0);
        assertEquals(GroupAdvantages.Scaling.BATCH, GroupAdvantages.Scaling.of("batch"));
        assertEquals("scale_rewards \"std\" is none of [group, batch, none]",
                assertThrows(IllegalArgumentException.class, () -> GroupAdvantages.Scaling.of("std")).getMessage());
    }

    @Test
    void aGreedyBaselineCentresEachGroupOnItsOwnValue() {
        double[] r = {1, 1, 0, 0, 1, 1, 1, 1};
        double[] b = {0, 1};
        // group 0 with its baseline {1, 1, 0, 0, 0}: mean 0.4, sample variance (2 * 0.36 + 3 * 0.16) / 4 = 0.3
        double s0 = Math.sqrt(0.3);
        assertEquals(0.547723, s0, 1e-6);
        // group 1 ties with its baseline: no signal, whatever the scaling
        assertArrayEquals(new double[] {1 / s0, 1 / s0, 0, 0, 0, 0, 0, 0},
                GroupAdvantages.ofGroups(r, 4, 0, GroupAdvantages.Scaling.GROUP, b), 1e-12);
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 0, 0, 0},
                GroupAdvantages.ofGroups(r, 4, 1e-4, GroupAdvantages.Scaling.NONE, b), 0);
        // batch: sample std of the eight rewards, mean 0.75, (6 * 0.0625 + 2 * 0.5625) / 7
        double batch = Math.sqrt(1.5 / 7);
        assertArrayEquals(new double[] {1 / batch, 1 / batch, 0, 0, 0, 0, 0, 0},
                GroupAdvantages.ofGroups(r, 4, 0, GroupAdvantages.Scaling.BATCH, b), 1e-12);
        // outputs that tie with one another but beat the baseline are pushed up; with their mean they would not be
        // {1, 1} and 0: mean 2/3, sample variance (2/9 + 4/9) / 2 = 1/3
        assertArrayEquals(new double[] {Math.sqrt(3), Math.sqrt(3)},
                GroupAdvantages.ofGroups(new double[] {1, 1}, 2, 0, GroupAdvantages.Scaling.GROUP, new double[] {0}), 1e-12);
        assertArrayEquals(new double[] {0, 0}, GroupAdvantages.ofGroups(new double[] {1, 1}, 2, 0), 0);
        // a group below its baseline is pushed down
        assertArrayEquals(new double[] {-0.5, -1}, GroupAdvantages.ofGroups(new double[] {0.5, 0}, 2, 0,
                GroupAdvantages.Scaling.NONE, new double[] {1}), 0);
        assertEquals("1 baselines for 2 groups", assertThrows(IllegalArgumentException.class,
                () -> GroupAdvantages.ofGroups(r, 4, 0, GroupAdvantages.Scaling.GROUP, new double[] {0})).getMessage());
    }

    @Test
    void gainsKeepOnlyTheOutputsAboveTheirBaseline() {
        // group 0 {1, 0.5, 0, 0.25} against its greedy answer's 0.5; group 1 {0, 0, 0, 0} against 1
        double[] r = {1, 0.5, 0, 0.25, 0, 0, 0, 0};
        double[] a = GroupAdvantages.ofGroups(r, 4, 0, GroupAdvantages.Scaling.NONE, new double[] {0.5, 1});
        assertArrayEquals(new double[] {0.5, 0, -0.5, -0.25, -1, -1, -1, -1}, a, 0);
        double[] gains = GroupAdvantages.gains(a);
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0, 0, 0, 0}, gains, 0);
        assertEquals(-0.5, a[2], 0);   // a new array: the input is left as it was
    }
}
