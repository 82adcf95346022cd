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
}
