package dev.isthmus.lua.jit;

import java.io.PrintStream;

/**
 * How often each exit of one trace was taken. The generated exit methods call {@link #taken}
 * (off the loop's path: only when a guard fails). Hot exits are where a trace tree would grow;
 * {@code -jv} shows each exit the first time it is taken and again at every power of ten.
 */
final class TraceExits {
    private final int trace;
    private final String[] places;
    private final long[] counts;
    private final PrintStream log;

    /** {@code places[e]}: where exit {@code e} resumes, as {@code chunk:line}; {@code log} null when not verbose. */
    TraceExits(int trace, String[] places, PrintStream log) {
        this.trace = trace;
        this.places = places;
        this.counts = new long[places.length];
        this.log = log;
    }

    /** Called by the trace's code when it leaves through exit {@code exit}. */
    void taken(int exit) {
        long count = ++counts[exit];
        if (log != null && isPowerOfTen(count)) {
            log.println("[TRACE " + String.format("%3d", trace) + " exit " + exit + " to " + places[exit] + ", taken " + count
                    + (count == 1 ? " time]" : " times]"));
        }
    }

    long count(int exit) {
        return counts[exit];
    }

    private static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
