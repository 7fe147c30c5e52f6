package dev.isthmus.lua.cli;

import dev.isthmus.lua.interp.LuaRuntime;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.function.Supplier;

/**
 * Ctrl-C while Lua code runs, as luajit's {@code docall} handles it: the first SIGINT asks the
 * code to stop with the error "interrupted!" (at its next interpreted loop iteration, so a
 * compiled loop, as in LuaJIT, runs on), and puts back the default action, so a second one
 * ends the process. Outside Lua code the previous handler is in place (at the prompt, JLine's).
 */
final class Interruption {
    private static final Signal INT = new Signal("INT");

    private Interruption() {
    }

    /** Runs {@code code} with Ctrl-C interrupting it; returns its result. */
    static <T> T during(LuaRuntime runtime, Supplier<T> code) {
        SignalHandler previous = install(signal -> {
            install(SignalHandler.SIG_DFL);
            runtime.setInterruptRequested(true);
        });
        try {
            return code.get();
        } finally {
            runtime.setInterruptRequested(false);
            if (previous != null) {
                install(previous);
            }
        }
    }

    /** Installs a SIGINT handler; the one it replaces, or null where the JVM keeps SIGINT to itself (-Xrs). */
    private static SignalHandler install(SignalHandler handler) {
        try {
            return Signal.handle(INT, handler);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }
}
