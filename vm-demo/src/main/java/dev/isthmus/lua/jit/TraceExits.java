package dev.isthmus.lua.jit;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * How often each exit of one trace tree was taken. The generated exit methods call
 * {@link #taken} (off the loop's path: only when a guard fails). Every {@code hotExit}-th time
 * an exit is taken it is reported hot, where a side trace may grow ({@link TraceTree});
 * {@code -jv} shows each exit the first time it is taken and again at every power of ten.
 *
 * <p>An exit taken before the loop's first compiled iteration (a guard of the part before
 * the loop: the function called is another closure, a slot holds another type) means the
 * trace no longer fits the loop: entered, it leaves at once, and the interpreter runs the
 * iteration at the price of an exit on top. When {@link #STALE_AFTER} such exits come in a
 * row (no exit from inside the loop, no side trace's link back to it between them), the trace
 * is reported stale and its loop records a new one for what it does now (a
 * shared helper looping over one C function and then another, say). An exit that may still
 * grow a side trace is not counted: a branch the pre-roll took one way and the loop's entries
 * often take the other gets its side trace, as any exit does. (LU's pivot swap, taken at about
 * half the entries of its loop, made that loop's trace stale eight times in a row, recorded
 * again each time, before its side trace could grow.)
 */
final class TraceExits {
    /** Entry exits in a row, with no exit from inside the loop between them, that make a trace stale. */
    static final int STALE_AFTER = 16;

    private final int trace;
    private final IntFunction<String> place;
    private final PrintStream log;
    private final Runnable stale;
    private final IntConsumer hot;
    private final IntPredicate maySprout;
    private final int hotExit;
    private long[] counts = new long[0];
    /** Per exit, how many more times it is taken before it is reported hot again (a division per exit cost nbody 2%). */
    private int[] untilHot = new int[0];
    private boolean[] atEntry = new boolean[0];
    /** Per exit, whether it finds the loop ended at entry: it neither counts towards stale nor breaks a row of entry exits. */
    private boolean[] loopEnded = new boolean[0];
    private int entryExitsInARow;

    /**
     * {@code place.apply(e)}: where exit {@code e} resumes, as {@code chunk:line}; {@code stale}:
     * called once when the trace is stale; {@code hot}: called with an exit every
     * {@code hotExit} times it is taken; {@code maySprout}: whether an exit may yet grow a side
     * trace; {@code log} null when not verbose.
     */
    TraceExits(int trace, IntFunction<String> place, Runnable stale, IntConsumer hot, IntPredicate maySprout, int hotExit, PrintStream log) {
        this.trace = trace;
        this.place = place;
        this.stale = stale;
        this.hot = hot;
        this.maySprout = maySprout;
        this.hotExit = Math.max(1, hotExit);
        this.log = log;
    }

    /**
     * Covers the exits a tree has now (it grows and shrinks with side traces); {@code entry[e]}:
     * whether exit {@code e} leaves before the loop; {@code ended[e]}: whether it finds the loop
     * ended there (TraceTree.loopEndedExits).
     */
    void cover(boolean[] entry, boolean[] ended) {
        int covered = untilHot.length;
        counts = Arrays.copyOf(counts, entry.length);
        untilHot = Arrays.copyOf(untilHot, entry.length);
        for (int e = covered; e < entry.length; e++) {
            untilHot[e] = hotExit - (int) (counts[e] % hotExit);
        }
        atEntry = entry.clone();
        loopEnded = ended.clone();
    }

    /** Called by the trace's code when it leaves through exit {@code exit}. */
    void taken(int exit) {
        if (exit >= counts.length) {
            // Code compiled before the tree dropped a side trace that would have been too large.
            return;
        }
        long count = ++counts[exit];
        if (log != null && isPowerOfTen(count)) {
            log.println("[TRACE " + String.format("%3d", trace) + " exit " + exit + " to " + place.apply(exit) + ", taken " + count
                    + (count == 1 ? " time]" : " times]"));
        }
        if (loopEnded[exit]) {
            // Neither a sign of staleness nor of the loop's iterations run by this trace.
        } else if (!atEntry[exit]) {
            entryExitsInARow = 0;
        } else if (!maySprout.test(exit) && ++entryExitsInARow == STALE_AFTER) {
            stale.run();
        }
        if (--untilHot[exit] == 0) {
            untilHot[exit] = hotExit;
            hot.accept(exit);
        }
    }

    /**
     * Called by a side trace's link back to the root, and by a function trace that came to its
     * function's return: the tree is doing the loop's or the call's work, so the entry exits
     * before this one do not make it stale (nbody's inner loop is entered from a side trace with
     * no iteration to run once per outer loop, and leaves before its loop).
     */
    void linked() {
        entryExitsInARow = 0;
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
