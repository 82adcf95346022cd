package io.r1kit.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Student's t against closed forms (ν = 1, 2), numerically integrated densities and printed tables. */
class StudentTTest {

    @Test
    void matchesTheCauchyAndTheTwoDegreeClosedForms() {
        for (double t : new double[] {0, 0.3, 1, 2.5, 40}) {
            assertEquals(2 / Math.PI * Math.atan(t), StudentT.central(t, 1), 1e-14, "nu 1, t " + t);
            assertEquals(t / Math.sqrt(2 + t * t), StudentT.central(t, 2), 1e-14, "nu 2, t " + t);
        }
    }

    @Test
    void twoSidedPValuesMatchTheIntegratedDensity() {
        // 1 − ∫_{−t}^{t} f_ν, Simpson's rule over 200,000 panels of the density written with Γ
        assertEquals(0.0608640724, StudentT.twoSidedP(2.41, 5), 1e-9);
        assertEquals(0.3910022190, StudentT.twoSidedP(1.0, 3), 1e-9);
        assertEquals(0.0399419681, StudentT.twoSidedP(-3.0, 4), 1e-9);
        assertEquals(0.0856193286, StudentT.twoSidedP(2.0, 7), 1e-9);
        assertEquals(0.1440659291, StudentT.twoSidedP(1.5, 30), 1e-9);
        assertEquals(1, StudentT.twoSidedP(0, 6), 0);
        assertEquals(0, StudentT.twoSidedP(Double.POSITIVE_INFINITY, 6), 0);
    }

    @Test
    void quantilesMatchThePrintedTable() {
        assertEquals(12.7062, StudentT.quantile(0.975, 1), 1e-4);
        assertEquals(4.3027, StudentT.quantile(0.975, 2), 1e-4);
        assertEquals(2.5706, StudentT.quantile(0.975, 5), 1e-4);
        assertEquals(2.2281, StudentT.quantile(0.975, 10), 1e-4);
        assertEquals(-2.2281, StudentT.quantile(0.025, 10), 1e-4);
        assertEquals(1.3104, StudentT.quantile(0.9, 30), 1e-4);
        assertEquals(0, StudentT.quantile(0.5, 3), 0);
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.central(1, 0));
    }
}
