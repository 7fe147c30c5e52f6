package dev.isthmus.lua.jit;

/**
 * Numeric {@code for} loops counted in ints. Lua numbers are doubles, but a loop whose start,
 * step and limit are small integers counts the same in ints, and an int-counted JVM loop is
 * what C2 optimizes best (range checks hoisted, the index in a register, element offsets as
 * {@code i * size}). The trace guards, once before the loop, that the values are such ints:
 * index and step with magnitude below {@link #RANGE}, the limit (rounded toward the loop's
 * start, so int and number comparisons agree) too. Adding the step then never overflows an
 * int, so the loop's IR needs no overflow checks and an index read back as a number is exact.
 * Compiled code calls these helpers; they are the guards' definitions.
 */
final class NarrowedLoops {
    /** Indexes, steps and limits are below this in magnitude, so index + step fits an int. */
    static final int RANGE = 1 << 30;
    /** What {@link #limit} returns when the limit does not narrow. */
    static final int NO_LIMIT = Integer.MIN_VALUE;

    private NarrowedLoops() {
    }

    /** Whether {@code d} is an integer below {@link #RANGE} in magnitude, and not -0 (which an int would print as 0). */
    static boolean isSmallInt(double d) {
        return d > -RANGE && d < RANGE && d == (int) d && (d != 0 || Double.doubleToRawLongBits(d) == 0);
    }

    /**
     * The int limit of a loop stepping by {@code step} up ({@code up}) or down to {@code limit},
     * or {@link #NO_LIMIT} when the step goes the other way or the limit is out of range (NaN
     * included). Counting up, index &lt;= limit holds for an int index exactly when index &lt;=
     * floor(limit); counting down, ceil.
     */
    static int limit(double limit, int step, boolean up) {
        if (up ? step <= 0 : step >= 0) {
            return NO_LIMIT;
        }
        double rounded = up ? Math.floor(limit) : Math.ceil(limit);
        return rounded > -RANGE && rounded < RANGE ? (int) rounded : NO_LIMIT;
    }

    /** Whether a loop with these values now would pass the guards: what the recorder checks before narrowing. */
    static boolean narrows(double index, double limit, double step) {
        return isSmallInt(index) && isSmallInt(step) && limit(limit, (int) step, step > 0) != NO_LIMIT;
    }
}
