package dev.isthmus.lua.runtime;

import java.lang.invoke.MethodHandle;

/**
 * A callable whose call on Lua numbers also exists as a method handle of unboxed doubles: a C
 * function whose parameters and result are C numbers, with LuaJIT's conversions of a Lua
 * number to each parameter and of the result back to a Lua number built in. A trace compiler
 * calls it with {@code invokeExact} on doubles, so the JVM sees the native call as a constant.
 */
public interface NumericCallable {
    /**
     * The handle, of type {@code (double, ...)double}, or {@code (double, ...)void} for a void
     * function; null when some parameter or the result is not a C number.
     */
    MethodHandle numericHandle();

    /** The C symbol called, which names the call in generated code. */
    String symbol();
}
