package io.r1kit.train.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How many SFT steps the control gets for a GRPO run's seconds. */
class ControlRecipeTest {

    @Test
    void theShortRunsOverheadsArePaidOnceAndTheRestAtTheWarmRate() {
        // 8 steps in 10 s (warm-up and a held-out pass in them), 24 in 18 s: 0.5 s per warm step
        assertEquals(8 + 180, ControlRecipe.stepsFor(100, 10, 18));
        // the mean of the short run (1.25 s per step) would have given 80 steps: 40% of the seconds lost
        assertEquals(2, ControlRecipe.stepsFor(3, 10, 18));        // never fewer than 2
        // the long run no slower than the short one (jitter): its mean, 9 s / 24 = 0.375 s per step
        assertEquals(267, ControlRecipe.stepsFor(100, 10, 9));
        assertEquals(2, ControlRecipe.stepsFor(0.1, 10, 9));
        assertThrows(IllegalArgumentException.class, () -> ControlRecipe.stepsFor(100, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ControlRecipe.stepsFor(Double.NaN, 10, 18));
    }
}
