package dev.isthmus.lua.cli;

import java.util.function.IntSupplier;

/**
 * Where the command line runs Lua: on a virtual thread. Coroutines run as JDK continuations
 * on the same thread when the launcher exports them; on their fallback, virtual threads, a
 * resume or yield is then a hand-over between two virtual threads, which the JDK does by
 * switching continuations on a carrier thread; from a platform thread it would wake an OS
 * thread every time, ten to twenty times slower (bench/lua/coroutines.lua).
 *
 * <p>A mounted virtual thread runs on its carrier thread's stack, and deep Lua recursion
 * runs on the Java stack: the {@code isthmus} launcher gives threads a large stack
 * ({@code -Xss}). Without it, runaway recursion still ends as a Lua "stack overflow",
 * only at a smaller depth.
 */
final class LuaMainThread {
    private LuaMainThread() {
    }

    /** Runs {@code program} on a virtual thread named lua-main; returns its exit status. */
    static int run(IntSupplier program) throws InterruptedException {
        int[] status = new int[1];
        Thread t = Thread.ofVirtual().name("lua-main").start(() -> status[0] = program.getAsInt());
        t.join();
        return status[0];
    }
}
