package dev.isthmus.lua.cli;

import dev.isthmus.lua.runtime.Coroutine;

import java.util.function.IntSupplier;

/**
 * Where the command line runs Lua. Deep Lua recursion is deep Java recursion, so the main
 * chunk gets a 1 GiB stack. When coroutines are JDK continuations (the launcher exports
 * them) they run on that same thread, and the main chunk runs on a platform thread with that
 * stack. On their fallback, virtual threads, a resume or yield from a platform thread would
 * wake an OS thread every time, ten to twenty times slower than between two virtual threads
 * (bench/lua/coroutines.lua); the main chunk then runs on a virtual thread too, whose stack
 * is its carrier's (the launcher's {@code -Xss}).
 */
final class LuaMainThread {
    private static final long STACK_BYTES = 1L << 30;

    private LuaMainThread() {
    }

    /** Runs {@code program} on a thread named lua-main; returns its exit status. */
    static int run(IntSupplier program) throws InterruptedException {
        int[] status = new int[1];
        Runnable body = () -> status[0] = program.getAsInt();
        Thread t = Coroutine.carrierKind().equals("continuations")
                ? new Thread(null, body, "lua-main", STACK_BYTES)
                : Thread.ofVirtual().name("lua-main").unstarted(body);
        t.start();
        t.join();
        return status[0];
    }
}
