package dev.isthmus.bench.ffi;

/**
 * The timing rule of {@code bench/lua/harness.lua} for the Java baselines printed beside the
 * Lua scripts: the best round of at least 15 and three seconds, so that the JVM is timed
 * warm, printed as a {@code name ns-per-operation check} line that bench/run reads.
 */
final class BestRound {
    /** A round of work: returns a value that shows it was done (printed, never checked here). */
    interface Round {
        long run() throws Throwable;
    }

    private BestRound() {
    }

    /** Times {@code round}, which does {@code operations} operations, and prints the best time per operation. */
    static void measure(String name, long operations, Round round) throws Throwable {
        double best = Double.MAX_VALUE;
        long check = 0;
        long started = System.nanoTime();
        for (int done = 0; done < 15 || System.nanoTime() - started < 3_000_000_000L; done++) {
            long t0 = System.nanoTime();
            check = round.run();
            best = Math.min(best, (System.nanoTime() - t0) / (double) operations);
        }
        System.out.println(name + "\t" + best + "\t" + check);
    }
}
