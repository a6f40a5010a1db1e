package org.lectern.gradebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How the gradebook rounds. Inside, sums and products are exact; divisions (a score over its
 * points, a category over its counted weight) use 34 significant digits (DECIMAL128), which is exact
 * wherever the quotient terminates. Only display rounds: to 2 decimals, half up. Letters are judged
 * on the displayed total, so a student never sees 90.00 next to a letter for below 90.
 */
public final class Rounding {

    public static final MathContext CONTEXT = MathContext.DECIMAL128;
    public static final int DISPLAY_SCALE = 2;
    public static final RoundingMode DISPLAY_MODE = RoundingMode.HALF_UP;

    /** Far below any meaningful digit, far above division residue (about 1e-32 for a percent). */
    private static final int SNAP_SCALE = 20;

    private Rounding() {
    }

    /**
     * A value at scale 2, half up; null stays null. Snapping to 20 decimals first makes a sum of thirds
     * that should be 89.995 but computes as 89.99499...9 round up, as it would by hand.
     */
    public static BigDecimal forDisplay(BigDecimal value) {
        return value == null ? null
                : value.setScale(SNAP_SCALE, DISPLAY_MODE).setScale(DISPLAY_SCALE, DISPLAY_MODE);
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, CONTEXT);
    }
}
