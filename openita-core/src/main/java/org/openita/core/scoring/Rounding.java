package org.openita.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule: scores are kept at full precision and rounded half-up to two decimals only for
 * display and for comparison with level thresholds, whose ranges (e.g. 85.00-94.99) are stated on
 * two-decimal figures. The decimal value of a double is taken as its shortest representation, so 99.165
 * displays as 99.17.
 */
public final class Rounding {

    private Rounding() {
    }

    public static BigDecimal display(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    public static double twoDecimals(double value) {
        return display(value).doubleValue();
    }

    /** Whether two figures differ by more than the 0.01 that two-decimal publishing allows. */
    public static boolean differs(double a, double b) {
        return Math.abs(a - b) > 0.01 + 1e-9;
    }
}
