package dev.isthmus.lua.runtime;

/**
 * A Lua function value: a Lua closure or a function written in Java. Arguments and results are
 * arrays; nil is {@code null}. A function returns {@link #NONE} for no results.
 */
public abstract class LuaFunction {
    public static final Object[] NONE = new Object[0];

    /** Calls the function. Lua errors propagate as {@link LuaError}. */
    public abstract Object[] call(Object[] arguments);

    /** Calls the function for its first result alone (null when none); closures skip the result array. */
    public Object callForFirstResult(Object[] arguments) {
        Object[] results = call(arguments);
        return results.length == 0 ? null : results[0];
    }

    /** {@link #callForFirstResult(Object[])} with one argument; a closure takes it without an array. */
    public Object firstResultOf(Object argument) {
        return callForFirstResult(new Object[] {argument});
    }

    /** {@link #callForFirstResult(Object[])} with two arguments; a closure takes them without an array. */
    public Object firstResultOf(Object first, Object second) {
        return callForFirstResult(new Object[] {first, second});
    }

    /** The name used in error messages and tracebacks ({@code print}, {@code string.format}). */
    public abstract String name();
}
