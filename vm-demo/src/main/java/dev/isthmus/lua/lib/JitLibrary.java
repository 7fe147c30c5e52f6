package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.jit.JitEngine;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * LuaJIT's {@code jit} library over this VM's trace compiler ({@link JitEngine}):
 * {@code jit.on}/{@code off} globally or for one function's loops, {@code jit.flush},
 * {@code jit.status}, and {@code jit.opt.start} with LuaJIT's option syntax. The version names
 * the dialect this VM implements, LuaJIT 2.1's (scripts test {@code jit.version_num} or the
 * number in {@code jit.version} to pick features), then this VM.
 */
public final class JitLibrary {
    private JitLibrary() {
    }

    public static LuaTable install(LuaRuntime runtime, JitEngine engine) {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        String os = System.getProperty("os.name").startsWith("Linux") ? "Linux"
                : System.getProperty("os.name").startsWith("Mac") ? "OSX"
                : System.getProperty("os.name").startsWith("Windows") ? "Windows" : "Other";
        LuaTable opt = new LibraryTable()
                .add("start", args -> {
                    for (Object a : args) {
                        String option = a instanceof LuaString s ? s.toString() : String.valueOf(a);
                        if (!engine.setOption(option)) {
                            throw new LuaError("unknown or malformed optimization flag '" + option + "'");
                        }
                    }
                    return LuaFunction.NONE;
                })
                .table();
        LuaTable t = new LibraryTable()
                .add("on", args -> switchJit(engine, args, true))
                .add("off", args -> switchJit(engine, args, false))
                .add("flush", args -> {
                    engine.flush();
                    return LuaFunction.NONE;
                })
                .add("status", args -> LibraryTable.results(engine.isEnabled()))
                .set("version", LuaString.of("LuaJIT 2.1.0 (Isthmus 0.1)"))
                .set("version_num", 20100.0)
                .set("os", LuaString.of(os))
                .set("arch", LuaString.of(arch))
                .set("opt", opt)
                .table();
        runtime.globals().put(LuaString.of("jit"), t);
        return t;
    }

    /**
     * {@code jit.on()}/{@code jit.off()}: the whole compiler; with a Lua function (and
     * {@code true} for the functions nested in it), only that function's loops.
     */
    private static Object[] switchJit(JitEngine engine, Object[] args, boolean on) {
        if (args.length == 0 || args[0] == null || args[0] instanceof Boolean) {
            if (args.length == 0 || args[0] == null) {
                engine.setEnabled(on);
            }
            return LuaFunction.NONE;
        }
        if (args[0] instanceof LuaClosure f) {
            engine.setEnabled(f.prototype(), on, args.length > 1 && Boolean.TRUE.equals(args[1]));
            return LuaFunction.NONE;
        }
        throw new LuaArgumentError(1, on ? "on" : "off", "Lua function expected");
    }
}
