package dev.isthmus.tests;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.jit.JitEngine;
import dev.isthmus.lua.runtime.LuaError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs one chunk in a fresh Isthmus state in this JVM and returns what it printed. An uncaught
 * error (also a syntax error) is printed as {@code error: <message>}, as {@link LuajitChunkRun}
 * prints it for luajit. Standard error goes to the same text.
 *
 * <p>The chunk runs on a thread of its own with the 1 GiB stack {@code isthmus run} gives Lua
 * (the interpreter makes one Java call per Lua call, so deep recursion needs it), and a chunk
 * that runs too long is stopped and reported rather than stalling the build.
 */
final class IsthmusChunkRun {
    private static final long STACK_BYTES = 1L << 30;
    private static final long TIME_LIMIT_MILLIS = 20_000;

    private IsthmusChunkRun() {
    }

    /** Runs with the trace compiler as its defaults set it. */
    static String run(String chunk, String chunkName) throws InterruptedException {
        return run(chunk, chunkName, null);
    }

    /** Runs with the trace compiler off ({@code forced} false) or compiling every loop at its first iteration. */
    static String run(String chunk, String chunkName, Boolean forced) throws InterruptedException {
        String[] output = new String[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread thread = new Thread(null, () -> {
            try {
                output[0] = runHere(chunk, chunkName, forced);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "lua-block", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        thread.join(TIME_LIMIT_MILLIS);
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionError(chunkName + ": the block did not finish within " + TIME_LIMIT_MILLIS / 1000 + " s");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return output[0];
    }

    private static String runHere(String chunk, String chunkName, Boolean forced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), print, print);
        if (forced != null) {
            if (forced) {
                JitEngine.of(runtime).setOption("hotloop=1");
                JitEngine.of(runtime).setOption("hotexit=1");
            } else {
                JitEngine.of(runtime).setEnabled(false);
            }
        }
        try {
            runtime.load(chunk.getBytes(StandardCharsets.ISO_8859_1), chunkName).call(new Object[0]);
        } catch (LuaError e) {
            print.println("error: " + e.getMessage());
        }
        print.flush();
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
