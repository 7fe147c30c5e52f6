package dev.isthmus.lua.lib;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.util.ArrayList;
import java.util.List;

/**
 * LuaJIT's {@code jit.util}, the part that describes functions: {@code funcinfo},
 * {@code funck} and {@code funcuvname}, over this VM's prototypes. Their numbers follow this
 * VM's bytecode, not LuaJIT's: {@code bytecodes} counts its instructions plus the header
 * LuaJIT counts (so pc 0 is the header, on the line the function is defined, and pc n is
 * instruction n - 1), {@code stackslots} its registers, and the constants are its constant
 * pool, where LuaJIT embeds small integers in instructions and counts child functions as
 * constants. {@code funcbc} and the trace inspectors ({@code traceinfo}, {@code traceir},
 * {@code tracek}, {@code tracesnap}, {@code tracemc}, {@code traceexitstub},
 * {@code ircalladdr}) are absent: the bytecode is not LuaJIT's, and a trace here is a JVM
 * method, without LuaJIT's IR, snapshots or machine code to return.
 */
final class JitUtilLibrary {
    private JitUtilLibrary() {
    }

    static LuaTable install() {
        return new LibraryTable()
                .add("funcinfo", JitUtilLibrary::funcinfo)
                .add("funck", JitUtilLibrary::funck)
                .add("funcuvname", JitUtilLibrary::funcuvname)
                .table();
    }

    /**
     * {@code funcinfo(f [, pc])}: a Lua function's prototype (lines, slots, parameters,
     * counts, {@code currentline} at pc, source and {@code loc}); a Java function's upvalue
     * count (LuaJIT's C functions also give their address and fast-function id).
     */
    private static Object[] funcinfo(Object[] args) {
        Arguments a = new Arguments("funcinfo", args);
        LuaTable info = new LuaTable();
        if (!(a.get(0) instanceof LuaClosure f)) {
            if (!(a.get(0) instanceof LuaFunction)) {
                throw a.typeError(0, "function");
            }
            info.put(LuaString.of("upvalues"), 0.0);
            return LibraryTable.results(info);
        }
        Prototype p = f.prototype();
        int pc = a.optInt(1, 0);
        int bytecodes = p.instructionCount() + 1;
        List<Object> numbers = constants(p, true);
        put(info, "linedefined", p.lineDefined());
        put(info, "lastlinedefined", p.lastLineDefined());
        put(info, "stackslots", p.frameSize());
        put(info, "params", p.parameterCount());
        put(info, "bytecodes", bytecodes);
        put(info, "gcconsts", p.constants().length - numbers.size());
        put(info, "nconsts", numbers.size());
        put(info, "upvalues", p.upvalueNames().size());
        if (pc >= 0 && pc < bytecodes) {
            put(info, "currentline", lineAt(p, pc));
        }
        info.put(LuaString.of("isvararg"), p.isVararg());
        info.put(LuaString.of("children"), !p.prototypes().isEmpty());
        info.put(LuaString.of("source"), LuaString.of("@" + p.chunkName()));
        info.put(LuaString.of("loc"), LuaString.of(shortName(p.chunkName()) + ":" + lineAt(p, pc)));
        return LibraryTable.results(info);
    }

    /** LuaJIT's line of pc: its header's (pc 0 or out of range) is the line the function is defined on. */
    private static int lineAt(Prototype p, int pc) {
        return pc >= 1 && pc <= p.instructionCount() ? p.lines()[pc - 1] : p.lineDefined();
    }

    /** The chunk name without its directories, as {@code lj_debug_pushloc} shortens a file name. */
    private static String shortName(String chunkName) {
        int slash = Math.max(chunkName.lastIndexOf('/'), chunkName.lastIndexOf('\\'));
        return chunkName.substring(slash + 1);
    }

    /**
     * {@code funck(f, i)}: constant i of a Lua function, or nothing: numbers from 0 up, the
     * others (strings, 64-bit cdata literals) from -1 down, each in the pool's order.
     */
    private static Object[] funck(Object[] args) {
        Arguments a = new Arguments("funck", args);
        Prototype p = luaPrototype(a);
        int index = a.checkInt(1);
        List<Object> numbers = constants(p, true);
        List<Object> others = constants(p, false);
        if (index >= 0) {
            return index < numbers.size() ? LibraryTable.results(numbers.get(index)) : LuaFunction.NONE;
        }
        return -index - 1 < others.size() ? LibraryTable.results(others.get(-index - 1)) : LuaFunction.NONE;
    }

    /** {@code funcuvname(f, i)}: the name of upvalue i (from 0) of a Lua function, or nothing. */
    private static Object[] funcuvname(Object[] args) {
        Arguments a = new Arguments("funcuvname", args);
        Prototype p = luaPrototype(a);
        int index = a.checkInt(1);
        return index >= 0 && index < p.upvalueNames().size()
                ? LibraryTable.results(LuaString.of(p.upvalueNames().get(index))) : LuaFunction.NONE;
    }

    /** A Lua function's prototype; anything else is LuaJIT's "function expected" (a C function included). */
    private static Prototype luaPrototype(Arguments a) {
        if (a.get(0) instanceof LuaClosure f) {
            return f.prototype();
        }
        throw a.typeError(0, "function");
    }

    /** The constants that are numbers, or the others, in the pool's order. */
    private static List<Object> constants(Prototype p, boolean areNumbers) {
        List<Object> chosen = new ArrayList<>();
        for (Object k : p.constants()) {
            if (k instanceof Double == areNumbers) {
                chosen.add(k);
            }
        }
        return chosen;
    }

    private static void put(LuaTable t, String key, int value) {
        t.put(LuaString.of(key), (double) value);
    }
}
