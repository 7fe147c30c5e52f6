package dev.isthmus.lua;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.lib.BaseLibrary;

import java.io.PrintStream;

/** Creates Lua states with the standard libraries open: the entry point for embedding the VM. */
public final class Lua {
    private Lua() {
    }

    /** A new state whose {@code print} and {@code io.write} go to {@code out}, diagnostics to {@code err}. */
    public static LuaRuntime newState(PrintStream out, PrintStream err) {
        LuaRuntime runtime = new LuaRuntime(out, err);
        BaseLibrary.install(runtime);
        return runtime;
    }
}
