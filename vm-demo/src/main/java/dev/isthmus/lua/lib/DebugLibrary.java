package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.Traceback;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * The parts of Lua's debug library that scripts use outside debuggers: {@code traceback}
 * (typically as an {@code xpcall} handler), {@code getinfo} for functions and levels, and
 * {@code getmetatable}/{@code setmetatable}. Hooks and locals are not available: the
 * interpreter keeps no per-instruction position outside the frame that runs it.
 */
public final class DebugLibrary {
    private DebugLibrary() {
    }

    public static LuaTable install(LuaRuntime runtime) {
        LuaTable t = new LibraryTable()
                .add("traceback", args -> {
                    Object message = args.length > 0 ? args[0] : null;
                    if (message != null && !(message instanceof LuaString) && !(message instanceof Double)) {
                        return new Object[] {message};
                    }
                    StringBuilder out = new StringBuilder();
                    if (message != null) {
                        out.append(ValueText.plain(message)).append('\n');
                    }
                    out.append("stack traceback:");
                    for (String line : Traceback.lines(runtime.callStack(), runtime.handling(),
                            runtime.currentCoroutine() != runtime.mainCoroutine())) {
                        out.append("\n\t").append(line);
                    }
                    return new Object[] {LuaString.of(out.toString())};
                })
                .add("getinfo", args -> {
                    Object target = args.length > 0 ? args[0] : null;
                    if (target instanceof Double level) {
                        target = runtime.callStack().at(level.intValue());
                        if (target == null) {
                            return new Object[] {null};
                        }
                    }
                    if (!(target instanceof LuaFunction f)) {
                        throw new Arguments("getinfo", args).typeError(0, "function or level");
                    }
                    return new Object[] {info(f)};
                })
                .add("getmetatable", args -> new Object[] {runtime.semantics().metatable(args.length > 0 ? args[0] : null)})
                .add("setmetatable", args -> {
                    if (args.length > 0 && args[0] instanceof LuaTable table) {
                        table.setMetatable(args.length > 1 ? (LuaTable) args[1] : null);
                    }
                    return new Object[] {args.length > 0 ? args[0] : null};
                })
                .add("sethook", args -> LuaFunction.NONE)
                .add("gethook", args -> new Object[] {null})
                .table();
        runtime.globals().put(LuaString.of("debug"), t);
        return t;
    }

    private static LuaTable info(LuaFunction f) {
        LuaTable t = new LuaTable();
        if (f instanceof LuaClosure c) {
            var p = c.prototype();
            t.put(LuaString.of("source"), LuaString.of("@" + p.chunkName()));
            t.put(LuaString.of("short_src"), LuaString.of(p.chunkName()));
            t.put(LuaString.of("linedefined"), (double) p.lineDefined());
            t.put(LuaString.of("lastlinedefined"), (double) p.lastLineDefined());
            t.put(LuaString.of("what"), LuaString.of(p.lineDefined() == 0 ? "main" : "Lua"));
            t.put(LuaString.of("nups"), (double) p.upvalues().size());
        } else {
            t.put(LuaString.of("source"), LuaString.of("=[C]"));
            t.put(LuaString.of("short_src"), LuaString.of("[C]"));
            t.put(LuaString.of("linedefined"), -1.0);
            t.put(LuaString.of("what"), LuaString.of("C"));
            t.put(LuaString.of("nups"), 0.0);
        }
        t.put(LuaString.of("currentline"), -1.0);
        t.put(LuaString.of("func"), f);
        return t;
    }
}
