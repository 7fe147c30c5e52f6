package dev.isthmus.lua.runtime;

/**
 * A Lua function value: a Lua closure or a function written in Java. Arguments and results are
 * arrays; nil is {@code null}. A function returns {@link #NONE} for no results.
 */
public abstract class LuaFunction {
    public static final Object[] NONE = new Object[0];

    /** Calls the function. Lua errors propagate as {@link LuaError}. */
    public abstract Object[] call(Object[] arguments);

    /** The name used in error messages and tracebacks ({@code print}, {@code string.format}). */
    public abstract String name();
}
