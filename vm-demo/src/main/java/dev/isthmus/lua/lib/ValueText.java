package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;

/** {@code tostring} of any value: {@code __tostring} first, then Lua's own spelling. */
public final class ValueText {
    private static final LuaString TOSTRING = LuaString.of("__tostring");
    private static final LuaString NIL = LuaString.of("nil");
    private static final LuaString TRUE = LuaString.of("true");
    private static final LuaString FALSE = LuaString.of("false");

    private ValueText() {
    }

    public static LuaString toLuaString(LuaRuntime runtime, Object v) {
        Object r = tostring(runtime, v);
        if (r instanceof LuaString s) {
            return s;
        }
        if (r instanceof Double d) {
            return NumberCoercion.toLuaString(d);
        }
        throw new LuaError("'tostring' must return a string to 'print'");
    }

    /** {@code tostring(v)}: what {@code __tostring} returns, unchecked as in LuaJIT, or the plain spelling. */
    public static Object tostring(LuaRuntime runtime, Object v) {
        Object handler = runtime.semantics().metamethod(v, TOSTRING);
        if (handler != null) {
            return dev.isthmus.lua.interp.LuaSemantics.first(runtime.semantics().call(handler, new Object[] {v}));
        }
        return plain(v);
    }

    /** The spelling without metamethods: numbers by {@code %.14g}, others as {@code type: 0x...}. */
    public static LuaString plain(Object v) {
        return switch (v) {
            case null -> NIL;
            case Boolean b -> b ? TRUE : FALSE;
            case Double d -> NumberCoercion.toLuaString(d);
            case LuaString s -> s;
            case LuaTable t -> LuaString.of("table: " + address(t));
            case JavaFunction f -> LuaString.of("function: builtin#" + Math.abs(f.name().hashCode() % 200));
            case LuaFunction f -> LuaString.of("function: " + address(f));
            case Coroutine c -> LuaString.of("thread: " + address(c));
            case LuaObject o -> LuaString.of(LuaType.of(o).luaName() + ": " + address(o));
            default -> LuaString.of(v.toString());
        };
    }

    /** A stable pseudo-address for reference values (the JVM does not expose real ones). */
    static String address(Object o) {
        return String.format("0x%08x", System.identityHashCode(o));
    }
}
