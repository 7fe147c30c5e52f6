package dev.isthmus.lua.cli;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.jit.JitEngine;
import dev.isthmus.lua.runtime.LuaError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a script in a fresh Lua state in this JVM, for comparison with what luajit prints. */
public final class ScriptRun {
    /**
     * How the trace compiler runs: off (the interpreter alone), or forced, every loop recorded
     * and compiled at its first iteration. Every script must print the same in both.
     */
    public enum Jit {
        OFF, FORCED;

        public void applyTo(LuaRuntime runtime) {
            JitEngine engine = JitEngine.of(runtime);
            if (this == OFF) {
                engine.setEnabled(false);
            } else {
                engine.setOption("hotloop=1");
                engine.setOption("hotexit=1");
            }
        }
    }

    private ScriptRun() {
    }

    /** Runs a script with the trace compiler as its defaults set it. */
    public static String inProcess(Path script, String chunkName) throws IOException {
        return inProcess(script, chunkName, null);
    }

    /** Runs a script with {@code chunkName} as its chunk name and the trace compiler as {@code jit} says; its output and any uncaught error message as one text. */
    public static String inProcess(Path script, String chunkName, Jit jit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), print, print);
        if (jit != null) {
            jit.applyTo(runtime);
        }
        byte[] text = Files.readAllBytes(script);
        RuntimeException[] failure = new RuntimeException[1];
        try {
            // On the launcher's 1 GiB Lua thread: a deep recursion takes Java stack, more of it
            // where calls run through traces, and the test thread's default stack is 1 MB.
            LuaMainThread.run(() -> {
                try {
                    runtime.load(text, chunkName).call(new Object[0]);
                } catch (LuaError e) {
                    print.println("error: " + e.getMessage());
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
                return 0;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        print.flush();
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
