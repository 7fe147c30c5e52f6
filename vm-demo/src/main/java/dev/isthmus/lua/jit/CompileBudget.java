package dev.isthmus.lua.jit;

/**
 * How many times over {@code hotexit} an exit must be taken before it grows a side trace,
 * as compiling costs. A side trace here costs milliseconds (its tree's class generated again,
 * then compiled by the JVM's own tiers, which took more CPU than the generating), where
 * LuaJIT's costs microseconds, so a program whose exits keep growing side traces can spend its
 * run compiling: meteor's generated solver grew about 3,000 of them in 100 s, against LuaJIT's
 * 350, and ran 100 times longer than with the trace compiler off.
 *
 * <p>From {@link #GRACE_NANOS} after the engine started (a program's first traces come in a
 * burst, and short scripts keep {@code hotexit} as it is): when generating traces took more
 * than a quarter of a window of at least {@link #WINDOW_NANOS} with {@link #MIN_COMPILES}
 * compiles or more, the factor doubles (quadruples over a half), up to {@link #MAX_FACTOR};
 * when it took under a twentieth, it halves, down to 1. An exit taken millions of times still grows its side trace
 * almost at once; one taken now and then waits, and costs an exit each time meanwhile.
 */
final class CompileBudget {
    static final long GRACE_NANOS = 500_000_000L;
    /** The shortest stretch of time whose share of compiling changes the factor. */
    static final long WINDOW_NANOS = 250_000_000L;
    /** Fewer compiles in a window say little of a rate of growing traces. */
    static final int MIN_COMPILES = 5;
    static final int MAX_FACTOR = 1 << 12;

    private long windowStart;
    private long compiling;
    private int compiles;
    private int factor = 1;

    CompileBudget(long now) {
        windowStart = now + GRACE_NANOS;
    }

    /** A compile of {@code nanos} ended at {@code now}: +1 when the factor grew, -1 when it halved, else 0. */
    int compiled(long nanos, long now) {
        if (now < windowStart) {
            return 0;
        }
        compiling += nanos;
        compiles++;
        long span = now - windowStart;
        if (span < WINDOW_NANOS) {
            return 0;
        }
        int before = factor;
        if (compiling * 4 > span && compiles >= MIN_COMPILES) {
            factor = Math.min(factor * (compiling * 2 > span ? 4 : 2), MAX_FACTOR);
        } else if (compiling * 20 < span) {
            factor = Math.max(1, factor / 2);
        }
        windowStart = now;
        compiling = 0;
        compiles = 0;
        return Integer.compare(factor, before);
    }

    int factor() {
        return factor;
    }
}
