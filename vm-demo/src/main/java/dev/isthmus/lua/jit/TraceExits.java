package dev.isthmus.lua.jit;

import java.io.PrintStream;

/**
 * How often each exit of one trace was taken. The generated exit methods call {@link #taken}
 * (off the loop's path: only when a guard fails). Hot exits are where a trace tree would grow;
 * {@code -jv} shows each exit the first time it is taken and again at every power of ten.
 *
 * <p>An exit taken before the loop's first compiled iteration (a guard of the part before
 * the loop: the function called is another closure, a slot holds another type) means the
 * trace no longer fits the loop: entered, it leaves at once, and the interpreter runs the
 * iteration at the price of an exit on top. When {@link #STALE_AFTER} such exits come in a
 * row, the trace is reported stale and its loop records a new one for what it does now (a
 * shared helper looping over one C function and then another, say).
 */
final class TraceExits {
    /** Entry exits in a row, with no exit from inside the loop between them, that make a trace stale. */
    static final int STALE_AFTER = 16;

    private final int trace;
    private final String[] places;
    private final boolean[] atEntry;
    private final long[] counts;
    private final PrintStream log;
    private final Runnable stale;
    private int entryExitsInARow;

    /**
     * {@code places[e]}: where exit {@code e} resumes, as {@code chunk:line}; {@code atEntry[e]}:
     * whether it leaves before the loop; {@code stale}: called once when the trace is stale;
     * {@code log} null when not verbose.
     */
    TraceExits(int trace, String[] places, boolean[] atEntry, Runnable stale, PrintStream log) {
        this.trace = trace;
        this.places = places;
        this.atEntry = atEntry.clone();
        this.counts = new long[places.length];
        this.stale = stale;
        this.log = log;
    }

    /** Called by the trace's code when it leaves through exit {@code exit}. */
    void taken(int exit) {
        long count = ++counts[exit];
        if (log != null && isPowerOfTen(count)) {
            log.println("[TRACE " + String.format("%3d", trace) + " exit " + exit + " to " + places[exit] + ", taken " + count
                    + (count == 1 ? " time]" : " times]"));
        }
        if (!atEntry[exit]) {
            entryExitsInARow = 0;
        } else if (++entryExitsInARow == STALE_AFTER) {
            stale.run();
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
