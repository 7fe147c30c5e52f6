package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * LuaJIT's {@code jit} library, reporting this VM honestly: there is no trace compiler yet,
 * so {@code jit.status()} is false whatever {@code jit.on()} asked for, and {@code jit.opt}
 * accepts LuaJIT's options without effect. The version names the dialect this VM implements,
 * LuaJIT 2.1's (scripts test {@code jit.version_num} or the number in {@code jit.version} to
 * pick features), then this VM.
 */
public final class JitLibrary {
    private JitLibrary() {
    }

    public static LuaTable install(LuaRuntime runtime) {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        String os = System.getProperty("os.name").startsWith("Linux") ? "Linux"
                : System.getProperty("os.name").startsWith("Mac") ? "OSX"
                : System.getProperty("os.name").startsWith("Windows") ? "Windows" : "Other";
        LuaTable opt = new LibraryTable()
                .add("start", args -> LuaFunction.NONE)
                .table();
        LuaTable t = new LibraryTable()
                .add("on", args -> LuaFunction.NONE)
                .add("off", args -> LuaFunction.NONE)
                .add("flush", args -> LuaFunction.NONE)
                .add("status", args -> LibraryTable.results(Boolean.FALSE))
                .set("version", LuaString.of("LuaJIT 2.1.0 (Isthmus 0.1, interpreter, no trace compiler)"))
                .set("version_num", 20100.0)
                .set("os", LuaString.of(os))
                .set("arch", LuaString.of(arch))
                .set("opt", opt)
                .table();
        runtime.globals().put(LuaString.of("jit"), t);
        return t;
    }
}
