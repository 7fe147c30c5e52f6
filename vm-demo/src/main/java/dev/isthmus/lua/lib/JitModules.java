package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.jit.JitEngine;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.util.function.Consumer;

/**
 * The modules LuaJIT ships under {@code jit.}, opened by {@code require}: {@code jit.util}
 * ({@link JitUtilLibrary}), and {@code jit.v} and {@code jit.dump}, whose {@code on},
 * {@code off} and {@code start} switch the trace compiler's verbose and dump output as
 * {@code -jv} and {@code -jdump} do. LuaJIT's are Lua files on its path (v.lua, dump.lua);
 * here they are preloaded. Dump's option letters are accepted and not read: the dump is
 * this compiler's trace IR, not LuaJIT's bytecode, IR and machine code sections.
 */
public final class JitModules {
    private JitModules() {
    }

    public static void register(LuaRuntime runtime, JitEngine engine, JitLog log) {
        PackageLibrary.registerPreload(runtime, "jit.util", JitUtilLibrary::install);
        // jit.v.on([file]); jit.dump.on([options [, file]]).
        PackageLibrary.registerPreload(runtime, "jit.v", () -> switchModule(log, 0, engine::setVerbose));
        PackageLibrary.registerPreload(runtime, "jit.dump", () -> switchModule(log, 1, engine::setDump));
    }

    /**
     * A module of {@code on}, {@code off} and {@code start} (the name {@code -j} calls, the
     * same as on) switching one kind of output, on naming its file at {@code fileArgument}.
     */
    private static LuaTable switchModule(JitLog log, int fileArgument, Consumer<Boolean> output) {
        JavaFunction on = new JavaFunction("on", args -> {
            log.redirect(fileName(args, fileArgument));
            output.accept(true);
            return LuaFunction.NONE;
        });
        return new LibraryTable()
                .set("on", on)
                .set("start", on)
                .add("off", args -> {
                    output.accept(false);
                    log.close();
                    return LuaFunction.NONE;
                })
                .table();
    }

    /** The output file argument, or null for the error stream. */
    private static String fileName(Object[] args, int index) {
        return args.length > index && args[index] instanceof LuaString s ? s.toString() : null;
    }
}
